import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WS_PROTOCOL } from '../../app.js';
import { ManualClock } from '../../platform/clock.js';
import { startTestApp, type TestApp } from '../../test-support/harness.js';
import { TRY_AGAIN_LATER } from '../../platform/stream/hub.js';
import { TestSocket } from '../../platform/stream/test-socket.js';
import { createRiskStream, riskViewerOf } from './stream.js';
import { cross, hourlyWalk, ingestCloses, riskDesk } from './test-support.js';

const NOW = Date.UTC(2026, 5, 1, 8);
const NL = 'PWR-NL-FUT-M-BASE';
const GB = 'PWR-GB-FUT-Q-BASE';

type Message = Record<string, unknown>;

interface ClientSocket {
  on(event: 'message', listener: (data: Buffer) => void): void;
  send(data: string): void;
  terminate(): void;
}

/** A risk stream connection authenticated as the browser does it, collecting what arrives. */
async function connect(t: TestApp, headers: Record<string, string>) {
  const token = headers.authorization!.slice('Bearer '.length);
  const socket = (await t.app.injectWS('/api/v1/risk/stream', {
    headers: { 'sec-websocket-protocol': `${WS_PROTOCOL}, bearer.${token}` },
  })) as ClientSocket;
  const received: Message[] = [];
  const waiting: { match(m: Message): boolean; resolve(m: Message): void }[] = [];
  socket.on('message', (data) => {
    const message = JSON.parse(String(data)) as Message;
    received.push(message);
    for (const w of [...waiting]) {
      if (w.match(message)) {
        waiting.splice(waiting.indexOf(w), 1);
        w.resolve(message);
      }
    }
  });
  const next = (match: (m: Message) => boolean): Promise<Message> => {
    const seen = received.find(match);
    return seen
      ? Promise.resolve(seen)
      : new Promise((resolve) => waiting.push({ match, resolve }));
  };
  // The server's greeting may come before this listener; a ping proves the socket is served.
  socket.send(JSON.stringify({ type: 'ping' }));
  await next((m) => m.type === 'pong');
  return { socket, received, next };
}

const alertOf = (m: Message) => m.alert as { kind: string; book: string | null; limitName: string };
const runOf = (m: Message) =>
  m.run as { runId: string; status: string; stage: string | null; fraction: number };

describe('risk stream: live alerts and VaR run progress', () => {
  let t: TestApp;
  let desk: Awaited<ReturnType<typeof riskDesk>>;
  const post = (url: string, headers: Record<string, string>, payload: Record<string, unknown>) =>
    t.app.inject({ method: 'POST', url, headers, payload });
  const get = (url: string, headers: Record<string, string>) =>
    t.app.inject({ method: 'GET', url, headers });

  beforeAll(async () => {
    t = await startTestApp({ clock: new ManualClock(NOW) });
    desk = await riskDesk(t.app);
    await ingestCloses(t.app, desk.admin, NL, hourlyWalk(31, 200, 60, 1, NOW));
  });
  afterAll(async () => t.close());

  it("pushes a breach to the risk manager and the breaching book's trader as it happens, and to no one else", async () => {
    const [risk, alice, bob] = await Promise.all([
      connect(t, desk.risk),
      connect(t, desk.alice),
      connect(t, desk.bob),
    ]);
    await post('/api/v1/risk/limits', desk.risk, {
      name: 'trader NL cap',
      kind: 'position',
      scope: 'book',
      book: 'trader',
      instrumentId: NL,
      threshold: 3,
      severity: 'soft',
    });
    await post('/api/v1/risk/limits', desk.risk, {
      name: 'trader2 GB cap',
      kind: 'position',
      scope: 'book',
      book: 'trader2',
      instrumentId: GB,
      threshold: 3,
      severity: 'soft',
    });

    await cross(t.app, NL, desk.bob, desk.alice, 60, 4);
    const pushed = await alice.next((m) => m.type === 'alert');
    expect(alertOf(pushed)).toMatchObject({
      kind: 'breach',
      book: 'trader',
      limitName: 'trader NL cap',
    });
    expect(alertOf(await risk.next((m) => m.type === 'alert'))).toMatchObject({ book: 'trader' });
    // The pushed alert is the stored one.
    const stored = (await get('/api/v1/risk/alerts', desk.risk)).json<{ items: { id: string }[] }>()
      .items;
    expect(stored.map((a) => a.id)).toContain((pushed.alert as { id: string }).id);

    // Alerts go out in the order they are raised, so trader's would reach trader2 before this one.
    await cross(t.app, GB, desk.bob, desk.alice, 70, 4);
    expect(alertOf(await bob.next((m) => m.type === 'alert'))).toMatchObject({
      book: 'trader2',
      limitName: 'trader2 GB cap',
    });
    expect(bob.received.filter((m) => m.type === 'alert').map((m) => alertOf(m).book)).toEqual([
      'trader2',
    ]);
    for (const c of [risk, alice, bob]) c.socket.terminate();
  });

  it('refuses a connection without a valid token', async () => {
    await expect(t.app.injectWS('/api/v1/risk/stream')).rejects.toThrow(/401/);
    await expect(
      t.app.injectWS('/api/v1/risk/stream', {
        headers: { 'sec-websocket-protocol': `${WS_PROTOCOL}, bearer.nope` },
      }),
    ).rejects.toThrow();
  });

  it('runs a Monte Carlo VaR in the background, streams its progress and serves its figures', async () => {
    const alice = await connect(t, desk.alice);
    const request = { method: 'montecarlo', book: 'trader', scenarios: 20_000, seed: 3 };
    const started = await post('/api/v1/risk/var/runs', desk.alice, request);
    expect(started.statusCode, started.body).toBe(202);
    const { runId } = started.json<{ runId: string; status: string }>();
    expect(started.json()).toMatchObject({ status: 'running', result: null });

    await alice.next(
      (m) => m.type === 'var-run' && runOf(m).runId === runId && runOf(m).status === 'done',
    );
    const updates = alice.received
      .filter((m) => m.type === 'var-run' && runOf(m).runId === runId)
      .map(runOf);
    expect(
      updates.some((u) => u.stage === 'simulation' && u.fraction > 0.3 && u.fraction < 0.95),
    ).toBe(true);
    const fractions = updates.map((u) => u.fraction);
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
    expect(fractions.at(-1)).toBe(1);

    const polled = await get(`/api/v1/risk/var/runs/${runId}`, desk.alice);
    expect(polled.json()).toMatchObject({
      status: 'done',
      fraction: 1,
      result: { method: 'montecarlo', positions: 2, factors: 1 },
    });
    const direct = (
      await get('/api/v1/risk/var?method=montecarlo&book=trader&scenarios=20000&seed=3', desk.alice)
    ).json<{ var: number }>();
    expect(polled.json<{ result: { var: number } }>().result.var).toBe(direct.var);
    alice.socket.terminate();

    // Only the trader who started it, and risk managers, can see a run.
    expect((await get(`/api/v1/risk/var/runs/${runId}`, desk.bob)).statusCode).toBe(404);
    expect((await get(`/api/v1/risk/var/runs/${runId}`, desk.risk)).statusCode).toBe(200);
  });

  it('refuses a run it could not do before starting it', async () => {
    const few = await post('/api/v1/risk/var/runs', desk.alice, {
      method: 'montecarlo',
      scenarios: 5,
    });
    expect(few.statusCode).toBe(400);
    expect(few.json()).toMatchObject({ errors: [{ field: 'scenarios' }] });
    const theirs = await post('/api/v1/risk/var/runs', desk.alice, {
      method: 'montecarlo',
      book: 'trader2',
    });
    expect(theirs.statusCode).toBe(403);
    expect(theirs.json()).toMatchObject({ code: 'book_forbidden' });
    expect(
      (await get('/api/v1/risk/var/runs/00000000-0000-4000-8000-000000000000', desk.alice))
        .statusCode,
    ).toBe(404);
  });
});

