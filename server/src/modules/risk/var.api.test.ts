import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../platform/clock.js';
import { bearer, login, startTestApp, type TestApp } from '../../test-support/harness.js';
import { normalInverseCdf } from './domain/index.js';
import { cross, eventually, HOUR_MS, hourlyWalk, ingestCloses, riskDesk } from './test-support.js';

const NOW = Date.UTC(2026, 5, 1, 8);
const POWER = 'PWR-DE-LU-FUT-M-BASE';
const UNPRICED = 'PWR-FR-FUT-M-BASE';
const walk = hourlyWalk(11, 200, 85, 1.5, NOW);

interface VarBody {
  var: number;
  es: number;
  positions: number;
  factors: number;
  currency: string;
  warnings: string[];
  contributions: { key: string; component: number }[];
  pnlDistribution: { bins: { count: number }[] };
}

describe('value at risk', () => {
  let t: TestApp;
  let clock: ManualClock;
  let desk: Awaited<ReturnType<typeof riskDesk>>;
  const get = (url: string, headers: Record<string, string>) =>
    t.app.inject({ method: 'GET', url, headers });

  /** Starts a background run, which is stored, and waits for its figures. */
  async function storedRun(headers: Record<string, string>, book: string): Promise<VarBody> {
    const started = await t.app.inject({
      method: 'POST',
      url: '/api/v1/risk/var/runs',
      headers,
      payload: { method: 'historical', confidence: 0.99, horizonDays: 1, book },
    });
    expect(started.statusCode).toBe(202);
    const { runId } = started.json<{ runId: string }>();
    const done = await eventually(
      async () =>
        (await get(`/api/v1/risk/var/runs/${runId}`, headers)).json<{
          status: string;
          result: VarBody | null;
        }>(),
      (run) => run.status !== 'running',
      200,
    );
    expect(done.status).toBe('done');
    return done.result!;
  }
  const history = async () =>
    (await get('/api/v1/risk/var/history?book=trader&method=historical', desk.alice)).json<{
      items: { id: string; book: string; method: string; var: number }[];
    }>().items;

  beforeAll(async () => {
    clock = new ManualClock(NOW);
    t = await startTestApp({ clock });
    desk = await riskDesk(t.app);
    await ingestCloses(t.app, desk.admin, POWER, walk);
    // trader (alice) ends long 10 MWh of German power, trader2 (bob) short.
    await cross(t.app, POWER, desk.bob, desk.alice, 85, 10);
  });
  afterAll(async () => t.close());

  const moves = walk.slice(1).map((c, i) => (c.price - walk[i]!.price) * Math.sqrt(24));

  it('gives historical VaR as the worst scaled hourly move of the long position at 99%', async () => {
    const res = await get(
      '/api/v1/risk/var?method=historical&confidence=0.99&horizonDays=1&book=trader',
      desk.alice,
    );
    expect(res.statusCode).toBe(200);
    const body = res.json<VarBody>();
    // 199 moves at 99%: the tail holds one scenario, the largest loss.
    const worst = Math.max(...moves.map((m) => -10 * m));
    expect(body).toMatchObject({ positions: 1, factors: 1, currency: 'EUR' });
    expect(body.var).toBeCloseTo(worst, 6);
    expect(body.es).toBeCloseTo(worst, 6);
    expect(body.pnlDistribution.bins.reduce((n, b) => n + b.count, 0)).toBe(moves.length);
    expect(body.contributions).toEqual([expect.objectContaining({ key: POWER })]);
    expect(body.contributions[0]!.component).toBeCloseTo(body.var, 6);
  });

  it('gives parametric VaR as the normal quantile times the volatility of the position', async () => {
    const mean = moves.reduce((a, b) => a + b, 0) / moves.length;
    const sd = Math.sqrt(moves.reduce((a, b) => a + (b - mean) ** 2, 0) / (moves.length - 1));
    const res = await get(
      '/api/v1/risk/var?method=parametric&confidence=0.99&horizonDays=4&book=trader',
      desk.alice,
    );
    const body = res.json<VarBody>();
    expect(body.var).toBeCloseTo(normalInverseCdf(0.99) * 10 * sd * Math.sqrt(4), 4);
    expect(body.es).toBeGreaterThan(body.var);
  });

  it('reproduces a Monte Carlo run from its seed and lands near the parametric figure', async () => {
    const url =
      '/api/v1/risk/var?method=montecarlo&confidence=0.99&book=trader&seed=7&scenarios=20000';
    const [a, b, p] = await Promise.all([
      get(url, desk.alice),
      get(url, desk.alice),
      get('/api/v1/risk/var?method=parametric&book=trader', desk.alice),
    ]);
    expect(a.json<VarBody>().var).toBe(b.json<VarBody>().var);
    expect(a.json<VarBody>().var / p.json<VarBody>().var).toBeGreaterThan(0.9);
    expect(a.json<VarBody>().var / p.json<VarBody>().var).toBeLessThan(1.1);
  });

  it('nets the two books of the desk for the risk manager', async () => {
    const body = await eventually(
      async () => (await get('/api/v1/risk/var?method=historical', desk.risk)).json<VarBody>(),
      (b) => b.positions === 2,
    );
    expect(body.positions).toBe(2);
    expect(body.var).toBeCloseTo(0, 9);
    expect(body.contributions.map((c) => c.key).sort()).toEqual([
      `trader/${POWER}`,
      `trader2/${POWER}`,
    ]);
  });

  it("refuses a trader another trader's book", async () => {
    const res = await get('/api/v1/risk/var?book=trader2', desk.alice);
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: 'book_forbidden' });
  });

  it('says which positions have no price history instead of inventing it', async () => {
    await cross(t.app, UNPRICED, desk.alice, desk.bob, 90, 3);
    const body = (await get('/api/v1/risk/var?book=trader2', desk.risk)).json<VarBody>();
    expect(body.positions).toBe(2);
    expect(body.factors).toBe(1);
    expect(body.warnings).toEqual(
      expect.arrayContaining([expect.stringContaining(`${UNPRICED}: no price history`)]),
    );
  });

  it('stores the runs a user starts, newest first, and none of the VaR asked for on request', async () => {
    const before = await history();
    const asked = await get('/api/v1/risk/var?method=historical&book=trader', desk.alice);
    expect(asked.json<{ id: string | null }>().id).toBeNull();
    expect(await history()).toEqual(before);

    const run = await storedRun(desk.alice, 'trader');
    const after = await history();
    expect(after).toHaveLength(before.length + 1);
    expect(after[0]).toMatchObject({ book: 'trader', method: 'historical' });
    expect(after[0]!.var).toBeCloseTo(run.var, 6);
  });

  it('backtests a stored run once its horizon has passed', async () => {
    const empty = await get('/api/v1/risk/backtest?book=trader', desk.alice);
    expect(empty.json()).toMatchObject({
      days: 0,
      kupiec: null,
      warnings: [expect.stringContaining('no stored historical VaR run')],
    });

    const run = await storedRun(desk.alice, 'trader');
    // A day later the price has fallen by more than the VaR: one exception.
    const drop = walk[walk.length - 1]!.price - (run.var / 10 + 5);
    clock.advance(26 * HOUR_MS);
    // A day on, yesterday's access tokens have expired.
    const admin = bearer((await login(t.app, 'admin')).token);
    const alice = bearer((await login(t.app, 'trader')).token);
    await ingestCloses(t.app, admin, POWER, [{ time: NOW + 23 * HOUR_MS, price: drop }]);
    const res = await get('/api/v1/risk/backtest?book=trader', alice);
    const body = res.json<{
      days: number;
      exceptions: number;
      trafficLight: { zone: string };
      observations: { pnl: number }[];
    }>();
    expect(body.days).toBe(1);
    expect(body.exceptions).toBe(1);
    expect(body.observations[0]!.pnl).toBeCloseTo(10 * (drop - walk[walk.length - 1]!.price), 6);
    // One exception in one day at 99% is as unlikely as it gets for a correct model.
    expect(body.trafficLight.zone).toBe('red');
  });
});
