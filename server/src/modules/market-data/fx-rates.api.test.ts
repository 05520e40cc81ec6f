import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../platform/clock.js';
import { bearer, login, startTestApp, type TestApp } from '../../test-support/harness.js';
import { createMarketDataModule, marketDataReader, type MarketDataReader } from './index.js';

/** EUR/USD prints 1.25 at 10:00 and 1.60 at 12:30; EUR/GBP prints 0.80 at 11:00. */
describe('FX rates in the market-data reader', () => {
  let t: TestApp;
  let market: MarketDataReader;
  const at = (iso: string) => new Date(iso);

  beforeAll(async () => {
    t = await startTestApp({
      clock: new ManualClock(Date.UTC(2026, 0, 5, 14)),
      modules: [createMarketDataModule()],
    });
    const analyst = bearer((await login(t.app, 'analyst')).token);
    const tick = (instrumentId: string, time: string, price: number) => ({
      instrumentId,
      time,
      price,
      volume: 0,
    });
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/market-data/ticks',
      headers: analyst,
      payload: {
        ticks: [
          tick('FX-EURUSD', '2026-01-05T10:00:00Z', 1.25),
          tick('FX-EURUSD', '2026-01-05T12:30:00Z', 1.6),
          tick('FX-EURGBP', '2026-01-05T11:00:00Z', 0.8),
        ],
      },
    });
    expect(res.statusCode).toBe(200);
    market = marketDataReader(t.platform.dbs.reader);
  });
  afterAll(async () => t.close());

  it('reads the latest print at or before the instant, quoted, inverted or crossed through the euro', async () => {
    expect(await market.fxRate('EUR', 'USD', at('2026-01-05T12:29:59Z'))).toBe(1.25);
    expect(await market.fxRate('EUR', 'USD', at('2026-01-05T12:30:00Z'))).toBe(1.6);
    expect(await market.fxRate('USD', 'EUR', at('2026-01-05T13:00:00Z'))).toBeCloseTo(0.625, 12);
    // One pound is 1.25 EUR, which is 2.00 USD at 1.60.
    expect(await market.fxRate('GBP', 'USD', at('2026-01-05T13:00:00Z'))).toBeCloseTo(2, 12);
  });

  it('answers 1 for the same currency and null before a pair has printed', async () => {
    expect(await market.fxRate('GBP', 'GBP', at('2000-01-01T00:00:00Z'))).toBe(1);
    expect(await market.fxRate('EUR', 'USD', at('2026-01-05T09:59:59Z'))).toBeNull();
    expect(await market.fxRate('GBP', 'USD', at('2026-01-05T10:30:00Z'))).toBeNull();
    expect(await market.fxRate('JPY', 'EUR', at('2026-01-05T13:00:00Z'))).toBeNull();
  });

  it('stops converting at a print older than four days: a dead feed is no rate', async () => {
    // The last EUR/USD print is 2026-01-05 12:30; 96 hours later it still counts, a second after not.
    expect(await market.fxRate('EUR', 'USD', at('2026-01-09T12:30:00Z'))).toBe(1.6);
    expect(await market.fxRate('EUR', 'USD', at('2026-01-09T12:30:01Z'))).toBeNull();
    expect(await market.fxRate('GBP', 'USD', at('2026-01-09T12:30:00Z'))).toBeNull();
  });

  it('gives the hourly conversion series, carrying the rate from before the window into it', async () => {
    const series = await market.hourlyFxCloses(
      'USD',
      'EUR',
      at('2026-01-05T11:00:00Z'),
      at('2026-01-05T14:00:00Z'),
    );
    expect(series.map((c) => [new Date(c.time).toISOString(), c.close])).toEqual([
      ['2026-01-05T10:00:00.000Z', 0.8],
      ['2026-01-05T12:00:00.000Z', 0.625],
    ]);
    expect(
      await market.hourlyFxCloses(
        'EUR',
        'EUR',
        at('2026-01-05T00:00:00Z'),
        at('2026-01-06T00:00:00Z'),
      ),
    ).toEqual([]);
  });

  it('refuses an FX tick whose price is not a number, naming the row and rule', async () => {
    const analyst = bearer((await login(t.app, 'analyst')).token);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/market-data/ticks',
      headers: analyst,
      payload: {
        ticks: [
          { instrumentId: 'FX-EURUSD', time: '2026-01-05T13:00:00Z', price: 'high', volume: 0 },
        ],
      },
    });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('ticks.0.price');
  });
});
