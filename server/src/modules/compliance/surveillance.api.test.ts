import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../platform/clock.js';
import { startTestApp, type TestApp } from '../../test-support/harness.js';
import { orderBody, signInDesk, type DeskTokens } from './test-support.js';

interface Alert {
  id: string;
  source: string;
  kind: string;
  account: string | null;
  instrumentId: string | null;
  score: number | null;
  details: { alertId: string; pattern: string; accounts: string[]; evidence: string[] };
}

interface Run {
  id: string;
  status: 'running' | 'done' | 'failed';
  fraction: number;
  fillsRead: number;
  alertsFound: number;
  byDetector: Record<string, number>;
}

/** Asks again (yielding to the bus and the background job between tries) until `done` holds. */
async function eventually<T>(ask: () => Promise<T>, done: (v: T) => boolean, attempts = 100) {
  let last = await ask();
  for (let i = 0; i < attempts && !done(last); i++) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    last = await ask();
  }
  return last;
}

const START = Date.UTC(2026, 5, 1, 9);

describe('surveillance on trading events', () => {
  let t: TestApp;
  let desk: DeskTokens;
  const clock = new ManualClock(START);
  const call = (
    method: 'GET' | 'POST',
    url: string,
    headers: Record<string, string>,
    payload?: object,
  ) => t.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
  const place = async (headers: Record<string, string>, over: Record<string, unknown>) => {
    const res = await call('POST', '/api/v1/orders', headers, orderBody(over));
    expect(res.statusCode, res.body).toBe(201);
  };
  const washAlerts = async () =>
    (
      await call(
        'GET',
        '/api/v1/compliance/alerts?source=surveillance&kind=wash_trade',
        desk.officer,
      )
    ).json<{ items: Alert[] }>().items;

  beforeAll(async () => {
    t = await startTestApp({ clock });
    desk = await signInDesk(t.app);
  });
  afterAll(async () => t.close());

  it('raises a wash_trade alert live when two accounts trade a round trip with each other', async () => {
    // trader buys 25 from trader2, a minute later sells the 25 back at the same price.
    await place(desk.trader, { side: 'buy', price: 88, quantity: 25 });
    await place(desk.trader2, { side: 'sell', price: 88, quantity: 25 });
    clock.advance(60_000);
    await place(desk.trader2, { side: 'buy', price: 88, quantity: 25 });
    await place(desk.trader, { side: 'sell', price: 88, quantity: 25 });
    // The episode closes when a later event shows its 15-minute window has passed.
    clock.advance(16 * 60_000);
    desk = await signInDesk(t.app); // the access tokens of 16 minutes ago have expired
    await place(desk.trader, { side: 'buy', price: 70, quantity: 1 });

    const alerts = await eventually(washAlerts, (a) => a.length > 0);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({
      source: 'surveillance',
      kind: 'wash_trade',
      account: 'trader',
      instrumentId: orderBody().instrumentId,
      details: { pattern: 'offsetting_trades', accounts: ['trader', 'trader2'] },
    });
    expect(alerts[0]!.score).toBeGreaterThan(0.5);
    expect(alerts[0]!.details.alertId).toMatch(/^wash_trade:offsetting_trades:fill:/);
    expect(alerts[0]!.details.evidence).toHaveLength(2);
  });

  it('finds the same alert in a batch over the range and stores it only once', async () => {
    const started = await call('POST', '/api/v1/compliance/surveillance/runs', desk.officer, {
      from: new Date(START - 3_600_000).toISOString(),
      to: new Date(START + 3_600_000).toISOString(),
    });
    expect(started.statusCode, started.body).toBe(202);
    const { id } = started.json<Run>();
    const run = await eventually(
      async () =>
        (await call('GET', `/api/v1/compliance/surveillance/runs/${id}`, desk.officer)).json<Run>(),
      (r) => r.status !== 'running',
    );
    expect(run).toMatchObject({ status: 'done', fraction: 1, fillsRead: 2 });
    expect(run.byDetector.wash_trade).toBe(1);

    const alerts = await washAlerts();
    expect(alerts).toHaveLength(1);
    expect(alerts[0]!.details.alertId).toMatch(/^wash_trade:offsetting_trades:fill:/);
  });

  it('a second batch over the range raises nothing new either', async () => {
    const before = await washAlerts();
    const started = await call('POST', '/api/v1/compliance/surveillance/runs', desk.admin, {
      from: new Date(START).toISOString(),
      to: new Date(START + 30 * 60_000).toISOString(),
    });
    expect(started.statusCode).toBe(202);
    const { id } = started.json<Run>();
    await eventually(
      async () =>
        (await call('GET', `/api/v1/compliance/surveillance/runs/${id}`, desk.admin)).json<Run>(),
      (r) => r.status !== 'running',
    );
    expect((await washAlerts()).map((a) => a.id)).toEqual(before.map((a) => a.id));
  });

  it('lets only compliance start runs', async () => {
    const body = {
      from: new Date(START).toISOString(),
      to: new Date(START + 60_000).toISOString(),
    };
    const res = await call('POST', '/api/v1/compliance/surveillance/runs', desk.trader, body);
    expect(res.statusCode).toBe(403);
  });

  it('refuses a range that is empty, backwards, too long or not an instant, naming the field', async () => {
    const post = (body: object) =>
      call('POST', '/api/v1/compliance/surveillance/runs', desk.officer, body);
    const at = (ms: number) => new Date(START + ms).toISOString();
    const backwards = await post({ from: at(60_000), to: at(0) });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json()).toMatchObject({ errors: [{ field: 'to' }] });
    const empty = await post({ from: at(0), to: at(0) });
    expect(empty.statusCode).toBe(400);
    expect(empty.json()).toMatchObject({ errors: [{ field: 'to' }] });
    const long = await post({ from: at(0), to: at(32 * 86_400_000) });
    expect(long.statusCode).toBe(400);
    expect(long.json()).toMatchObject({ errors: [{ field: 'to' }] });
    const notInstant = await post({ from: 'yesterday', to: at(0) });
    expect(notInstant.statusCode).toBe(400);
    expect(notInstant.json<{ errors: { field: string }[] }>().errors.map((e) => e.field)).toEqual([
      'from',
      'from',
    ]);
  });

  it('answers 404 for a run it does not know', async () => {
    const res = await call(
      'GET',
      '/api/v1/compliance/surveillance/runs/00000000-0000-4000-8000-000000000000',
      desk.officer,
    );
    expect(res.statusCode).toBe(404);
  });
});
