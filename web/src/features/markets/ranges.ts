import { startOfMarketDay } from './marketTime';
import type { Candle } from './candles';
import type { BarInterval } from './types';

export type ChartInterval = Extract<BarInterval, '15m' | '1h' | '1d'>;
export const chartIntervals: readonly ChartInterval[] = ['15m', '1h', '1d'];

export type ChartRange = '1D' | '1W' | '1M' | '3M';
export const chartRanges: readonly ChartRange[] = ['1D', '1W', '1M', '3M'];

const dayMs = 86_400_000;
const hourMs = 3_600_000;
const rangeDays: Record<ChartRange, number> = { '1D': 1, '1W': 7, '1M': 30, '3M': 91 };

export interface TimeWindow {
  from: string;
  to: string;
}

/**
 * The window a range selection asks the server for, ending an hour past the
 * current one so the bar being formed is included. Rounded to the hour so
 * that re-selecting a range within the hour reuses the cached answer.
 */
export function windowEnding(nowMs: number, range: ChartRange): TimeWindow {
  const to = Math.ceil(nowMs / hourMs) * hourMs + hourMs;
  return {
    from: new Date(to - rangeDays[range] * dayMs).toISOString(),
    to: new Date(to).toISOString(),
  };
}

/** A window of past and coming days around now, for weather observations and forecasts. */
export function windowAround(nowMs: number, daysBack: number, daysAhead: number): TimeWindow {
  const hour = Math.floor(nowMs / hourMs) * hourMs;
  return {
    from: new Date(hour - daysBack * dayMs).toISOString(),
    to: new Date(hour + daysAhead * dayMs).toISOString(),
  };
}

/** The close of the last daily bar before the market day of `atMs`: what "change" is measured from. */
export function previousClose(
  dailyCandles: readonly Candle[],
  atMs: number,
  timeZone: string,
): number | null {
  const today = startOfMarketDay(atMs, timeZone);
  for (let i = dailyCandles.length - 1; i >= 0; i--) {
    const candle = dailyCandles[i];
    if (candle && candle.time < today) return candle.close;
  }
  return null;
}
