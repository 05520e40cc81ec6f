import { HOURS } from './market-days.js';
import { fitRobustScale } from './robust-scaling.js';

/**
 * Checks of an incoming hourly series before it reaches a model. Instants are UTC
 * milliseconds; the market's offset from UTC comes in as a function so that the
 * delivery day (and its 23 or 25 hours around daylight-saving changes) is the
 * market's own, without this code knowing any time-zone database.
 */
const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

export interface SeriesInspection {
  /** Missing hours: the instant after which the gap starts and how many hours are missing. */
  gaps: { after: number; missingHours: number }[];
  /** Instants that occur more than once. */
  duplicates: number[];
  /** Delivery days (local midnight as a UTC-based day number) that have 23 or 25 hours. */
  daylightSavingDays: { day: number; hours: number }[];
  /** Positions whose robust z-score exceeds the threshold; flagged, never dropped. */
  outliers: number[];
}

export function inspectHourlySeries(
  instants: readonly number[],
  values: ArrayLike<number>,
  utcOffsetMinutes: (instant: number) => number,
  outlierThreshold = 6,
): SeriesInspection {
  const gaps: SeriesInspection['gaps'] = [];
  const duplicates: number[] = [];
  const hoursPerDay = new Map<number, number>();
  for (let i = 0; i < instants.length; i++) {
    const t = instants[i]!;
    if (i > 0) {
      const step = t - instants[i - 1]!;
      if (step === 0) duplicates.push(t);
      else if (step > HOUR_MS)
        gaps.push({ after: instants[i - 1]!, missingHours: Math.round(step / HOUR_MS) - 1 });
    }
    if (i === 0 || t !== instants[i - 1]) {
      const day = deliveryDay(t, utcOffsetMinutes);
      hoursPerDay.set(day, (hoursPerDay.get(day) ?? 0) + 1);
    }
  }
  const daylightSavingDays = [...hoursPerDay]
    .filter(([day, hours]) => hours !== HOURS && expectedHours(day, utcOffsetMinutes) === hours)
    .map(([day, hours]) => ({ day, hours }));
  return {
    gaps,
    duplicates,
    daylightSavingDays,
    outliers: robustOutliers(values, outlierThreshold),
  };
}

/** Local calendar day number (days since 1970-01-01 in the market's time). */
export function deliveryDay(
  instant: number,
  utcOffsetMinutes: (instant: number) => number,
): number {
  return Math.floor((instant + utcOffsetMinutes(instant) * 60_000) / DAY_MS);
}

/** How many delivery hours a local day has: 23 when clocks go forward, 25 when back. */
export function expectedHours(day: number, utcOffsetMinutes: (instant: number) => number): number {
  const start = day * DAY_MS;
  const startUtc = start - utcOffsetMinutes(start) * 60_000;
  const endUtc = start + DAY_MS - utcOffsetMinutes(start + DAY_MS) * 60_000;
  return Math.round((endUtc - startUtc) / HOUR_MS);
}

export function robustOutliers(values: ArrayLike<number>, threshold: number): number[] {
  const scale = fitRobustScale(values);
  const flagged: number[] = [];
  for (let i = 0; i < values.length; i++) {
    if (Math.abs(values[i]! - scale.median) / scale.mad > threshold) flagged.push(i);
  }
  return flagged;
}

/**
 * Normalises one delivery day to 24 values the way the epftoolbox data does: the hour
 * skipped in spring is filled with the mean of its neighbours, the doubled autumn hour
 * is averaged. `changeHour` is the local hour at which clocks change.
 */
export function toTwentyFourHours(day: readonly number[], changeHour: number): number[] {
  if (day.length === HOURS) return [...day];
  if (day.length === HOURS - 1) {
    const before = day[changeHour - 1] ?? day[changeHour]!;
    const after = day[changeHour] ?? before;
    return [...day.slice(0, changeHour), (before + after) / 2, ...day.slice(changeHour)];
  }
  if (day.length === HOURS + 1) {
    return [
      ...day.slice(0, changeHour),
      (day[changeHour]! + day[changeHour + 1]!) / 2,
      ...day.slice(changeHour + 2),
    ];
  }
  throw new RangeError(`a delivery day has 23, 24 or 25 hours, not ${day.length}`);
}
