import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../platform/clock.js';
import { startTestApp, type TestApp } from '../../test-support/harness.js';
import { cross, riskDesk } from './test-support.js';

const NOW = Date.UTC(2026, 5, 1, 8);
const PJM = 'PWR-PJM-WEST-FUT-M-BASE';
const GB_QUARTER = 'PWR-GB-FUT-Q-BASE';
const GB_MONTH = 'PWR-GB-FUT-M-BASE';

interface LimitsBody {
  items: {
    name: string;
    unit: string;
    utilisation: { book: string | null; value: number; unconverted: string[] }[];
  }[];
}

/** Money limits on a euro desk trading dollar and sterling markets (REPORTING_CURRENCY EUR). */
describe('notional limits in the reporting currency', () => {
  let t: TestApp;
  let desk: Awaited<ReturnType<typeof riskDesk>>;
  const get = (url: string, headers: Record<string, string>) =>
    t.app.inject({ method: 'GET', url, headers });
  const post = (url: string, headers: Record<string, string>, payload: Record<string, unknown>) =>
    t.app.inject({ method: 'POST', url, headers, payload });
  const fxPrint = (instrumentId: string, price: number) =>
    post('/api/v1/market-data/ticks', desk.admin, {
      ticks: [{ instrumentId, time: '2026-06-01T07:30:00Z', price, volume: 0 }],
    });
  let counter = 0;
  const buy = (instrumentId: string, price: number, quantity: number) =>
    post('/api/v1/orders', desk.bob, {
      clientOrderId: `fx-limit-${++counter}`,
      instrumentId,
      side: 'buy',
      type: 'limit',
      price,
      quantity,
      timeInForce: 'GTC',
    });

  beforeAll(async () => {
    t = await startTestApp({ clock: new ManualClock(NOW) });
    desk = await riskDesk(t.app);
  });
  afterAll(async () => t.close());

  it('measures a desk notional limit in euros and names what it could not convert', async () => {
    expect((await fxPrint('FX-EURUSD', 1.25)).statusCode).toBe(200);
    const created = await post('/api/v1/risk/limits', desk.risk, {
      name: 'Desk notional',
      kind: 'notional',
      scope: 'desk',
      threshold: 1_000_000,
      severity: 'soft',
    });
    expect(created.statusCode).toBe(201);
    await cross(t.app, PJM, desk.bob, desk.alice, 40, 100);
    await cross(t.app, GB_QUARTER, desk.bob, desk.alice, 70, 2);

    const limit = (await get('/api/v1/risk/limits', desk.risk))
      .json<LimitsBody>()
      .items.find((l) => l.name === 'Desk notional')!;
    expect(limit.unit).toBe('EUR');
    const trader = limit.utilisation.find((u) => u.book === 'trader')!;
    // 100 MWh at $40 is $4,000, at 1.25 dollars to the euro EUR 3,200; the sterling
    // quarter has no EUR/GBP print yet and is named instead of being added in pounds.
    expect(trader.value).toBeCloseTo(3_200, 6);
    expect(trader.unconverted).toEqual([GB_QUARTER]);
  });

  it('refuses an order it cannot convert, then holds the converted notional to the limit', async () => {
    const created = await post('/api/v1/risk/limits', desk.risk, {
      name: 'GB month cap',
      kind: 'notional',
      scope: 'book',
      book: 'trader2',
      instrumentId: GB_MONTH,
      threshold: 10_000,
      severity: 'hard',
    });
    expect(created.statusCode).toBe(201);

    const unmeasured = await buy(GB_MONTH, 50, 100);
    expect(unmeasured.statusCode).toBe(422);
    expect(unmeasured.json<{ reason: string }>().reason).toMatch(
      /^risk_limit: hard notional limit "GB month cap".* cannot be measured: no GBP\/EUR FX rate yet/,
    );

    // 0.8 pounds to the euro: a pound is EUR 1.25.
    expect((await fxPrint('FX-EURGBP', 0.8)).statusCode).toBe(200);
    // GBP 9,000 is under 10,000 in pounds but EUR 11,250: refused, in euros.
    const over = await buy(GB_MONTH, 50, 180);
    expect(over.statusCode).toBe(422);
    expect(over.json<{ reason: string }>().reason).toMatch(
      /"GB month cap" \(10000 EUR .*would be breached: 11250 EUR$/,
    );
    // GBP 7,500 is EUR 9,375: inside.
    expect((await buy(GB_MONTH, 50, 150)).statusCode).toBe(201);
  });
});
