import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.js';
import type { BarInterval } from './domain/bars.js';
import { splitAtHours, touchedHourRanges } from './domain/hour-ranges.js';
import type { Tick } from './domain/tick.js';
import { utcOffsetMinutes } from './domain/time-zone.js';

type Executor = Db;

export interface BarRow {
  time: Date;
  open: number;
  high: number;
  low: number;
  close: number;
  volume: number;
}

export interface BarQuery {
  instrumentId: string;
  from: Date;
  to: Date;
  interval: BarInterval;
  timeZone: string;
}

const ORIGIN = sql`timestamptz '2000-01-01T00:00:00Z'`;

// Open and close are the prices of the first and last tick by (time, delivery start):
// min/max over [time, delivery start, price] arrays picks them in one pass.
const FIRST = (ts: string, ds: string, value: string) =>
  sql.raw(`(min(array[extract(epoch from ${ts}), extract(epoch from ${ds}), ${value}]))[3]`);
const LAST = (ts: string, ds: string, value: string) =>
  sql.raw(`(max(array[extract(epoch from ${ts}), extract(epoch from ${ds}), ${value}]))[3]`);

const UTC_BUCKETS: Record<Exclude<BarInterval, '1d'>, string> = {
  '1m': '1 minute',
  '15m': '15 minutes',
  '1h': '1 hour',
};

/**
 * Re-aggregates, from the ticks, every instrument-hour that `ticks` fall in, and stores
 * the result in md_bars_hourly. Call it in the transaction that stored the ticks: the
 * hourly table then never disagrees with the ticks it summarises, and a re-sent batch
 * recomputes the same rows. The lateral join reads each touched range by index.
 */
export async function refreshHourlyBars(
  ex: Executor,
  ticks: readonly Pick<Tick, 'instrumentId' | 'time'>[],
): Promise<void> {
  const ranges = touchedHourRanges(ticks);
  if (ranges.length === 0) return;
  const iso = (ms: number) => new Date(ms).toISOString();
  await sql`
    insert into md_bars_hourly (instrument_id, bucket, open, high, low, close, volume, tick_count)
    select r.instrument_id, date_bin('1 hour', t.ts, ${ORIGIN}),
      ${FIRST('t.ts', 't.delivery_start', 't.price')}, max(t.price), min(t.price),
      ${LAST('t.ts', 't.delivery_start', 't.price')}, sum(t.volume), count(*)
    from unnest(${ranges.map((r) => r.instrumentId)}::text[], ${ranges.map((r) => iso(r.from))}::timestamptz[],
      ${ranges.map((r) => iso(r.to))}::timestamptz[]) as r(instrument_id, from_ts, to_ts)
    cross join lateral (
      select ts, delivery_start, price, volume from md_ticks
      where instrument_id = r.instrument_id and ts >= r.from_ts and ts < r.to_ts
    ) t
    group by 1, 2
    on conflict (instrument_id, bucket) do update set
      open = excluded.open, high = excluded.high, low = excluded.low, close = excluded.close,
      volume = excluded.volume, tick_count = excluded.tick_count`.execute(ex);
}

/**
 * OHLC and volume per bucket: minute and quarter-hour bars aggregate ticks; hourly and
 * daily bars read the hourly table for the whole hours of the range and aggregate ticks
 * only for the partial hours at its edges. Buckets align to UTC, daily bars to local
 * days of `timeZone`.
 */
export async function bars(ex: Executor, q: BarQuery): Promise<BarRow[]> {
  const split = splitAtHours(q.from.getTime(), q.to.getTime());
  if (q.interval === '1m' || q.interval === '15m' || !split.whole) return barsFromTicks(ex, q);
  if (q.interval === '1d' && !wholeHourOffsets(q.timeZone, q.from, q.to))
    return barsFromTicks(ex, q);
  const edge = (range: [number, number] | null): Promise<BarRow[]> =>
    range
      ? barsFromTicks(ex, { ...q, from: new Date(range[0]), to: new Date(range[1]) })
      : Promise.resolve([]);
  const [wholeFrom, wholeTo] = split.whole.map((ms) => new Date(ms)) as [Date, Date];

  if (q.interval === '1h') {
    const [head, whole, tail] = await Promise.all([
      edge(split.head),
      sql<BarRow>`
        select bucket as time, open::float8 as open, high::float8 as high, low::float8 as low,
          close::float8 as close, volume::float8 as volume
        from md_bars_hourly
        where instrument_id = ${q.instrumentId} and bucket >= ${wholeFrom} and bucket < ${wholeTo}
        order by bucket`.execute(ex),
      edge(split.tail),
    ]);
    return [...head, ...whole.rows, ...tail];
  }

  // Days gather whole hours from the hourly table and the edges' ticks, so a day cut by
  // the range still opens with its first tick and closes with its last.
  const never = new Date(0);
  const [headFrom, headTo] = split.head?.map((ms) => new Date(ms)) ?? [never, never];
  const [tailFrom, tailTo] = split.tail?.map((ms) => new Date(ms)) ?? [never, never];
  const result = await sql<BarRow>`
    with pieces as (
      select bucket as ts, bucket as ds, open, high, low, close, volume from md_bars_hourly
      where instrument_id = ${q.instrumentId} and bucket >= ${wholeFrom} and bucket < ${wholeTo}
      union all
      select ts, delivery_start, price, price, price, price, volume from md_ticks
      where instrument_id = ${q.instrumentId} and ts >= ${headFrom} and ts < ${headTo}
      union all
      select ts, delivery_start, price, price, price, price, volume from md_ticks
      where instrument_id = ${q.instrumentId} and ts >= ${tailFrom} and ts < ${tailTo}
    )
    select date_trunc('day', ts, ${q.timeZone}) as time,
      ${FIRST('ts', 'ds', 'open')}::float8 as open, max(high)::float8 as high, min(low)::float8 as low,
      ${LAST('ts', 'ds', 'close')}::float8 as close, sum(volume)::float8 as volume
    from pieces group by 1 order by 1`.execute(ex);
  return result.rows;
}

/** Bars straight from the ticks, for any interval and range. */
export async function barsFromTicks(ex: Executor, q: BarQuery): Promise<BarRow[]> {
  const bucket =
    q.interval === '1d'
      ? sql`date_trunc('day', ts, ${q.timeZone})`
      : sql`date_bin(${UTC_BUCKETS[q.interval]}::interval, ts, ${ORIGIN})`;
  const result = await sql<BarRow>`
    select ${bucket} as time,
      ${FIRST('ts', 'delivery_start', 'price')}::float8 as open,
      max(price)::float8 as high,
      min(price)::float8 as low,
      ${LAST('ts', 'delivery_start', 'price')}::float8 as close,
      sum(volume)::float8 as volume
    from md_ticks
    where instrument_id = ${q.instrumentId} and ts >= ${q.from} and ts < ${q.to}
    group by 1 order by 1`.execute(ex);
  return result.rows;
}

/** Whether local days of `timeZone` are made of whole UTC hours over the range. */
function wholeHourOffsets(timeZone: string, from: Date, to: Date): boolean {
  return [from.getTime(), to.getTime()].every((ms) => utcOffsetMinutes(timeZone, ms) % 60 === 0);
}
