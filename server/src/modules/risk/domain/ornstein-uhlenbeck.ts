/**
 * Mean-reverting spot prices. Spot power and gas are pulled back towards a level set by
 * marginal cost (fuel, carbon, seasonal demand) after a shock, so a random walk overstates
 * their multi-day risk. dX = kappa (theta - X) dt + sigma dW, simulated with its exact
 * Gaussian transition, so the step size does not bias the path.
 */
import { invalid } from '../../../platform/errors.js';
import type { NormalSampler } from './normal-sampler.js';

export interface OrnsteinUhlenbeck {
  /** kappa, per day; a half-life of h days is ln 2 / h. Zero means a random walk. */
  readonly speedPerDay: number;
  /** theta, the level prices revert to, in price units. */
  readonly longRunLevel: number;
  /** sigma, absolute price volatility per square-root day. */
  readonly volatilityPerDay: number;
}

export const speedFromHalfLife = (halfLifeDays: number): number => {
  if (!(halfLifeDays > 0))
    throw invalid('halfLifeDays', 'positive', 'a mean-reversion half-life must be positive');
  return Math.LN2 / halfLifeDays;
};

/**
 * sqrt((1 - e^(-2 kappa t)) / (2 kappa)): the horizon standard deviation per unit of daily
 * volatility. Tends to sqrt(t) as kappa goes to zero (the square-root-of-time rule).
 */
export const meanRevertingScale = (speedPerDay: number, days: number): number => {
  if (speedPerDay < 0)
    throw invalid('speedPerDay', 'non_negative', 'a mean-reversion speed cannot be negative');
  const x = 2 * speedPerDay * days;
  // -expm1(-x)/x keeps its digits for slow reversion where 1 - e^-x would cancel.
  return x < 1e-12 ? Math.sqrt(days) : Math.sqrt((-Math.expm1(-x) / x) * days);
};

/** Expected move from the current level over the horizon: (theta - x0)(1 - e^(-kappa t)). */
export const meanRevertingDrift = (
  currentLevel: number,
  speedPerDay: number,
  longRunLevel: number,
  days: number,
): number => (longRunLevel - currentLevel) * -Math.expm1(-speedPerDay * days);

export const horizonMoments = (
  currentLevel: number,
  process: OrnsteinUhlenbeck,
  days: number,
): { mean: number; sd: number } => ({
  mean:
    currentLevel +
    meanRevertingDrift(currentLevel, process.speedPerDay, process.longRunLevel, days),
  sd: process.volatilityPerDay * meanRevertingScale(process.speedPerDay, days),
});

/** A daily path of `days` steps starting at currentLevel (index 0). */
export const simulateOrnsteinUhlenbeckPath = (
  currentLevel: number,
  process: OrnsteinUhlenbeck,
  days: number,
  normals: NormalSampler,
): Float64Array => {
  if (!(Number.isInteger(days) && days >= 0))
    throw invalid('days', 'non_negative_integer', 'a path needs a whole number of days');
  const path = new Float64Array(days + 1);
  path[0] = currentLevel;
  const decay = Math.exp(-process.speedPerDay);
  const stepSd = process.volatilityPerDay * meanRevertingScale(process.speedPerDay, 1);
  for (let t = 1; t <= days; t++) {
    path[t] =
      process.longRunLevel +
      (path[t - 1]! - process.longRunLevel) * decay +
      stepSd * normals.next();
  }
  return path;
};
