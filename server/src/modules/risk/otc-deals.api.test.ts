import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../platform/clock.js';
import { startTestApp, type TestApp } from '../../test-support/harness.js';
import { normalInverseCdf } from './domain/index.js';
import { hourlyWalk, ingestCloses, JULY_POWER, riskDesk } from './test-support.js';

const NOW = Date.UTC(2026, 5, 1, 8);
const POWER = 'PWR-DE-LU-FUT-M-BASE';
const walk = hourlyWalk(5, 200, 85, 1.5, NOW);
/** 2 MW baseload over July's 744 hours, bought from a counterparty, not on the exchange. */
const HELD = 1_488;

interface VarBody {
  var: number;
  positions: number;
  warnings: string[];
}
interface StressBody {
  results: {
    totalPnl: number;
    positions: { instrumentId: string; quantity: number; price: number; pnl: number }[];
  }[];
}
interface LimitsBody {
  items: {
    name: string;
    utilisation: { book: string | null; value: number; utilisation: number }[];
  }[];
}

describe('an OTC deal alone in risk', () => {
  let t: TestApp;
  let desk: Awaited<ReturnType<typeof riskDesk>>;
  const get = (url: string) => t.app.inject({ method: 'GET', url, headers: desk.alice });
  const post = (url: string, headers: Record<string, string>, payload: Record<string, unknown>) =>
    t.app.inject({ method: 'POST', url, headers, payload });
  const varOf = async (method: string) =>
    (
      await get(
        `/api/v1/risk/var?book=trader&method=${method}&confidence=0.99&horizonDays=1&seed=3&scenarios=20000`,
      )
    ).json<VarBody>();
  const stress = async () =>
    (
      await post('/api/v1/risk/stress', desk.alice, {
        book: 'trader',
        custom: [{ commodity: 'DE-POWER', shock: 0.1, kind: 'relative' }],
      })
    ).json<StressBody>();
  const utilisation = async (name: string) => {
    const body = (await get('/api/v1/risk/limits')).json<LimitsBody>();
    return body.items.find((l) => l.name === name)!.utilisation.find((u) => u.book === 'trader')!;
  };

  const moves = walk.slice(1).map((c, i) => (c.price - walk[i]!.price) * Math.sqrt(24));
  const mean = moves.reduce((a, b) => a + b, 0) / moves.length;
  const sd = Math.sqrt(moves.reduce((a, b) => a + (b - mean) ** 2, 0) / (moves.length - 1));

  beforeAll(async () => {
    t = await startTestApp({ clock: new ManualClock(NOW) });
    desk = await riskDesk(t.app);
    await ingestCloses(t.app, desk.admin, POWER, walk, JULY_POWER);
    for (const limit of [
      { name: 'DE power book cap', kind: 'position', threshold: 2 * HELD },
      { name: 'trader VaR', kind: 'var', threshold: 100_000 },
    ]) {
      const res = await post('/api/v1/risk/limits', desk.risk, {
        ...limit,
        scope: 'book',
        book: 'trader',
        severity: 'soft',
        ...(limit.kind === 'position' ? { instrumentId: POWER } : {}),
      });
      expect(res.statusCode, res.body).toBe(201);
    }
  });
  afterAll(async () => t.close());

  it('sees nothing before the deal', async () => {
    expect(await varOf('historical')).toMatchObject({ var: 0, positions: 0 });
    expect((await stress()).results[0]!.totalPnl).toBe(0);
    expect((await utilisation('DE power book cap')).utilisation).toBe(0);
  });

  it('moves VaR by every method, stress P&L and limit utilisation by the deal', async () => {
    const deal = await post('/api/v1/deals', desk.alice, {
      counterparty: 'Nordic Utility',
      instrumentId: POWER,
      side: 'buy',
      price: 85,
      quantity: HELD,
      ...JULY_POWER,
    });
    expect(deal.statusCode, deal.body).toBe(201);

    const historical = await varOf('historical');
    expect(historical.positions).toBe(1);
    expect(historical.var).toBeCloseTo(Math.max(...moves.map((m) => -HELD * m)), 6);
    const parametric = await varOf('parametric');
    expect(parametric.var).toBeCloseTo(normalInverseCdf(0.99) * HELD * sd, 4);
    const monteCarlo = await varOf('montecarlo');
    expect(monteCarlo.var / parametric.var).toBeGreaterThan(0.9);
    expect(monteCarlo.var / parametric.var).toBeLessThan(1.1);

    // Nothing traded on the exchange: the deal is marked to the latest close.
    const shocked = (await stress()).results[0]!;
    const close = walk.at(-1)!.price;
    expect(shocked.positions).toEqual([
      expect.objectContaining({ instrumentId: POWER, quantity: HELD, price: close }),
    ]);
    expect(shocked.totalPnl).toBeCloseTo(HELD * close * 0.1, 6);
    // The shipped scenarios read by GET (as the risk page does) are those POST runs without custom shocks.
    const shipped = (await get('/api/v1/risk/stress?book=trader')).json<StressBody>();
    const posted = (
      await post('/api/v1/risk/stress', desk.alice, { book: 'trader' })
    ).json<StressBody>();
    expect(shipped.results.length).toBeGreaterThan(0);
    expect(shipped.results.map((r) => r.totalPnl)).toEqual(posted.results.map((r) => r.totalPnl));
    expect(shipped.results.some((r) => r.totalPnl !== 0)).toBe(true);

    expect((await utilisation('DE power book cap')).utilisation).toBeCloseTo(0.5, 9);
    const varLimit = await utilisation('trader VaR');
    expect(varLimit.value).toBeCloseTo(historical.var, 6);
    expect(varLimit.utilisation).toBeCloseTo(historical.var / 100_000, 9);
  });

  it("applies portfolio's book rule: an unknown book is not found, another's forbidden", async () => {
    const asRisk = (url: string) => t.app.inject({ method: 'GET', url, headers: desk.risk });
    for (const url of [
      '/api/v1/risk/var?book=ghost',
      '/api/v1/risk/options?book=ghost',
      '/api/v1/risk/stress?book=ghost',
      '/api/v1/portfolio/positions?book=ghost',
    ]) {
      const res = await asRisk(url);
      expect(res.statusCode, url).toBe(404);
      expect(res.json(), url).toMatchObject({ code: 'book_not_found' });
    }
    const stressed = await post('/api/v1/risk/stress', desk.risk, { book: 'ghost' });
    expect(stressed.statusCode).toBe(404);
    for (const url of [
      '/api/v1/risk/var?book=trader2',
      '/api/v1/portfolio/positions?book=trader2',
    ]) {
      expect((await get(url)).json(), url).toMatchObject({ code: 'book_forbidden' });
    }
  });
});
