import { deliveryDateOf, deliveryDay } from './delivery-period.js';
import type { Tick } from './tick.js';

/**
 * OHLC bars from ticks. This is the reference the SQL aggregation is checked
 * against, so it is written for clarity, not speed.
 */

export type BarInterval = '1m' | '15m' | '1h' | '1d';

export interface Bar {
  instrumentId: string;
  /** UTC ms of the bucket start. */
  bucketStart: number;
  bucketEnd: number;
  open: number;
  high: number;
  low: number;
  close: number;
  volume: number;
  /** Volume-weighted average price; the plain mean when no volume traded. */
  vwap: number;
  tickCount: number;
}

const BUCKET_MS: Record<Exclude<BarInterval, '1d'>, number> = {
  '1m': 60_000,
  '15m': 900_000,
  '1h': 3_600_000,
};

/**
 * Buckets are aligned to UTC, as `date_bin` and `time_bucket` do. Daily bars
 * follow local days when a time zone is given, so they have 23 or 25 hours on
 * daylight-saving days.
 */
export function bucketOf(
  time: number,
  interval: BarInterval,
  timeZone = 'UTC',
): { start: number; end: number } {
  if (interval === '1d') return deliveryDay(timeZone, deliveryDateOf(timeZone, time));
  const size = BUCKET_MS[interval];
  const start = Math.floor(time / size) * size;
  return { start, end: start + size };
}

/** Bars per instrument and bucket, ordered by instrument then time; ties keep input order. */
export function aggregateBars(
  ticks: readonly Tick[],
  interval: BarInterval,
  timeZone = 'UTC',
): Bar[] {
  const ordered = ticks
    .map((tick, index) => ({ tick, index }))
    .sort((a, b) => a.tick.time - b.tick.time || a.index - b.index)
    .map(({ tick }) => tick);
  const bars = new Map<string, Bar & { notional: number; priceSum: number }>();
  for (const tick of ordered) {
    const bucket = bucketOf(tick.time, interval, timeZone);
    const key = `${tick.instrumentId}\u0000${bucket.start}`;
    const bar = bars.get(key);
    if (!bar) {
      bars.set(key, {
        instrumentId: tick.instrumentId,
        bucketStart: bucket.start,
        bucketEnd: bucket.end,
        open: tick.price,
        high: tick.price,
        low: tick.price,
        close: tick.price,
        volume: tick.volume,
        vwap: 0,
        tickCount: 1,
        notional: tick.price * tick.volume,
        priceSum: tick.price,
      });
      continue;
    }
    bar.high = Math.max(bar.high, tick.price);
    bar.low = Math.min(bar.low, tick.price);
    bar.close = tick.price;
    bar.volume += tick.volume;
    bar.tickCount += 1;
    bar.notional += tick.price * tick.volume;
    bar.priceSum += tick.price;
  }
  return [...bars.values()]
    .map(({ notional, priceSum, ...bar }) => ({
      ...bar,
      vwap: bar.volume > 0 ? notional / bar.volume : priceSum / bar.tickCount,
    }))
    .sort((a, b) =>
      a.instrumentId < b.instrumentId
        ? -1
        : a.instrumentId > b.instrumentId
          ? 1
          : a.bucketStart - b.bucketStart,
    );
}
