import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../platform/clock.js';
import { bearer, login, startTestApp, type TestApp } from '../../test-support/harness.js';

const NOW = Date.UTC(2026, 10, 20, 12, 30);
let t: TestApp;
let trader: string;
beforeAll(async () => {
  // A long interval: only the start-up backfill runs during the test.
  t = await startTestApp({
    clock: new ManualClock(NOW),
    env: {
      MARKET_FEED: 'simulator',
      MARKET_FEED_INTERVAL_MS: '3600000',
      MARKET_HISTORY_DAYS: '10',
    },
  });
  trader = (await login(t.app, 'trader')).token;
});
afterAll(() => t.close());

const get = async <T>(url: string): Promise<T> =>
  (await t.app.inject({ method: 'GET', url, headers: bearer(trader) })).json<T>();

describe('simulated market feed', () => {
  it('backfills a week of prices, weather and load on start', async () => {
    const bars = await get<{ items: { time: string }[] }>(
      '/api/v1/market-data/bars?instrument=PWR-DE-LU-DA-H&from=2026-11-13T12:00:00Z&to=2026-11-20T13:00:00Z&interval=1h',
    );
    expect(bars.items.length).toBe(7 * 24 + 1);
    const quotes = await get<{ items: { instrumentId: string; time: string }[] }>(
      '/api/v1/market-data/quotes?instruments=PWR-DE-LU-DA-H,GAS-TTF-FUT-M',
    );
    // The tape runs up to the moment of start-up, never beyond it.
    for (const quote of quotes.items) {
      expect(Date.parse(quote.time)).toBeLessThanOrEqual(NOW);
      expect(Date.parse(quote.time)).toBeGreaterThan(NOW - 10 * 60_000);
    }
    const weather = await get<{ items: { kind: string; irradiance: number }[] }>(
      '/api/v1/market-data/weather?location=DE-LU&from=2026-11-19T12:00:00Z&to=2026-11-20T12:00:00Z',
    );
    expect(weather.items).toHaveLength(24);
    expect(
      weather.items.some((w) => w.irradiance > 0) && weather.items.some((w) => w.irradiance === 0),
    ).toBe(true);
    const load = await get<{ items: { load: number }[] }>(
      '/api/v1/market-data/load?area=FR&from=2026-11-19T12:00:00Z&to=2026-11-20T12:00:00Z',
    );
    expect(load.items).toHaveLength(24);
    expect(load.items.every((l) => l.load > 10_000)).toBe(true);
  });

  it('backfills bars with bodies, wicks and volume rather than single prints', async () => {
    type Bars = {
      items: { open: number; high: number; low: number; close: number; volume: number }[];
    };
    const lively = (bars: Bars) =>
      bars.items.filter((b) => b.open !== b.close || b.high > b.low).length / bars.items.length;
    const hourly = await get<Bars>(
      '/api/v1/market-data/bars?instrument=PWR-DE-LU-DA-H&from=2026-11-13T12:00:00Z&to=2026-11-20T13:00:00Z&interval=1h',
    );
    expect(lively(hourly)).toBeGreaterThan(0.9);
    expect(hourly.items.every((b) => b.volume > 0)).toBe(true);
    const front = await get<Bars>(
      '/api/v1/market-data/bars?instrument=GAS-TTF-FUT-M&from=2026-11-13T12:00:00Z&to=2026-11-20T13:00:00Z&interval=1h',
    );
    expect(lively(front)).toBeGreaterThan(0.9);
    const quarterHours = await get<Bars>(
      '/api/v1/market-data/bars?instrument=PWR-DE-LU-DA-H&from=2026-11-19T13:00:00Z&to=2026-11-20T12:30:00Z&interval=15m',
    );
    expect(quarterHours.items.length).toBeGreaterThan(90);
    expect(lively(quarterHours)).toBeGreaterThan(0.9);
    const minutes = await get<Bars>(
      '/api/v1/market-data/bars?instrument=PWR-DE-LU-DA-H&from=2026-11-20T12:05:00Z&to=2026-11-20T12:30:00Z&interval=1m',
    );
    expect(minutes.items.length).toBe(25);
    expect(lively(minutes)).toBeGreaterThan(0.8);
  });

  it('marks demo forward curves from the latest settlements', async () => {
    const curves = await get<{ items: { id: string; asOfDates: string[] }[] }>(
      '/api/v1/market-data/curves',
    );
    expect(curves.items.map((c) => c.id).sort()).toEqual([
      'EUA',
      'GAS-TTF',
      'PWR-DE-LU-BASE',
      'PWR-DE-LU-PEAK',
      'PWR-FR-BASE',
    ]);
    const curve = await get<{ asOf: string; points: { tenor: string }[] }>(
      '/api/v1/market-data/curves/PWR-DE-LU-BASE',
    );
    // Start-up is at 12:30 UTC, before EEX's 17:30 settlement: the curve is the previous trading day's.
    expect(curve.asOf).toBe('2026-11-19');
    expect(curve.points.filter((p) => p.tenor === 'month')).toHaveLength(12);
  });
});
