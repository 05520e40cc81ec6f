import { HOURS } from './domain/market-days.js';

/**
 * Hourly market-data series (UTC instants) laid out as the models read them: local
 * delivery days of 24 values. As in the epftoolbox data, the hour skipped in spring is
 * the mean of its neighbours and the doubled autumn hour is averaged. A day with a
 * missing delivery hour is incomplete: its known hours are kept for charting, but it
 * never reaches a model.
 */
export interface HourlyPoint {
  /** Start of the hour, epoch milliseconds. */
  time: number;
  value: number;
}

export interface DeliveryDayBounds {
  /** `YYYY-MM-DD` in the market's time zone. */
  date: string;
  /** UTC milliseconds of local midnight and of the next one. */
  start: number;
  end: number;
}

export interface HourlyDays {
  firstDate: string;
  days: number;
  /** `days * 24` values; NaN where an hour is unknown. */
  values: Float64Array;
  complete: boolean[];
}

const HOUR_MS = 3_600_000;

/** Local wall-clock hour of an instant in a time zone (0-23). */
export function localHourIn(timeZone: string): (instant: number) => number {
  const format = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', hourCycle: 'h23' });
  return (instant) => Number(format.format(instant));
}

export function toHourlyDays(
  points: readonly HourlyPoint[],
  days: readonly DeliveryDayBounds[],
  localHour: (instant: number) => number,
): HourlyDays {
  const values = new Float64Array(days.length * HOURS).fill(Number.NaN);
  const complete = days.map(() => false);
  const byHour = new Map(points.map((p) => [p.time, p.value] as const));
  days.forEach((day, d) => {
    const sums = new Float64Array(HOURS);
    const counts = new Uint8Array(HOURS);
    let present = 0;
    let slots = 0;
    // Only a 23- or 25-hour day has an offset change inside it that needs the zone's rules.
    const regular = day.end - day.start === HOURS * HOUR_MS;
    for (let t = day.start; t < day.end; t += HOUR_MS, slots++) {
      const value = byHour.get(t);
      if (value === undefined) continue;
      present++;
      const h = regular ? slots : localHour(t);
      sums[h]! += value;
      counts[h]!++;
    }
    for (let h = 0; h < HOURS; h++)
      if (counts[h]! > 0) values[d * HOURS + h] = sums[h]! / counts[h]!;
    complete[d] = present === slots;
    if (!complete[d]) return;
    // Only the hour clocks skip is still empty on a complete day.
    for (let h = 0; h < HOURS; h++) {
      if (counts[h] !== 0) continue;
      const before = values[d * HOURS + Math.max(0, h - 1)]!;
      const after = values[d * HOURS + Math.min(HOURS - 1, h + 1)]!;
      values[d * HOURS + h] = (before + after) / 2;
    }
  });
  return { firstDate: days[0]?.date ?? '', days: days.length, values, complete };
}

/** Hourly means of readings finer than an hour (quarter-hourly load, say), stamped with the hour's start. */
export function hourlyMeans(readings: readonly HourlyPoint[]): HourlyPoint[] {
  const buckets = new Map<number, { sum: number; n: number }>();
  for (const r of readings) {
    const hour = Math.floor(r.time / HOUR_MS) * HOUR_MS;
    const bucket = buckets.get(hour) ?? { sum: 0, n: 0 };
    bucket.sum += r.value;
    bucket.n++;
    buckets.set(hour, bucket);
  }
  return [...buckets].sort(([a], [b]) => a - b).map(([time, b]) => ({ time, value: b.sum / b.n }));
}

/** How many complete days end at day `last` without a break. */
export function completeRunEndingAt(complete: readonly boolean[], last: number): number {
  let run = 0;
  for (let d = last; d >= 0 && complete[d]; d--) run++;
  return run;
}

/** The latest complete day, or -1. */
export function lastCompleteDay(complete: readonly boolean[]): number {
  for (let d = complete.length - 1; d >= 0; d--) if (complete[d]) return d;
  return -1;
}
