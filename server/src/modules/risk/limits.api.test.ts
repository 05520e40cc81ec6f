import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../platform/clock.js';
import { startTestApp, type TestApp } from '../../test-support/harness.js';
import { cross, eventually, riskDesk } from './test-support.js';

const NL = 'PWR-NL-FUT-M-BASE';
const GB = 'PWR-GB-FUT-Q-BASE';
const TTF = 'GAS-TTF-FUT-M';

interface AlertBody {
  items: { kind: string; limitName: string; book: string | null; message: string }[];
}

describe('limits, alerts and stress tests', () => {
  let t: TestApp;
  let desk: Awaited<ReturnType<typeof riskDesk>>;
  const get = (url: string, headers: Record<string, string>) =>
    t.app.inject({ method: 'GET', url, headers });
  const post = (url: string, headers: Record<string, string>, payload: Record<string, unknown>) =>
    t.app.inject({ method: 'POST', url, headers, payload });
  let counter = 0;
  const order = (side: 'buy' | 'sell', instrumentId: string, price: number, quantity: number) => ({
    clientOrderId: `limit-${++counter}`,
    instrumentId,
    side,
    type: 'limit',
    price,
    quantity,
    timeInForce: 'GTC',
  });

  beforeAll(async () => {
    t = await startTestApp({ clock: new ManualClock(Date.UTC(2026, 5, 1, 8)) });
    desk = await riskDesk(t.app);
  });
  afterAll(async () => t.close());

  it('refuses an order that would breach a hard position limit and names the limit', async () => {
    const limit = await post('/api/v1/risk/limits', desk.risk, {
      name: 'NL front month',
      kind: 'position',
      scope: 'book',
      book: 'trader',
      instrumentId: NL,
      threshold: 5,
      severity: 'hard',
    });
    expect(limit.statusCode).toBe(201);

    const refused = await post('/api/v1/orders', desk.alice, order('buy', NL, 60, 6));
    expect(refused.statusCode).toBe(422);
    expect(refused.json<{ reason: string; detail: string }>().reason).toMatch(
      /^risk_limit: hard position limit "NL front month"/,
    );
    expect(refused.json<{ detail: string }>().detail).toContain('NL front month');

    const inside = await post('/api/v1/orders', desk.alice, order('buy', NL, 60, 5));
    expect(inside.statusCode).toBe(201);
    // Another book is not bound by trader's limit.
    expect((await post('/api/v1/orders', desk.bob, order('buy', NL, 59, 6))).statusCode).toBe(201);

    const alerts = await eventually(
      async () => (await get('/api/v1/risk/alerts', desk.risk)).json<AlertBody>(),
      (b) => b.items.some((a) => a.kind === 'refused'),
    );
    expect(alerts.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'refused', limitName: 'NL front month', book: 'trader' }),
      ]),
    );
  });

  it('raises one alert when a trade breaches a soft limit and shows the utilisation', async () => {
    await post('/api/v1/risk/limits', desk.risk, {
      name: 'GB quarter desk cap',
      kind: 'position',
      scope: 'desk',
      instrumentId: GB,
      threshold: 3,
      severity: 'soft',
    });
    await cross(t.app, GB, desk.bob, desk.alice, 70, 4);

    const alerts = await eventually(
      async () => (await get('/api/v1/risk/alerts', desk.risk)).json<AlertBody>(),
      (b) => b.items.filter((a) => a.limitName === 'GB quarter desk cap').length >= 2,
    );
    const breaches = alerts.items.filter((a) => a.limitName === 'GB quarter desk cap');
    expect(breaches.map((a) => `${a.kind}:${a.book}`).sort()).toEqual([
      'breach:trader',
      'breach:trader2',
    ]);

    const limits = (await get('/api/v1/risk/limits', desk.risk)).json<{
      items: {
        name: string;
        utilisation: { book: string; utilisation: number; status: string }[];
      }[];
    }>();
    const gb = limits.items.find((l) => l.name === 'GB quarter desk cap')!;
    expect(gb.utilisation.find((u) => u.book === 'trader')).toMatchObject({ status: 'breach' });
    expect(gb.utilisation.find((u) => u.book === 'trader')!.utilisation).toBeCloseTo(4 / 3, 9);
    // Looking again raises nothing new: alerts mark changes of state.
    const again = (await get('/api/v1/risk/alerts', desk.risk)).json<AlertBody>();
    expect(again.items.filter((a) => a.limitName === 'GB quarter desk cap')).toHaveLength(2);
  });

  it("shows a trader only their own book's alerts", async () => {
    const mine = (await get('/api/v1/risk/alerts', desk.alice)).json<AlertBody>();
    expect(mine.items.length).toBeGreaterThan(0);
    expect(mine.items.every((a) => a.book === 'trader')).toBe(true);
  });

  it('lets only a risk manager set limits, and checks the scope', async () => {
    const body = {
      name: 'x',
      kind: 'position',
      scope: 'book',
      book: 'trader',
      threshold: 1,
      severity: 'hard',
    };
    expect((await post('/api/v1/risk/limits', desk.alice, body)).statusCode).toBe(403);
    const noBook = await post('/api/v1/risk/limits', desk.risk, { ...body, book: undefined });
    expect(noBook.statusCode).toBe(400);
    expect(noBook.json()).toMatchObject({ errors: [{ field: 'book', rule: 'required' }] });
  });

  it('revalues positions under a custom shock and the shipped scenarios', async () => {
    await cross(t.app, TTF, desk.bob, desk.alice, 40, 720);
    const res = await post('/api/v1/risk/stress', desk.alice, {
      custom: [{ commodity: 'TTF', shock: 0.1, kind: 'relative' }],
    });
    expect(res.statusCode).toBe(200);
    const custom = res.json<{
      results: {
        scenarioId: string;
        totalPnl: number;
        positions: { instrumentId: string; pnl: number }[];
      }[];
    }>().results;
    expect(custom).toHaveLength(1);
    expect(custom[0]!.positions.find((p) => p.instrumentId === TTF)!.pnl).toBeCloseTo(
      720 * 40 * 0.1,
      6,
    );

    const scenarios = (await get('/api/v1/risk/stress/scenarios', desk.alice))
      .json<{ items: { id: string }[] }>()
      .items.map((s) => s.id);
    expect(scenarios).toContain('eu-gas-crisis-2021-22');
    type Shipped = {
      currency: string;
      warnings: string[];
      results: { totalPnl: number; positions: { book: string; pnl: number }[] }[];
    };
    const stressShipped = async () =>
      (
        await post('/api/v1/risk/stress', desk.risk, { scenarioIds: ['eu-gas-crisis-2021-22'] })
      ).json<Shipped>();
    // The GB quarter is in pounds: without a EUR/GBP rate it cannot be reported in euros.
    const unconverted = await stressShipped();
    expect(unconverted.currency).toBe('EUR');
    expect(unconverted.results[0]!.positions).toHaveLength(2);
    expect(unconverted.warnings).toEqual(
      expect.arrayContaining([
        expect.stringMatching(new RegExp(`${GB} is in GBP and there is no GBP/EUR FX rate`)),
      ]),
    );
    const fx = await post('/api/v1/market-data/ticks', desk.admin, {
      ticks: [{ instrumentId: 'FX-EURGBP', time: '2026-06-01T07:30:00Z', price: 0.8, volume: 0 }],
    });
    expect(fx.statusCode).toBe(200);
    const shipped = await stressShipped();
    // The desk's books face each other, so the desk's stressed P&L nets to zero.
    expect(shipped.results[0]!.positions.length).toBeGreaterThanOrEqual(4);
    expect(shipped.results[0]!.totalPnl).toBeCloseTo(0, 6);
    expect(
      shipped.results[0]!.positions.filter((p) => p.book === 'trader').every((p) => p.pnl > 0),
    ).toBe(true);
  });

  it('refuses an unknown scenario naming the field', async () => {
    const res = await post('/api/v1/risk/stress', desk.alice, { scenarioIds: ['no-such-thing'] });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      errors: [{ field: 'scenarioIds.0', rule: 'known_scenario' }],
    });
  });
});
