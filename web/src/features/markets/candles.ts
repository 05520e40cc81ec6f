import { startOfMarketDay } from './marketTime';
import type { Bar, BarInterval } from './types';

/** One OHLC candle, keyed by the UTC millisecond its bucket starts. */
export interface Candle {
  time: number;
  open: number;
  high: number;
  low: number;
  close: number;
  volume: number;
}

export interface PricePrint {
  /** UTC milliseconds. */
  time: number;
  price: number;
  volume: number;
}

const intradayBucketMs: Record<Exclude<BarInterval, '1d'>, number> = {
  '1m': 60_000,
  '15m': 900_000,
  '1h': 3_600_000,
};

/**
 * The start of the bar a print belongs to, as the server buckets them:
 * intraday bars are aligned to UTC, daily bars to the market's local day
 * (23 or 25 hours long on daylight-saving days).
 */
export function bucketStart(instantMs: number, interval: BarInterval, timeZone: string): number {
  if (interval === '1d') return startOfMarketDay(instantMs, timeZone);
  const size = intradayBucketMs[interval];
  return Math.floor(instantMs / size) * size;
}

/** Server bars as chart candles: ordered by time, one per bucket (the later copy wins). */
export function barsToCandles(bars: readonly Bar[]): Candle[] {
  const byTime = new Map<number, Candle>();
  for (const bar of bars) {
    const time = new Date(bar.time).getTime();
    if (Number.isNaN(time)) continue;
    byTime.set(time, {
      time,
      open: bar.open,
      high: bar.high,
      low: bar.low,
      close: bar.close,
      volume: bar.volume,
    });
  }
  return [...byTime.values()].sort((a, b) => a.time - b.time);
}

function indexOfTime(candles: readonly Candle[], time: number): number {
  // Live prints almost always land in the last candle, so search from the end.
  for (let i = candles.length - 1; i >= 0; i--) {
    const candidate = candles[i];
    if (candidate && candidate.time === time) return i;
    if (candidate && candidate.time < time) return -1;
  }
  return -1;
}

/**
 * Folds a live print into the candles: it extends the bar of its bucket or
 * opens a new one after the last. A late print for a bucket the chart does
 * not hold is dropped, since the history there is not known. The array is
 * returned unchanged (same reference) when nothing changed.
 */
export function mergeTick(
  candles: readonly Candle[],
  print: PricePrint,
  interval: BarInterval,
  timeZone: string,
): readonly Candle[] {
  if (!Number.isFinite(print.price) || !Number.isFinite(print.time)) return candles;
  const time = bucketStart(print.time, interval, timeZone);
  const last = candles.at(-1);
  if (!last || time > last.time) {
    const opened: Candle = {
      time,
      open: print.price,
      high: print.price,
      low: print.price,
      close: print.price,
      volume: print.volume,
    };
    return [...candles, opened];
  }
  const index = indexOfTime(candles, time);
  const bar = candles[index];
  if (!bar) return candles;
  const next = [...candles];
  next[index] = {
    time,
    open: bar.open,
    high: Math.max(bar.high, print.price),
    low: Math.min(bar.low, print.price),
    close: print.price,
    volume: bar.volume + print.volume,
  };
  return next;
}

/** Puts a bar the server aggregated itself in place of the chart's own, or after the last. */
export function upsertCandle(candles: readonly Candle[], candle: Candle): readonly Candle[] {
  const last = candles.at(-1);
  if (!last || candle.time > last.time) return [...candles, candle];
  const index = indexOfTime(candles, candle.time);
  if (index < 0) return candles;
  const next = [...candles];
  next[index] = candle;
  return next;
}

export type CandleChange =
  { kind: 'none' } | { kind: 'update'; candle: Candle } | { kind: 'reset' };

/**
 * What the chart must do to go from the candles it shows to the next ones:
 * redrawing everything on every tick would reset a trader's zoom, so a change
 * to the last candle (or one new candle) is sent as an update.
 */
export function candleChange(shown: readonly Candle[], next: readonly Candle[]): CandleChange {
  if (shown === next) return { kind: 'none' };
  const grown = next.length - shown.length;
  if (shown.length === 0 || (grown !== 0 && grown !== 1)) return { kind: 'reset' };
  // Everything before the shown last candle must be the very same objects.
  for (let i = 0; i < shown.length - 1; i++) {
    if (shown[i] !== next[i]) return { kind: 'reset' };
  }
  const lastShown = shown[shown.length - 1];
  if (grown === 1 && lastShown !== next[shown.length - 1]) return { kind: 'reset' };
  const candle = next[next.length - 1];
  return candle ? { kind: 'update', candle } : { kind: 'reset' };
}
