import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../platform/clock.js';
import { startTestApp, type TestApp } from '../../test-support/harness.js';
import { createTrader2, cross, FR_MONTH, signIn, type Desk } from './test-support.js';

const PJM = 'PWR-PJM-WEST-FUT-M-BASE';
const GB = 'PWR-GB-FUT-M-BASE';
/** February 2026 in New York time, the front month of PJM in early January. */
const PJM_FEBRUARY = {
  deliveryStart: '2026-02-01T00:00:00-05:00',
  deliveryEnd: '2026-03-01T00:00:00-05:00',
};

interface Totals {
  currency: string;
  realisedPnl: number;
  unrealisedPnl: number;
  positions: number;
  unconverted: number;
}

/**
 * A EUR desk trading a dollar market. EUR/USD is 1.25 on Monday and 1.60 on Tuesday, so a
 * dollar is worth 0.80 EUR at Monday's close and 0.625 EUR on Tuesday. Alice buys 10 MWh of
 * PJM February at 40 USD on Monday, the market closes Monday at 42 and trades 45 on
 * Tuesday; she also buys 10 MWh of French February at 50 EUR on Tuesday, marked at 55.
 */
describe('portfolio totals and credit exposure in the reporting currency', () => {
  let t: TestApp;
  let desk: Desk;
  const clock = new ManualClock(Date.UTC(2026, 0, 5, 9));
  const get = (url: string, headers: Record<string, string>) =>
    t.app.inject({ method: 'GET', url, headers });
  const post = (url: string, headers: Record<string, string>, payload: Record<string, unknown>) =>
    t.app.inject({ method: 'POST', url, headers, payload });
  const fxTick = async (instrumentId: string, time: string, price: number) => {
    const res = await post('/api/v1/market-data/ticks', desk.analyst, {
      ticks: [{ instrumentId, time, price, volume: 0 }],
    });
    expect(res.statusCode).toBe(200);
  };
  const pjmDeal = (counterparty: string, quantity: number) => ({
    counterparty,
    instrumentId: PJM,
    side: 'buy',
    price: 40,
    quantity,
    ...PJM_FEBRUARY,
  });

  beforeAll(async () => {
    t = await startTestApp({ clock, env: { ACCESS_TOKEN_TTL_SECONDS: '86400' } });
    await createTrader2(t.app);
    desk = await signIn(t.app);
    await fxTick('FX-EURUSD', '2026-01-05T08:00:00Z', 1.25);
    await cross(t.app, desk.bob, desk.alice, 40, 10, PJM);
    clock.set(Date.UTC(2026, 0, 5, 16));
    await cross(t.app, desk.bob, desk.admin, 42, 1, PJM);
    clock.set(Date.UTC(2026, 0, 6, 9, 30));
    desk = await signIn(t.app);
    await fxTick('FX-EURUSD', '2026-01-06T09:00:00Z', 1.6);
    await cross(t.app, desk.bob, desk.admin, 45, 1, PJM);
    await cross(t.app, desk.bob, desk.alice, 50, 10, FR_MONTH);
    await cross(t.app, desk.bob, desk.admin, 55, 1, FR_MONTH);
    // Bob also holds pounds, for which there is no EUR/GBP rate yet.
    await cross(t.app, desk.admin, desk.bob, 70, 2, GB);
    clock.set(Date.UTC(2026, 0, 6, 10));
  });
  afterAll(async () => t.close());

  it('keeps each position in its own currency and totals them in euros at the rate of the mark', async () => {
    const res = await get('/api/v1/portfolio/positions?groupBy=book', desk.alice);
    expect(res.statusCode).toBe(200);
    const body = res.json<{
      items: { instrumentId: string; currency: string; unrealisedPnl: number }[];
      totals: Totals;
      groups: { key: string; total: Totals }[];
      warnings: string[];
    }>();
    expect(body.items.map((p) => [p.instrumentId, p.currency, p.unrealisedPnl])).toEqual([
      [FR_MONTH, 'EUR', 50],
      [PJM, 'USD', 50],
    ]);
    // 50 EUR + 50 USD x 0.625.
    expect(body.totals).toEqual({
      currency: 'EUR',
      realisedPnl: 0,
      unrealisedPnl: 81.25,
      positions: 2,
      unconverted: 0,
    });
    expect(body.groups).toEqual([expect.objectContaining({ key: 'trader', total: body.totals })]);
    expect(body.warnings).toEqual([]);
  });

  it('converts daily P&L at each day’s closing rate', async () => {
    const tuesday = (await get('/api/v1/portfolio/pnl?date=2026-01-06', desk.alice)).json<{
      currency: string;
      priceMove: number;
      newTrades: number;
      total: number;
      items: { instrumentId: string; currency: string; priceMove: number }[];
    }>();
    // PJM moved 42 -> 45 on 10 MWh: 30 USD, 18.75 EUR; the French trade made 50 EUR.
    expect(tuesday).toMatchObject({
      currency: 'EUR',
      priceMove: 18.75,
      newTrades: 50,
      total: 68.75,
    });
    expect(tuesday.items.find((i) => i.instrumentId === PJM)).toMatchObject({
      currency: 'USD',
      priceMove: 30,
    });

    const history = (await get('/api/v1/portfolio/pnl/history?from=2026-01-05', desk.alice)).json<{
      currency: string;
      items: { date: string; total: number; unconverted: number }[];
      warnings: string[];
    }>();
    // Monday: bought at 40, closed at 42: 20 USD at 0.80.
    expect(history).toMatchObject({
      currency: 'EUR',
      items: [
        { date: '2026-01-05', total: 16, unconverted: 0 },
        { date: '2026-01-06', total: 68.75, unconverted: 0 },
      ],
      warnings: [],
    });
  });

  it('leaves a position without an FX rate out of the totals and names it', async () => {
    const positions = (await get('/api/v1/portfolio/positions', desk.bob)).json<{
      totals: Totals;
      warnings: string[];
    }>();
    // Bob is short PJM (dollars) and French power (euros), and long 2 MWh of GB power (pounds).
    expect(positions.totals).toMatchObject({ currency: 'EUR', positions: 2, unconverted: 1 });
    expect(positions.warnings).toEqual([
      `trader2 ${GB} 2026-02 is in GBP and there is no GBP/EUR FX rate; it is left out of the EUR totals`,
    ]);
    const pnl = (await get('/api/v1/portfolio/pnl?date=2026-01-06', desk.bob)).json<{
      warnings: string[];
    }>();
    expect(pnl.warnings).toEqual([
      expect.stringMatching(
        new RegExp(
          `^trader2 ${GB} 2026-02 is in GBP and there is no GBP/EUR FX rate on 2026-01-06`,
        ),
      ),
    ]);
  });

  it("measures a dollar deal's exposure against a euro limit in euros", async () => {
    const created = await post('/api/v1/portfolio/counterparties', desk.risk, {
      name: 'Texas Power',
      creditLimit: 1200,
      currency: 'EUR',
    });
    expect(created.statusCode).toBe(201);
    // Current 100 x (45 - 40) = 500 USD, PFE 20% of 4,500 USD: 1,400 USD would breach 1,200,
    // but at 0.625 it is 875 EUR.
    const first = await post('/api/v1/deals', desk.alice, pjmDeal('Texas Power', 100));
    expect(first.statusCode).toBe(201);
    const lines = (await get('/api/v1/portfolio/counterparties', desk.risk)).json<{
      items: {
        name: string;
        currency: string;
        currentExposure: number;
        totalExposure: number;
        utilisation: number;
      }[];
    }>();
    const texas = lines.items.find((l) => l.name === 'Texas Power')!;
    expect(texas).toMatchObject({ currency: 'EUR', currentExposure: 312.5, totalExposure: 875 });
    expect(texas.utilisation).toBeCloseTo(875 / 1200, 6);

    const second = await post('/api/v1/deals', desk.alice, pjmDeal('Texas Power', 100));
    expect(second.statusCode).toBe(422);
    expect(second.json()).toMatchObject({ code: 'counterparty_credit_limit' });
    expect(second.json<{ detail: string }>().detail).toContain(
      '1,750 EUR, over its limit of 1,200 EUR',
    );
  });

  it('refuses a deal it cannot convert into the limit currency, then measures it once there is a rate', async () => {
    await post('/api/v1/portfolio/counterparties', desk.risk, {
      name: 'Thames Gas',
      creditLimit: 100_000,
      currency: 'GBP',
    });
    const refused = await post('/api/v1/deals', desk.alice, pjmDeal('Thames Gas', 100));
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({ code: 'counterparty_credit_unmeasured' });
    expect(refused.json<{ detail: string }>().detail).toContain('no USD/GBP FX rate');

    // USD to GBP crosses through the euro: 0.80 GBP per EUR over 1.60 USD per EUR.
    await fxTick('FX-EURGBP', '2026-01-06T09:00:00Z', 0.8);
    const accepted = await post('/api/v1/deals', desk.alice, pjmDeal('Thames Gas', 100));
    expect(accepted.statusCode).toBe(201);
    const lines = (await get('/api/v1/portfolio/counterparties', desk.risk)).json<{
      items: { name: string; currency: string; currentExposure: number }[];
    }>();
    expect(lines.items.find((l) => l.name === 'Thames Gas')).toMatchObject({
      currency: 'GBP',
      currentExposure: 250,
    });
  });
});
