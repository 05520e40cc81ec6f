import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../platform/clock.js';
import { startTestApp, type TestApp } from '../../test-support/harness.js';
import { cross, eventually, hourlyWalk, ingestCloses, riskDesk } from './test-support.js';

const NOW = Date.UTC(2026, 5, 1, 8);
const PJM = 'PWR-PJM-WEST-FUT-M-BASE';
const WTI = 'OIL-WTI-FUT-M';
const GB = 'PWR-GB-FUT-M-BASE';
/** July 2026 in New York and London time: the front month on 1 June. */
const JULY_NEW_YORK = {
  deliveryStart: '2026-07-01T04:00:00Z',
  deliveryEnd: '2026-08-01T04:00:00Z',
};
const JULY_LONDON = { deliveryStart: '2026-06-30T23:00:00Z', deliveryEnd: '2026-07-31T23:00:00Z' };

const pjm = hourlyWalk(21, 200, 40, 1, NOW);
// EUR/USD around 1.10 on the 0.0001 grid, printed in the same hours as PJM.
const eurUsd = hourlyWalk(22, 200, 11_000, 30, NOW).map((c) => ({
  time: c.time,
  price: Math.round(c.price) / 10_000,
}));
const flatWti = pjm.map((c) => ({ time: c.time, price: 70 }));

interface VarBody {
  var: number;
  currency: string;
  positions: number;
  factors: number;
  warnings: string[];
}

/** The worst one-day loss of `quantity` held over the hourly closes, at 99% of 199 moves. */
function worstLoss(quantity: number, closes: readonly number[]): number {
  const moves = closes.slice(1).map((c, i) => (c - closes[i]!) * Math.sqrt(24));
  return Math.max(...moves.map((m) => -quantity * m));
}

describe('value at risk of dollar positions on a euro desk', () => {
  let t: TestApp;
  let desk: Awaited<ReturnType<typeof riskDesk>>;
  const get = (url: string, headers: Record<string, string>) =>
    t.app.inject({ method: 'GET', url, headers });

  beforeAll(async () => {
    t = await startTestApp({ clock: new ManualClock(NOW) });
    desk = await riskDesk(t.app);
    await ingestCloses(t.app, desk.admin, PJM, pjm, JULY_NEW_YORK);
    await ingestCloses(t.app, desk.admin, WTI, flatWti, JULY_NEW_YORK);
    const fx = await t.app.inject({
      method: 'POST',
      url: '/api/v1/market-data/ticks',
      headers: desk.admin,
      payload: {
        ticks: eurUsd.map((c) => ({
          instrumentId: 'FX-EURUSD',
          time: new Date(c.time).toISOString(),
          price: c.price,
          volume: 0,
        })),
      },
    });
    expect(fx.statusCode).toBe(200);
    await cross(t.app, PJM, desk.bob, desk.alice, 40, 10);
    await cross(t.app, WTI, desk.bob, desk.admin, 70, 1_000);
  });
  afterAll(async () => t.close());

  it('measures a USD position on euro prices: each hourly close divided by that hour’s EUR/USD', async () => {
    const res = await get(
      '/api/v1/risk/var?method=historical&confidence=0.99&horizonDays=1&book=trader',
      desk.alice,
    );
    expect(res.statusCode).toBe(200);
    const body = res.json<VarBody>();
    const inEuros = pjm.map((c, i) => c.price / eurUsd[i]!.price);
    expect(body).toMatchObject({ currency: 'EUR', positions: 1, factors: 1 });
    expect(body.var).toBeCloseTo(worstLoss(10, inEuros), 6);
    expect(body.var).not.toBeCloseTo(
      worstLoss(
        10,
        pjm.map((c) => c.price),
      ),
      2,
    );
    expect(body.warnings.join('\n')).not.toMatch(/without FX conversion/);
  });

  it('carries FX risk: a dollar price that never moves still loses when the dollar falls', async () => {
    const body = await eventually(
      async () =>
        (
          await get('/api/v1/risk/var?method=historical&confidence=0.99&book=admin', desk.risk)
        ).json<VarBody>(),
      (b) => b.positions === 1,
    );
    const inEuros = eurUsd.map((c) => 70 / c.price);
    expect(body.var).toBeGreaterThan(0);
    expect(body.var).toBeCloseTo(worstLoss(1_000, inEuros), 6);
  });

  it('leaves out, and names, a position whose currency has no FX rate', async () => {
    await ingestCloses(t.app, desk.admin, GB, hourlyWalk(23, 200, 80, 1, NOW), JULY_LONDON);
    await cross(t.app, GB, desk.bob, desk.alice, 80, 5);
    const body = (
      await get('/api/v1/risk/var?method=historical&book=trader', desk.alice)
    ).json<VarBody>();
    expect(body).toMatchObject({ positions: 2, factors: 1 });
    expect(body.warnings).toContain(
      `${GB}: no GBP/EUR FX rate to convert its prices into EUR; its positions are left out of VaR`,
    );
  });
});

describe('value at risk reported in dollars', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ clock: new ManualClock(NOW), env: { REPORTING_CURRENCY: 'USD' } });
  });
  afterAll(async () => t.close());

  it('needs no FX for a dollar position and reports in dollars', async () => {
    const desk = await riskDesk(t.app);
    await ingestCloses(t.app, desk.admin, PJM, pjm, JULY_NEW_YORK);
    await cross(t.app, PJM, desk.bob, desk.alice, 40, 10);
    const body = (
      await t.app.inject({
        method: 'GET',
        url: '/api/v1/risk/var?method=historical&book=trader',
        headers: desk.alice,
      })
    ).json<VarBody>();
    expect(body).toMatchObject({ currency: 'USD', positions: 1, factors: 1, warnings: [] });
    expect(body.var).toBeCloseTo(
      worstLoss(
        10,
        pjm.map((c) => c.price),
      ),
      6,
    );
  });
});
