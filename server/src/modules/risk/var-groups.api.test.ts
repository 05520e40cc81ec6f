import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../platform/clock.js';
import { startTestApp, type TestApp } from '../../test-support/harness.js';
import { cross, hourlyWalk, ingestCloses, JULY_GAS, Q3_POWER, riskDesk } from './test-support.js';

const NOW = Date.UTC(2026, 5, 1, 8);
const POWER_M = 'PWR-DE-LU-FUT-M-BASE';
const POWER_Q = 'PWR-DE-LU-FUT-Q-BASE';
const TTF = 'GAS-TTF-FUT-M';
const ttfWalk = hourlyWalk(13, 200, 40, 0.4, NOW);

interface VarBody {
  var: number;
  groupBy: string;
  contributions: {
    key: string;
    component: number;
    marginal: number;
    share: number;
    positions: number;
  }[];
  meanReversion: { instrumentId: string; halfLifeDays: number; longRunLevel: number }[];
  warnings: string[];
}

describe('VaR by book, commodity and delivery period, and mean-reverting Monte Carlo', () => {
  let t: TestApp;
  let desk: Awaited<ReturnType<typeof riskDesk>>;
  const get = async (query: string) =>
    t.app.inject({
      method: 'GET',
      url: `/api/v1/risk/var?book=trader&${query}`,
      headers: desk.alice,
    });
  const body = async (query: string) => {
    const res = await get(query);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<VarBody>();
  };

  beforeAll(async () => {
    t = await startTestApp({ clock: new ManualClock(NOW) });
    desk = await riskDesk(t.app);
    await ingestCloses(t.app, desk.admin, POWER_M, hourlyWalk(11, 200, 85, 1.5, NOW));
    await ingestCloses(t.app, desk.admin, POWER_Q, hourlyWalk(12, 200, 80, 1, NOW), Q3_POWER);
    await ingestCloses(t.app, desk.admin, TTF, ttfWalk, JULY_GAS);
    // trader: long July power, short Q3 power, short July gas.
    await cross(t.app, POWER_M, desk.bob, desk.alice, 85, 10);
    await cross(t.app, POWER_Q, desk.alice, desk.bob, 80, 5);
    await cross(t.app, TTF, desk.alice, desk.bob, 40, 720);
  });
  afterAll(async () => t.close());

  it('splits parametric VaR by commodity and delivery period into components that add up to it', async () => {
    const byCommodity = await body('method=parametric&groupBy=commodity');
    expect(byCommodity.groupBy).toBe('commodity');
    expect(byCommodity.contributions.map((c) => c.key).sort()).toEqual(['DE-POWER', 'TTF']);
    expect(byCommodity.contributions.find((c) => c.key === 'DE-POWER')!.positions).toBe(2);

    const byPeriod = await body('method=parametric&groupBy=deliveryPeriod');
    expect(byPeriod.contributions.map((c) => c.key).sort()).toEqual(['2026-07', '2026-Q3']);
    expect(byPeriod.contributions.find((c) => c.key === '2026-07')!.positions).toBe(2);

    for (const split of [
      byCommodity,
      byPeriod,
      await body('method=parametric&groupBy=book'),
      await body('method=parametric'),
    ]) {
      expect(split.var).toBeGreaterThan(0);
      expect(split.contributions.reduce((sum, c) => sum + c.component, 0)).toBeCloseTo(
        split.var,
        6,
      );
      expect(split.contributions.reduce((sum, c) => sum + c.share, 0)).toBeCloseTo(1, 9);
    }
  });

  it('keeps the position split by default and the components of a group equal to the sum of its positions', async () => {
    const byPosition = await body('method=parametric');
    expect(byPosition.groupBy).toBe('position');
    expect(byPosition.contributions.map((c) => c.key).sort()).toEqual(
      [POWER_M, POWER_Q, TTF].sort(),
    );
    const byPeriod = await body('method=parametric&groupBy=deliveryPeriod');
    const of = (key: string) => byPosition.contributions.find((c) => c.key === key)!.component;
    expect(byPeriod.contributions.find((c) => c.key === '2026-07')!.component).toBeCloseTo(
      of(POWER_M) + of(TTF),
      6,
    );
  });

  it('gives a lower long-horizon Monte Carlo VaR when power and gas revert to their mean', async () => {
    const query = 'method=montecarlo&horizonDays=60&scenarios=20000&seed=5';
    const walk = await body(query);
    const reverting = await body(`${query}&meanReversion=true`);
    expect(walk.meanReversion).toEqual([]);
    expect(reverting.meanReversion.map((m) => m.instrumentId).sort()).toEqual(
      [POWER_M, POWER_Q, TTF].sort(),
    );
    expect(reverting.meanReversion.every((m) => m.halfLifeDays === 30)).toBe(true);
    const ttfMean = ttfWalk.reduce((sum, c) => sum + c.price, 0) / ttfWalk.length;
    expect(reverting.meanReversion.find((m) => m.instrumentId === TTF)!.longRunLevel).toBeCloseTo(
      ttfMean,
      6,
    );
    expect(reverting.var).toBeLessThan(0.8 * walk.var);

    const faster = await body(`${query}&meanReversion=true&halfLifeDays=5`);
    expect(faster.meanReversion.every((m) => m.halfLifeDays === 5)).toBe(true);
    expect(faster.var).toBeLessThan(reverting.var);
  });

  it('refuses options that do not belong to the method, naming the field', async () => {
    const cases: [string, string, string][] = [
      ['method=historical&meanReversion=true', 'meanReversion', 'montecarlo_only'],
      ['method=montecarlo&halfLifeDays=5', 'halfLifeDays', 'needs_mean_reversion'],
      ['method=historical&approximation=delta-normal', 'approximation', 'parametric_only'],
    ];
    for (const [query, field, rule] of cases) {
      const res = await get(query);
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ errors: [{ field, rule }] });
    }
    const unknown = await get('groupBy=trader');
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({ errors: [{ field: 'groupBy' }] });
  });
});
