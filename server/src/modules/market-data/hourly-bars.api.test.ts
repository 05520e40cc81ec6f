import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../platform/clock.js';
import { bearer, login, startTestApp, type TestApp } from '../../test-support/harness.js';
import { aggregateBars, type BarInterval } from './domain/bars.js';
import { standardCatalogue } from './domain/catalogue.js';
import { createRandom, seedState } from './domain/prng.js';
import type { Tick } from './domain/tick.js';
import { validateTicks } from './domain/validate-ticks.js';
import { barsFromTicks } from './repo-bars.js';

// The hourly table is kept by the ingest path; these tests feed it the awkward way
// (batches out of time order, hours split across batches, a batch sent twice) and
// check hourly and daily bars against the reference aggregation of the raw ticks.
let t: TestApp;
let analyst: string;
const NL = 'PWR-NL-DA-H';
const START = Date.UTC(2026, 9, 24, 20); // spans the end of summer time in Europe on 25 October

const random = createRandom(seedState(11));
const rows = Array.from({ length: 600 }, (_, i) => ({
  instrumentId: NL,
  time: START + i * 7 * 60_000 + Math.floor(random.uniform() * 400) * 1000,
  price: Math.round((random.normal() * 30 + 70) * 100) / 100,
  volume: Math.floor(random.uniform() * 20) + 1,
}));
const ticks: Tick[] = validateTicks(rows, standardCatalogue).accepted;

const send = (batch: typeof rows) =>
  t.app.inject({
    method: 'POST',
    url: '/api/v1/market-data/ticks',
    headers: bearer(analyst),
    payload: { ticks: batch.map((r) => ({ ...r, time: new Date(r.time).toISOString() })) },
  });

beforeAll(async () => {
  t = await startTestApp({ clock: new ManualClock(Date.UTC(2026, 11, 1)) });
  analyst = (await login(t.app, 'analyst')).token;
  // Every third tick first, then the rest newest first in two overlapping batches: most
  // hours are aggregated, then see an earlier tick (a new open) and a later one arrive.
  const thirds = rows.filter((_, i) => i % 3 === 0);
  const rest = rows.filter((_, i) => i % 3 !== 0).reverse();
  for (const batch of [thirds, rest.slice(0, 250), rest.slice(200), thirds]) {
    expect((await send(batch)).statusCode).toBe(200);
  }
});
afterAll(() => t.close());

async function barsOf(interval: BarInterval, from: number, to: number) {
  const res = await t.app.inject({
    method: 'GET',
    url: `/api/v1/market-data/bars?instrument=${NL}&from=${new Date(from).toISOString()}&to=${new Date(to).toISOString()}&interval=${interval}`,
    headers: bearer(analyst),
  });
  expect(res.statusCode).toBe(200);
  return res.json<{
    items: {
      time: string;
      open: number;
      high: number;
      low: number;
      close: number;
      volume: number;
    }[];
  }>().items;
}

const reference = (interval: BarInterval, from: number, to: number) =>
  aggregateBars(
    ticks.filter((x) => x.time >= from && x.time < to),
    interval,
    'Europe/Amsterdam',
  ).map((b) => ({
    time: new Date(b.bucketStart).toISOString(),
    open: b.open,
    high: b.high,
    low: b.low,
    close: b.close,
    volume: b.volume,
  }));

describe('hourly bars kept at ingest', () => {
  const end = ticks.at(-1)!.time + 1;
  it.each([
    ['1h', 'aligned to hours', Date.UTC(2026, 9, 24, 20), Date.UTC(2026, 9, 27, 20)],
    ['1h', 'cut mid-hour at both ends', START + 37 * 60_000, end - 23 * 60_000],
    ['1d', 'aligned to hours', Date.UTC(2026, 9, 24, 20), Date.UTC(2026, 9, 27, 20)],
    ['1d', 'cut mid-hour at both ends', START + 37 * 60_000, end - 23 * 60_000],
    ['1h', 'inside one hour', START + 5 * 60_000, START + 50 * 60_000],
  ] as const)(
    'gives %s bars %s exactly as the reference aggregation of the ticks',
    async (interval, _case, from, to) => {
      const expected = reference(interval, from, to);
      expect(expected.length).toBeGreaterThan(0);
      expect(await barsOf(interval, from, to)).toEqual(expected);
    },
  );

  it('agrees with aggregating the ticks on the fly, including the 25-hour day', async () => {
    const q = {
      instrumentId: NL,
      from: new Date(START),
      to: new Date(end),
      interval: '1d' as const,
      timeZone: 'Europe/Amsterdam',
    };
    const onTheFly = await barsFromTicks(t.platform.dbs.db, q);
    const served = await barsOf('1d', START, end);
    expect(served).toEqual(onTheFly.map((b) => ({ ...b, time: b.time.toISOString() })));
    const times = served.map((b) => Date.parse(b.time));
    expect(times).toContain(Date.UTC(2026, 9, 24, 22));
    expect(times).toContain(Date.UTC(2026, 9, 25, 23));
  });
});
