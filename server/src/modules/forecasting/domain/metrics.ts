/**
 * Point-forecast accuracy as defined by Lago et al. (2021): errors pooled over every
 * test hour. Arrays are aligned hour by hour.
 */
export function meanAbsoluteError(actual: ArrayLike<number>, forecast: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < actual.length; i++) s += Math.abs(actual[i]! - forecast[i]!);
  return s / actual.length;
}

export function rootMeanSquaredError(
  actual: ArrayLike<number>,
  forecast: ArrayLike<number>,
): number {
  let s = 0;
  for (let i = 0; i < actual.length; i++) {
    const e = actual[i]! - forecast[i]!;
    s += e * e;
  }
  return Math.sqrt(s / actual.length);
}

/** Symmetric MAPE in percent; an hour where both price and forecast are zero counts as no error. */
export function symmetricMape(actual: ArrayLike<number>, forecast: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < actual.length; i++) {
    const denominator = (Math.abs(actual[i]!) + Math.abs(forecast[i]!)) / 2;
    if (denominator > 0) s += Math.abs(actual[i]! - forecast[i]!) / denominator;
  }
  return (100 * s) / actual.length;
}

/**
 * MAE relative to the weekly seasonal naive built from the test prices themselves
 * (f(d,h) = p(d-7,h)), which therefore covers the test period minus its first 7 days.
 */
export function relativeMae(
  actual: ArrayLike<number>,
  forecast: ArrayLike<number>,
  hoursPerDay = 24,
): number {
  const lag = 7 * hoursPerDay;
  let naive = 0;
  for (let i = lag; i < actual.length; i++) naive += Math.abs(actual[i]! - actual[i - lag]!);
  naive /= actual.length - lag;
  return meanAbsoluteError(actual, forecast) / naive;
}

export interface AccuracyReport {
  mae: number;
  rmae: number;
  smape: number;
  rmse: number;
}

export function accuracyReport(
  actual: ArrayLike<number>,
  forecast: ArrayLike<number>,
): AccuracyReport {
  return {
    mae: meanAbsoluteError(actual, forecast),
    rmae: relativeMae(actual, forecast),
    smape: symmetricMape(actual, forecast),
    rmse: rootMeanSquaredError(actual, forecast),
  };
}
