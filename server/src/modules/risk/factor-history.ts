import { createResidentMatrix, type Matrix } from './domain/index.js';
import type { HourlyClose } from './price-history.js';

/**
 * Daily factor moves. With a year of history (the demo stores two), VaR uses the moves
 * between daily closes (`dailyMovesFromDaily`): 250 and more real daily scenarios, tails
 * included. With less, it falls back to hourly moves scaled to a day by the square root
 * of 24 (exact for independent moves; it understates risk when hours trend together).
 * Hours or days where an instrument printed nothing carry its last close forward; the
 * window starts at the first hour every factor has a price.
 */
export const HOURS_PER_DAY = 24;
/** Daily scenarios a full-year window gives; fewer and VaR reads hourly moves instead. */
export const MIN_DAILY_SCENARIOS = 250;
const DAY_MS = 86_400_000;

/** The last close of each UTC day, stamped at the day's start. */
export function dailyCloses(series: readonly HourlyClose[]): HourlyClose[] {
  const byDay = new Map<number, HourlyClose>();
  for (const close of [...series].sort((a, b) => a.time - b.time))
    byDay.set(Math.floor(close.time / DAY_MS) * DAY_MS, close);
  return [...byDay].map(([time, close]) => ({ time, close: close.close }));
}

/** Moves between daily closes, unscaled: one scenario per day. */
export function dailyMovesFromDaily(
  closes: ReadonlyMap<string, readonly HourlyClose[]>,
): FactorHistory {
  const daily = new Map([...closes].map(([id, series]) => [id, dailyCloses(series)]));
  return movesOf(daily, 1);
}

export interface FactorHistory {
  /** Instruments with enough history, in column order. */
  factors: string[];
  /** Instruments left out, with why. */
  missing: { instrumentId: string; reason: string }[];
  /** Scenarios x factors, daily-equivalent absolute price moves, oldest first. */
  moves: Matrix;
  /** The latest close of each factor. */
  lastClose: Map<string, number>;
  /** The mean hourly close of each factor over the window: where a mean-reverting price is pulled. */
  meanClose: Map<string, number>;
}

export function dailyMovesFromHourly(
  closes: ReadonlyMap<string, readonly HourlyClose[]>,
): FactorHistory {
  return movesOf(closes, Math.sqrt(HOURS_PER_DAY));
}

function movesOf(
  closes: ReadonlyMap<string, readonly HourlyClose[]>,
  scale: number,
): FactorHistory {
  const missing: FactorHistory['missing'] = [];
  const usable: [string, HourlyClose[]][] = [];
  for (const [id, series] of closes) {
    const sorted = [...series].sort((a, b) => a.time - b.time);
    if (sorted.length < 2)
      missing.push({
        instrumentId: id,
        reason: sorted.length === 0 ? 'no price history' : 'only one hourly close',
      });
    else usable.push([id, sorted]);
  }
  const start = Math.max(...usable.map(([, s]) => s[0]!.time));
  const hours = [...new Set(usable.flatMap(([, s]) => s.map((c) => c.time)))]
    .filter((t) => t >= start)
    .sort((a, b) => a - b);
  const n = usable.length;
  const rows = Math.max(hours.length - 1, 0);
  const moves = createResidentMatrix(rows, n);
  const lastClose = new Map<string, number>();
  const meanClose = new Map<string, number>();
  usable.forEach(([id, series], j) => {
    let k = 0;
    let level = series[0]!.close;
    let previous = level;
    let sum = 0;
    hours.forEach((hour, t) => {
      while (k < series.length && series[k]!.time <= hour) level = series[k++]!.close;
      if (t > 0) moves.data[(t - 1) * n + j] = (level - previous) * scale;
      previous = level;
      sum += level;
    });
    lastClose.set(id, series[series.length - 1]!.close);
    meanClose.set(id, sum / hours.length);
  });
  return { factors: usable.map(([id]) => id), missing, moves, lastClose, meanClose };
}
