/**
 * Split-conformal prediction intervals per delivery hour: the half-width is the
 * ceil((n + 1)(1 - alpha))-th smallest absolute error of that hour over the last n
 * days, which covers at least 1 - alpha of exchangeable errors whatever their law.
 */
export function conformalHalfWidth(recentAbsoluteErrors: ArrayLike<number>, alpha: number): number {
  const n = recentAbsoluteErrors.length;
  const rank = Math.ceil((n + 1) * (1 - alpha));
  if (n === 0 || rank > n) return Number.POSITIVE_INFINITY;
  const sorted = Float64Array.from(recentAbsoluteErrors).sort();
  return sorted[rank - 1]!;
}

export interface IntervalForecasts {
  lower: Float64Array;
  upper: Float64Array;
  /** Days for which an interval exists (after the calibration days). */
  firstDay: number;
}

/**
 * Walk-forward intervals around day-major hourly forecasts: the interval for day d uses
 * only the errors of days d-window..d-1, so it is available when the forecast is.
 */
export function rollingConformalIntervals(
  actual: ArrayLike<number>,
  forecast: ArrayLike<number>,
  window: number,
  alpha: number,
  hoursPerDay = 24,
): IntervalForecasts {
  const days = Math.floor(forecast.length / hoursPerDay);
  const lower = new Float64Array(forecast.length).fill(Number.NaN);
  const upper = new Float64Array(forecast.length).fill(Number.NaN);
  const errors = new Float64Array(window);
  for (let d = window; d < days; d++) {
    for (let h = 0; h < hoursPerDay; h++) {
      for (let k = 0; k < window; k++) {
        const i = (d - window + k) * hoursPerDay + h;
        errors[k] = Math.abs(actual[i]! - forecast[i]!);
      }
      const width = conformalHalfWidth(errors, alpha);
      const i = d * hoursPerDay + h;
      lower[i] = forecast[i]! - width;
      upper[i] = forecast[i]! + width;
    }
  }
  return { lower, upper, firstDay: window };
}

/** Share of hours whose price fell inside its interval (hours without one are skipped). */
export function empiricalCoverage(
  actual: ArrayLike<number>,
  lower: ArrayLike<number>,
  upper: ArrayLike<number>,
): number {
  let inside = 0;
  let counted = 0;
  for (let i = 0; i < actual.length; i++) {
    if (Number.isNaN(lower[i]!)) continue;
    counted++;
    if (actual[i]! >= lower[i]! && actual[i]! <= upper[i]!) inside++;
  }
  return counted === 0 ? Number.NaN : inside / counted;
}
