import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../platform/clock.js';
import { bearer, login, startTestApp, type TestApp } from '../../test-support/harness.js';
import { readFixture } from './adapters/recorded-fetch.js';
import { aggregateBars } from './domain/bars.js';
import { standardCatalogue } from './domain/catalogue.js';
import { createRandom, seedState } from './domain/prng.js';
import type { Tick } from './domain/tick.js';
import { validateTicks } from './domain/validate-ticks.js';

let t: TestApp;
let analyst: string;
let trader: string;
const H = 'PWR-DE-LU-DA-H';
const get = (url: string) => t.app.inject({ method: 'GET', url, headers: bearer(trader) });

// Irregular ticks over the DST weekend of March 2026, prices including negatives.
const random = createRandom(seedState(7));
const rows = Array.from({ length: 400 }, (_, i) => ({
  instrumentId: H,
  time: Date.UTC(2026, 2, 28, 0, 0) + i * 11 * 60_000 + Math.floor(random.uniform() * 60) * 1000,
  price: Math.round((random.normal() * 40 + 60) * 100) / 100,
  volume: Math.floor(random.uniform() * 50),
}));
const ticks: Tick[] = validateTicks(rows, standardCatalogue).accepted;

beforeAll(async () => {
  t = await startTestApp({ clock: new ManualClock(Date.UTC(2026, 5, 1, 8)) });
  analyst = (await login(t.app, 'analyst')).token;
  trader = (await login(t.app, 'trader')).token;
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/market-data/ticks',
    headers: bearer(analyst),
    payload: { ticks: rows.map((r) => ({ ...r, time: new Date(r.time).toISOString() })) },
  });
  expect(res.json()).toMatchObject({ stored: ticks.length });
});
afterAll(() => t.close());

const cacheCount = async (result: 'hit' | 'miss'): Promise<number> => {
  const metric = await t.app.inject({ method: 'GET', url: '/metrics' });
  const line = metric.body
    .split('\n')
    .find((l) =>
      l.startsWith(`energyopti_market_data_cache_total{kind="bars",result="${result}"}`),
    );
  return line ? Number(line.split(' ').pop()) : 0;
};

describe('market-data queries', () => {
  it('lists instruments filtered by commodity and area', async () => {
    const res = await get('/api/v1/instruments?commodity=gas&area=TTF');
    const items = res.json<{ items: { id: string; timeZone: string; deliveryPeriod: string }[] }>()
      .items;
    expect(items.map((i) => i.id)).toEqual([
      'GAS-TTF-DA',
      'GAS-TTF-FUT-M',
      'GAS-TTF-FUT-Q',
      'GAS-TTF-FUT-Y',
    ]);
    expect(items[0]).toMatchObject({ timeZone: 'Europe/Amsterdam', deliveryPeriod: 'gas-day' });
  });

  it.each(['15m', '1h', '1d'] as const)(
    'aggregates %s bars in SQL exactly as the reference does',
    async (interval) => {
      const res = await get(
        `/api/v1/market-data/bars?instrument=${H}&from=2026-03-27T23:00:00Z&to=2026-03-31T22:00:00Z&interval=${interval}`,
      );
      expect(res.statusCode).toBe(200);
      const body = res.json<{ timeZone: string; items: { time: string }[] }>();
      const expected = aggregateBars(ticks, interval, 'Europe/Berlin').map((b) => ({
        time: new Date(b.bucketStart).toISOString(),
        open: b.open,
        high: b.high,
        low: b.low,
        close: b.close,
        volume: b.volume,
      }));
      expect(body.timeZone).toBe('Europe/Berlin');
      expect(body.items).toEqual(expected);
    },
  );

  it('gives the daylight-saving Sunday a 23-hour daily bar', async () => {
    const res = await get(
      `/api/v1/market-data/bars?instrument=${H}&from=2026-03-28T00:00:00Z&to=2026-03-31T00:00:00Z&interval=1d`,
    );
    const times = res.json<{ items: { time: string }[] }>().items.map((b) => b.time);
    expect(times).toContain('2026-03-28T23:00:00.000Z');
    expect(times).toContain('2026-03-29T22:00:00.000Z');
  });

  it('serves bars of a closed period from cache and counts hits and misses', async () => {
    const url = `/api/v1/market-data/bars?instrument=${H}&from=2026-03-28T00:00:00Z&to=2026-03-28T12:00:00Z&interval=1h`;
    const [hits, misses] = [await cacheCount('hit'), await cacheCount('miss')];
    const first = await get(url);
    const second = await get(url);
    expect(second.json()).toEqual(first.json());
    expect(await cacheCount('miss')).toBe(misses + 1);
    expect(await cacheCount('hit')).toBe(hits + 1);
  });

  it('forgets cached bars when a late tick arrives for the period', async () => {
    const url = `/api/v1/market-data/bars?instrument=${H}&from=2026-03-28T00:00:00Z&to=2026-03-28T01:00:00Z&interval=1h`;
    const before = (await get(url)).json<{ items: { high: number }[] }>().items[0]!;
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/market-data/ticks',
      headers: bearer(analyst),
      payload: {
        ticks: [
          { instrumentId: H, time: '2026-03-28T00:59:59Z', price: before.high + 100, volume: 1 },
        ],
      },
    });
    const after = (await get(url)).json<{ items: { high: number; close: number }[] }>().items[0]!;
    expect(after).toMatchObject({ high: before.high + 100, close: before.high + 100 });
  });

  it('exports bars as CSV with a header row', async () => {
    const res = await get(
      `/api/v1/market-data/bars?instrument=${H}&from=2026-03-28T00:00:00Z&to=2026-03-28T03:00:00Z&interval=1h&format=csv`,
    );
    expect(res.headers['content-type']).toContain('text/csv');
    const lines = res.body.trim().split('\n');
    expect(lines[0]).toBe('time,open,high,low,close,volume');
    expect(lines).toHaveLength(4);
    expect(lines[1]).toMatch(/^2026-03-28T00:00:00.000Z,/);
  });

  it('refuses an unknown instrument and a range of too many bars', async () => {
    expect(
      (
        await get(
          '/api/v1/market-data/bars?instrument=NOPE&from=2026-01-01T00:00:00Z&to=2026-01-02T00:00:00Z',
        )
      ).statusCode,
    ).toBe(404);
    const big = await get(
      `/api/v1/market-data/bars?instrument=${H}&from=2020-01-01T00:00:00Z&to=2026-01-01T00:00:00Z&interval=1m`,
    );
    expect(big.statusCode).toBe(400);
    expect(big.json().errors[0]).toMatchObject({ field: 'to', rule: 'max_bars' });
  });

  it('imports an exchange settlement file and reads the prices back', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/market-data/settlements/import',
      headers: bearer(analyst),
      payload: { csv: readFixture('settlements-2026-01-15.csv') },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json<{ stored: number }>().stored).toBeGreaterThan(0);
    const list = await get(
      '/api/v1/market-data/settlements?instrument=PWR-DE-LU-FUT-M-BASE&from=2026-01-01&to=2026-01-31',
    );
    const items = list.json<{ items: { tradeDate: string; price: number }[] }>().items;
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((i) => i.tradeDate === '2026-01-15' && Number.isFinite(i.price))).toBe(true);
  });
});
