import { describe, expect, it } from 'vitest';
import { FakeSocket } from '../../app/stream/fakeSocket';
import {
  createRiskStream,
  riskStreamUrl,
  type RiskStreamOptions,
  type RiskStreamStatus,
  type VarRunProgress,
} from './riskStream';
import type { RiskAlert } from './types';

function harness(overrides: Partial<RiskStreamOptions> = {}) {
  const sockets: FakeSocket[] = [];
  const timers: { run: () => void; ms: number }[] = [];
  const statuses: RiskStreamStatus[] = [];
  const alerts: RiskAlert[] = [];
  const runs: VarRunProgress[] = [];
  let unauthorised = 0;
  const stream = createRiskStream({
    url: 'ws://desk.test/api/v1/risk/stream',
    getToken: () => 'tok',
    openSocket: (url, protocols) => {
      const s = new FakeSocket(url, protocols);
      sockets.push(s);
      return s;
    },
    timers: { set: (run, ms) => timers.push({ run, ms }), clear: () => undefined },
    onStatus: (s) => statuses.push(s),
    onAlert: (a) => alerts.push(a),
    onRun: (r) => runs.push(r),
    onUnauthorised: () => (unauthorised += 1),
    ...overrides,
  });
  return { stream, sockets, timers, statuses, alerts, runs, unauthorised: () => unauthorised };
}

const alert: RiskAlert = {
  id: 'a1',
  at: '2026-06-01T08:00:00Z',
  limitId: 'limit-1',
  limitName: 'cap',
  kind: 'breach',
  severity: 'soft',
  book: 'trader',
  value: 4,
  threshold: 3,
  message: 'breached',
};

describe('risk stream client', () => {
  it('authenticates with the bearer subprotocol and hands on alerts and run progress', () => {
    const h = harness();
    h.stream.start();
    const socket = h.sockets[0]!;
    expect(socket.protocols).toEqual(['energyopti.v1', 'bearer.tok']);
    socket.accept();
    expect(h.stream.status()).toBe('live');
    socket.push({ type: 'subscribed', channels: ['alerts', 'runs'] });
    socket.push({ type: 'alert', alert });
    socket.push({ type: 'var-run', run: { runId: 'r1', status: 'running', fraction: 0.4 } });
    socket.push('not json');
    expect(h.alerts).toEqual([alert]);
    expect(h.runs).toEqual([expect.objectContaining({ runId: 'r1', fraction: 0.4 })]);
  });

  it('reconnects with growing delays and asks for a fresh token when refused before opening', () => {
    const h = harness({ initialDelayMs: 100 });
    h.stream.start();
    h.sockets[0]!.drop(1006);
    expect(h.unauthorised()).toBe(1);
    expect(h.stream.status()).toBe('reconnecting');
    h.timers.shift()!.run();
    h.sockets[1]!.drop(1006);
    expect(h.timers.map((t) => t.ms)).toEqual([200]);
    h.timers.shift()!.run();
    h.sockets[2]!.accept();
    expect(h.statuses.at(-1)).toBe('live');
  });

  it('closes its socket when the page stops it', () => {
    const h = harness();
    h.stream.start();
    h.sockets[0]!.accept();
    h.stream.stop();
    expect(h.sockets[0]!.closedWith).toBe(1000);
    expect(h.stream.status()).toBe('stopped');
  });

  it('builds the stream address from the page address', () => {
    expect(riskStreamUrl({ protocol: 'https:', host: 'desk.example' })).toBe(
      'wss://desk.example/api/v1/risk/stream',
    );
    expect(riskStreamUrl({ protocol: 'http:', host: 'localhost:8080' })).toBe(
      'ws://localhost:8080/api/v1/risk/stream',
    );
  });
});