describe('risk stream, per client', () => {
  const principal = (username: string, manager: boolean) => ({
    kind: 'user' as const,
    userId: username,
    username,
    roles: [],
    permissions: new Set(manager ? ['risk:read', 'risk:write'] : ['risk:read']),
  });
  const connect = (
    stream: ReturnType<typeof createRiskStream>,
    username: string,
    manager: boolean,
  ) => {
    const socket = new TestSocket();
    stream.hub.attach(socket, riskViewerOf(principal(username, manager)));
    return socket;
  };
  const stream = () => createRiskStream({ maxBufferedBytes: 1024, heartbeatMs: 0 });

  it('answers a ping and refuses anything else with an error message', () => {
    const s = stream();
    const socket = connect(s, 'trader', false);
    socket.receive('{"type":"ping"}');
    socket.receive('{"type":"subscribe"');
    expect(socket.sent.map((m) => m.type)).toEqual(['subscribed', 'pong', 'error']);
  });

  it('drops a client that stopped reading with 1013 and keeps serving the others', () => {
    const s = stream();
    const slow = connect(s, 'risk', true);
    const fast = connect(s, 'risk2', true);
    slow.bufferedAmount = 4096;
    s.alert({ book: 'trader', message: 'x' });
    expect(slow.closed?.code).toBe(TRY_AGAIN_LATER);
    expect(fast.sent.at(-1)).toMatchObject({ type: 'alert', alert: { book: 'trader' } });
    expect(s.hub.size).toBe(1);
  });

  it("sends a book's alert to its trader and risk managers only", () => {
    const s = stream();
    const own = connect(s, 'trader', false);
    const other = connect(s, 'trader2', false);
    const manager = connect(s, 'risk', true);
    s.alert({ book: 'trader', message: 'x' });
    expect([own, other, manager].map((c) => c.of('alert').length)).toEqual([1, 0, 1]);
  });

  it('sends run progress without the figures, only to whoever started the run', () => {
    const s = stream();
    const mine = connect(s, 'trader', false);
    const other = connect(s, 'risk', true);
    s.run({
      runId: 'r',
      requestedBy: 'trader',
      method: 'montecarlo',
      status: 'done',
      stage: 'storing',
      done: 1,
      total: 1,
      fraction: 1,
      startedAt: '',
      result: null,
      error: null,
      seq: 3,
    });
    expect(mine.sent.at(-1)).toMatchObject({
      type: 'var-run',
      run: { runId: 'r', status: 'done' },
    });
    expect(mine.sent.at(-1)!.run).not.toHaveProperty('result');
    expect(other.of('var-run')).toEqual([]);
  });
});
