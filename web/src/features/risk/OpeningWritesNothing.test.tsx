import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { Provider } from 'react-redux';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFakeFetch, json } from '../../app/fakeFetch';
import { sessionStarted } from '../../app/session';
import { makeStore } from '../../app/store';
import { MonteCarloCard } from './MonteCarloCard';
import { StressTable } from './StressTable';

/** Node's Request wants absolute URLs; the app asks for same-origin paths, as a browser resolves them. */
class SameOriginRequest extends Request {
  constructor(input: RequestInfo | URL, init?: RequestInit) {
    super(typeof input === 'string' ? new URL(input, 'http://desk.test') : input, init);
  }
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function signedInStore() {
  const store = makeStore();
  store.dispatch(
    sessionStarted({
      accessToken: 'tok',
      expiresIn: 900,
      user: {
        id: 'risk',
        username: 'risk',
        displayName: 'Risk',
        roles: ['risk_manager'],
        permissions: ['risk:read'],
        mfaEnabled: false,
        mfaRequired: false,
        disabled: false,
        createdAt: '2026-01-01T00:00:00Z',
        lastLoginAt: null,
      },
    }),
  );
  return store;
}

const run = {
  runId: 'run-1',
  requestedBy: 'risk',
  method: 'montecarlo',
  status: 'running',
  stage: null,
  done: 0,
  total: 0,
  fraction: 0,
  startedAt: '2026-06-01T08:00:00Z',
  result: null,
  error: null,
  seq: 0,
};

describe('opening the risk page writes nothing', () => {
  it('starts a Monte Carlo run only when the user asks for one', async () => {
    const { fetchFn, requests } = createFakeFetch({
      'POST /api/v1/risk/var/runs': [json(202, run)],
      'GET /api/v1/risk/var/runs/run-1': [json(200, run)],
    });
    vi.stubGlobal('fetch', fetchFn);
    vi.stubGlobal('Request', SameOriginRequest);
    render(
      <Provider store={signedInStore()}>
        <MonteCarloCard settings={{ confidence: 0.99, horizonDays: 1 }} round={0} live />
      </Provider>,
    );
    const button = screen.getByRole('button', { name: 'Run Monte Carlo' });
    // Let any effect of the first render reach fetch before counting.
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(requests).toEqual([]);

    fireEvent.click(button);
    await waitFor(() =>
      expect(requests[0]).toMatchObject({ method: 'POST', path: '/api/v1/risk/var/runs' }),
    );
    await waitFor(() =>
      expect(screen.queryByRole('button', { name: 'Run Monte Carlo' })).toBeNull(),
    );
  });

  it('reads the shipped stress scenarios with a GET', async () => {
    const { fetchFn, requests } = createFakeFetch({
      'GET /api/v1/risk/stress': [
        json(200, {
          currency: 'EUR',
          results: [{ scenarioId: 's-1', name: 'Gas squeeze', positions: [], totalPnl: -1250 }],
          warnings: [],
        }),
      ],
    });
    vi.stubGlobal('fetch', fetchFn);
    vi.stubGlobal('Request', SameOriginRequest);
    render(
      <Provider store={signedInStore()}>
        <StressTable />
      </Provider>,
    );
    await screen.findByText('Gas squeeze');
    expect(requests.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /api/v1/risk/stress']);
  });
});
