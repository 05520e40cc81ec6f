import { normalCdf } from '../../../platform/maths/normal-distribution.js';

/**
 * Diebold-Mariano test of equal accuracy, in the multivariate form of epftoolbox: the
 * loss of a day is the norm of its 24 hourly errors, so one statistic compares whole
 * days and the hours' correlation does not inflate the sample. d = loss(A) - loss(B);
 * a large positive statistic means B is more accurate than A.
 */
export interface DieboldMarianoResult {
  statistic: number;
  /** One-sided p-value of H1: B is more accurate than A (epftoolbox's convention). */
  pValueBBetter: number;
  twoSidedPValue: number;
}

export function dieboldMariano(
  actual: ArrayLike<number>,
  forecastA: ArrayLike<number>,
  forecastB: ArrayLike<number>,
  norm: 1 | 2 = 1,
  hoursPerDay = 24,
): DieboldMarianoResult {
  const days = Math.floor(actual.length / hoursPerDay);
  const differential = new Float64Array(days);
  for (let d = 0; d < days; d++) {
    let lossA = 0;
    let lossB = 0;
    for (let h = 0; h < hoursPerDay; h++) {
      const i = d * hoursPerDay + h;
      const ea = Math.abs(actual[i]! - forecastA[i]!);
      const eb = Math.abs(actual[i]! - forecastB[i]!);
      lossA += norm === 1 ? ea : ea * ea;
      lossB += norm === 1 ? eb : eb * eb;
    }
    differential[d] = norm === 1 ? lossA - lossB : Math.sqrt(lossA) - Math.sqrt(lossB);
  }
  let mean = 0;
  for (const v of differential) mean += v / days;
  let variance = 0;
  for (const v of differential) variance += ((v - mean) * (v - mean)) / (days - 1);
  const statistic = mean / Math.sqrt(variance / days);
  return {
    statistic,
    pValueBBetter: 1 - normalCdf(statistic),
    twoSidedPValue: 2 * (1 - normalCdf(Math.abs(statistic))),
  };
}
