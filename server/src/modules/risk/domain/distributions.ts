/**
 * The distributions risk needs: the normal (VaR quantiles, Black-76; shared with other
 * modules from platform/maths), the chi-square with one degree of freedom (Kupiec's test)
 * and the binomial (Basel traffic light).
 */
import { erfc } from '../../../platform/maths/normal-distribution.js';

export {
  erfc,
  normalCdf,
  normalInverseCdf,
  normalPdf,
} from '../../../platform/maths/normal-distribution.js';

/** Chi-square cdf with one degree of freedom: P(Z^2 <= x) for standard normal Z. */
export const chiSquare1Cdf = (x: number): number => (x <= 0 ? 0 : 1 - erfc(Math.sqrt(x / 2)));

/** Upper tail of chi-square(1), computed directly so that small p-values keep their digits. */
export const chiSquare1Survival = (x: number): number => (x <= 0 ? 1 : erfc(Math.sqrt(x / 2)));

/**
 * ln Gamma(x) for x > 0: Stirling's series, shifted above 15 by the recurrence
 * Gamma(x + 1) = x Gamma(x), where the series is accurate to about 1e-15.
 */
export const logGamma = (x: number): number => {
  if (!(x > 0)) return Number.NaN;
  let shift = 0;
  let z = x;
  while (z < 15) {
    shift += Math.log(z);
    z += 1;
  }
  const inv = 1 / z;
  const inv2 = inv * inv;
  const series = inv * (1 / 12 - inv2 * (1 / 360 - inv2 * (1 / 1260 - inv2 * (1 / 1680))));
  return (z - 0.5) * Math.log(z) - z + 0.5 * Math.log(2 * Math.PI) + series - shift;
};

/** P(X <= k) for X ~ Binomial(n, p), summed in log space so large n does not underflow. */
export const binomialCdf = (k: number, n: number, p: number): number => {
  if (k < 0) return 0;
  if (k >= n) return 1;
  if (p <= 0) return 1;
  if (p >= 1) return 0;
  const logP = Math.log(p);
  const logQ = Math.log1p(-p);
  const logNFact = logGamma(n + 1);
  let total = 0;
  for (let i = 0; i <= Math.floor(k); i++) {
    total += Math.exp(logNFact - logGamma(i + 1) - logGamma(n - i + 1) + i * logP + (n - i) * logQ);
  }
  return Math.min(1, total);
};
