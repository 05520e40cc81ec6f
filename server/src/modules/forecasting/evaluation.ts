import { conformalHalfWidth, empiricalCoverage } from './domain/conformal.js';
import { HOURS } from './domain/market-days.js';
import { accuracyReport } from './domain/metrics.js';

/**
 * Scores a walk-forward run and sizes its prediction intervals. Intervals are split
 * conformal on the run's own errors: for each day, the errors of the previous
 * `window` days, per delivery hour once there are enough days for the quantile to
 * exist, pooled over the hours before that, so that short evaluations still get a band.
 */
export const INTERVAL_ALPHA = 0.1;
export const CONFORMAL_WINDOW = 56;
// ceil((n + 1)(1 - alpha)) <= n needs n >= 9 at alpha = 0.1.
const MIN_DAYS_PER_HOUR = 9;

export interface Evaluation {
  metrics: {
    mae: number;
    rmae: number;
    smape: number;
    rmse: number;
    coverage: number;
    intervalLevel: number;
  };
  /** Interval half-widths per delivery hour for the next forecast. */
  halfWidths: number[];
  /** Intervals of the test hours (NaN on the first day, which has no past errors). */
  lower: Float64Array;
  upper: Float64Array;
}

/** Half-widths per hour from the absolute errors of test days `from..to-1`. */
export function halfWidthsFrom(
  errors: Float64Array,
  from: number,
  to: number,
  alpha = INTERVAL_ALPHA,
): number[] {
  const days = to - from;
  if (days <= 0) return Array.from({ length: HOURS }, () => Number.NaN);
  if (days < MIN_DAYS_PER_HOUR) {
    const pooled = conformalHalfWidth(errors.subarray(from * HOURS, to * HOURS), alpha);
    return Array.from({ length: HOURS }, () => pooled);
  }
  return Array.from({ length: HOURS }, (_, h) => {
    const hourErrors = Array.from({ length: days }, (_, k) => errors[(from + k) * HOURS + h]!);
    return conformalHalfWidth(hourErrors, alpha);
  });
}

export function evaluateWalkForward(
  actual: Float64Array,
  forecast: Float64Array,
  window = CONFORMAL_WINDOW,
): Evaluation {
  const days = actual.length / HOURS;
  const errors = actual.map((a, i) => Math.abs(a - forecast[i]!));
  const lower = new Float64Array(actual.length).fill(Number.NaN);
  const upper = new Float64Array(actual.length).fill(Number.NaN);
  for (let d = 1; d < days; d++) {
    const widths = halfWidthsFrom(errors, Math.max(0, d - window), d);
    for (let h = 0; h < HOURS; h++) {
      const i = d * HOURS + h;
      lower[i] = forecast[i]! - widths[h]!;
      upper[i] = forecast[i]! + widths[h]!;
    }
  }
  return {
    metrics: {
      ...accuracyReport(actual, forecast),
      coverage: empiricalCoverage(actual, lower, upper),
      intervalLevel: 1 - INTERVAL_ALPHA,
    },
    halfWidths: halfWidthsFrom(errors, Math.max(0, days - window), days),
    lower,
    upper,
  };
}
