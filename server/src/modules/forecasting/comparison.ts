import { dieboldMariano } from './domain/diebold-mariano.js';
import { HOURS } from './domain/market-days.js';
import type { HourlyForecast } from './repo-forecasts.js';

/**
 * Two model versions compared on the days both forecast and whose outcome is known.
 * The Diebold-Mariano test of the domain compares whole days (the loss of a day is the
 * norm of its 24 errors), so only days where both models and the actual values cover
 * all 24 hours are compared.
 */
export type Loss = 'absolute' | 'squared';

/** Level at which one model is called better than the other. */
export const SIGNIFICANCE = 0.05;

export interface AlignedDays {
  days: string[];
  actual: Float64Array;
  a: Float64Array;
  b: Float64Array;
}

export interface Comparison {
  daysCompared: number;
  hoursCompared: number;
  from: string;
  to: string;
  meanLossA: number;
  meanLossB: number;
  /** Positive when B is more accurate; null when the test is undefined (no variation in the loss differential). */
  statistic: number | null;
  pValue: number | null;
  pValueABetter: number | null;
  pValueBBetter: number | null;
  better: 'a' | 'b' | null;
}

function byDay(rows: readonly HourlyForecast[]): Map<string, Float64Array> {
  const days = new Map<string, Float64Array>();
  for (const r of rows) {
    const day = days.get(r.deliveryDay) ?? new Float64Array(HOURS).fill(Number.NaN);
    day[r.hour] = r.value;
    days.set(r.deliveryDay, day);
  }
  return days;
}

const whole = (values: Float64Array) => values.every((v) => Number.isFinite(v));

/** Days, in order, that both models forecast in full. */
export function commonForecastDays(
  a: readonly HourlyForecast[],
  b: readonly HourlyForecast[],
): string[] {
  const da = byDay(a);
  const db = byDay(b);
  return [...da.keys()]
    .filter((day) => whole(da.get(day)!) && db.has(day) && whole(db.get(day)!))
    .sort();
}

export function alignWholeDays(
  a: readonly HourlyForecast[],
  b: readonly HourlyForecast[],
  actualAt: (day: string, hour: number) => number | null,
): AlignedDays {
  const da = byDay(a);
  const db = byDay(b);
  const days = commonForecastDays(a, b).filter((day) =>
    Array.from({ length: HOURS }, (_, h) => actualAt(day, h)).every((v) => v !== null),
  );
  const pick = (get: (day: string, hour: number) => number) =>
    Float64Array.from({ length: days.length * HOURS }, (_, i) =>
      get(days[Math.floor(i / HOURS)]!, i % HOURS),
    );
  return {
    days,
    actual: pick((day, h) => actualAt(day, h)!),
    a: pick((day, h) => da.get(day)![h]!),
    b: pick((day, h) => db.get(day)![h]!),
  };
}

const finiteOrNull = (v: number) => (Number.isFinite(v) ? v : null);

export function compareAligned(aligned: AlignedDays, loss: Loss): Comparison {
  const n = aligned.actual.length;
  let lossA = 0;
  let lossB = 0;
  let identical = true;
  for (let i = 0; i < n; i++) {
    const ea = Math.abs(aligned.actual[i]! - aligned.a[i]!);
    const eb = Math.abs(aligned.actual[i]! - aligned.b[i]!);
    lossA += (loss === 'absolute' ? ea : ea * ea) / n;
    lossB += (loss === 'absolute' ? eb : eb * eb) / n;
    if (aligned.a[i] !== aligned.b[i]) identical = false;
  }
  const base = {
    daysCompared: aligned.days.length,
    hoursCompared: n,
    from: aligned.days[0] ?? '',
    to: aligned.days[aligned.days.length - 1] ?? '',
    meanLossA: lossA,
    meanLossB: lossB,
  };
  // Identical forecasts are equally accurate; the statistic itself would be 0/0.
  if (identical)
    return {
      ...base,
      statistic: 0,
      pValue: 1,
      pValueABetter: 0.5,
      pValueBBetter: 0.5,
      better: null,
    };
  const dm = dieboldMariano(aligned.actual, aligned.a, aligned.b, loss === 'absolute' ? 1 : 2);
  const statistic = finiteOrNull(dm.statistic);
  const pValue = statistic === null ? null : dm.twoSidedPValue;
  return {
    ...base,
    statistic,
    pValue,
    pValueABetter: statistic === null ? null : 1 - dm.pValueBBetter,
    pValueBBetter: statistic === null ? null : dm.pValueBBetter,
    better:
      statistic === null || pValue === null || pValue >= SIGNIFICANCE
        ? null
        : statistic > 0
          ? 'b'
          : 'a',
  };
}
