import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { Provider } from 'react-redux';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { sessionStarted } from '../../app/session';
import { makeStore } from '../../app/store';
import { AlertsList } from './AlertsList';
import { ContributionsChart } from './ContributionsChart';
import { LiveBadge } from './LiveBadge';
import { riskApi } from './riskApi';
import { RunProgress } from './RunProgress';
import type { RiskAlert } from './types';
import { useRiskStream } from './useRiskStream';

/** Stands in for the browser's WebSocket; the test plays the server. */
class FakeWebSocket {
  static opened: FakeWebSocket[] = [];
  readyState = 0;
  onopen: ((e: unknown) => void) | null = null;
  onmessage: ((e: { data: unknown }) => void) | null = null;
  onclose: ((e: { code: number }) => void) | null = null;
  onerror: ((e: unknown) => void) | null = null;
  constructor(
    readonly url: string,
    readonly protocols: string[],
  ) {
    FakeWebSocket.opened.push(this);
  }
  send() {}
  close() {
    this.readyState = 3;
  }
}

const alert = (id: string, message: string): RiskAlert => ({
  id,
  at: '2026-06-01T08:00:00Z',
  limitId: 'limit-1',
  limitName: 'cap',
  kind: 'breach',
  severity: 'soft',
  book: 'trader',
  value: 4,
  threshold: 3,
  message,
});

function LiveAlerts() {
  const status = useRiskStream();
  return (
    <>
      <LiveBadge status={status} />
      <AlertsList live={status === 'live'} />
    </>
  );
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  FakeWebSocket.opened = [];
});

describe('risk dashboard, live', () => {
  it('puts an alert pushed on the risk stream at the top of the alerts list', async () => {
    vi.stubGlobal('WebSocket', FakeWebSocket);
    const store = makeStore();
    store.dispatch(
      sessionStarted({
        accessToken: 'tok',
        expiresIn: 900,
        user: {
          id: 'u',
          username: 'risk',
          displayName: 'Risk',
          roles: ['risk_manager'],
          permissions: ['risk:read', 'risk:write'],
          mfaEnabled: false,
          mfaRequired: false,
          disabled: false,
          createdAt: '',
          lastLoginAt: null,
        },
      }),
    );
    await store.dispatch(
      riskApi.util.upsertQueryData('alerts', undefined, {
        items: [alert('old', 'an earlier breach')],
      }),
    );
    render(
      <Provider store={store}>
        <LiveAlerts />
      </Provider>,
    );
    const socket = FakeWebSocket.opened[0]!;
    expect(socket.url).toMatch(/\/api\/v1\/risk\/stream$/);
    expect(socket.protocols).toEqual(['energyopti.v1', 'bearer.tok']);
    act(() => socket.onopen?.({}));
    expect(screen.getByTestId('risk-stream-status').dataset.status).toBe('live');

    act(() =>
      socket.onmessage?.({
        data: JSON.stringify({
          type: 'alert',
          alert: alert('new', 'position limit breached by book trader'),
        }),
      }),
    );
    const shown = screen.getAllByTestId('alert').map((li) => li.textContent);
    expect(shown[0]).toContain('position limit breached by book trader');
    expect(shown[1]).toContain('an earlier breach');
  });

  it('lets the desk group contributions by book, commodity or delivery period', () => {
    const chosen: string[] = [];
    render(
      <ContributionsChart
        items={[
          { key: 'DE-POWER', component: 120, marginal: 0.01, share: 0.8, positions: 2 },
          { key: 'TTF', component: 30, marginal: 0.002, share: 0.2, positions: 1 },
        ]}
        groupBy="commodity"
        onGroupBy={(g) => chosen.push(g)}
      />,
    );
    expect(screen.getByRole('button', { name: 'Commodity' }).getAttribute('aria-pressed')).toBe(
      'true',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Delivery period' }));
    expect(chosen).toEqual(['deliveryPeriod']);
    expect(screen.getAllByTestId('contribution').map((li) => li.textContent)).toEqual([
      expect.stringContaining('80%'),
      expect.stringContaining('20%'),
    ]);
  });

  it('shows how far a long run has come', () => {
    render(
      <RunProgress
        run={{ status: 'running', stage: 'simulation', done: 6000, total: 20000, fraction: 0.495 }}
      />,
    );
    const bar = screen.getByRole('progressbar', { name: 'VaR run progress' });
    expect(bar.getAttribute('aria-valuenow')).toBe('50');
    expect(screen.getByTestId('var-run-progress').textContent).toContain(
      'Simulating 6,000 of 20,000 scenarios',
    );
  });
});
