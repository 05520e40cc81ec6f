/**
 * VaR backtesting: does realised P&L breach the VaR as often as the confidence promises?
 * Kupiec's proportion-of-failures test judges the exception rate statistically; the Basel
 * traffic light turns the exception count into the supervisor's green / yellow / red.
 */
import { invalid } from '../../../platform/errors.js';
import { binomialCdf, chiSquare1Survival } from './distributions.js';
import { requireConfidence } from './tail.js';

export interface ExceptionCount {
  readonly days: number;
  readonly exceptions: number;
  /** Indices of the days whose loss exceeded that day's VaR. */
  readonly exceptionDays: number[];
}

/** A day is an exception when its loss is larger than the VaR reported for it (VaR > 0). */
export const countExceptions = (
  pnl: readonly number[],
  valueAtRisk: readonly number[],
): ExceptionCount => {
  if (pnl.length !== valueAtRisk.length) {
    throw invalid(
      'valueAtRisk',
      'dimension',
      `${pnl.length} days of P&L but ${valueAtRisk.length} VaR figures`,
    );
  }
  const exceptionDays: number[] = [];
  pnl.forEach((value, day) => {
    if (-value > valueAtRisk[day]!) exceptionDays.push(day);
  });
  return { days: pnl.length, exceptions: exceptionDays.length, exceptionDays };
};

export interface KupiecTest {
  readonly likelihoodRatio: number;
  readonly pValue: number;
  readonly expectedExceptions: number;
  /** Whether the VaR model is rejected at the test's significance level. */
  readonly rejected: boolean;
}

const xLogY = (x: number, y: number): number => (x === 0 ? 0 : x * Math.log(y));

/**
 * LR = -2 ln[(1-p)^(N-x) p^x] + 2 ln[(1-x/N)^(N-x) (x/N)^x], chi-square with one degree of
 * freedom under the hypothesis that the exception probability is p = 1 - confidence.
 */
export const kupiecTest = (
  exceptions: number,
  days: number,
  confidence: number,
  significance = 0.05,
): KupiecTest => {
  requireConfidence(confidence);
  if (!(Number.isInteger(days) && days >= 1))
    throw invalid('days', 'positive_integer', 'the backtest needs at least one day');
  if (!(Number.isInteger(exceptions) && exceptions >= 0 && exceptions <= days)) {
    throw invalid('exceptions', 'range', `exceptions must be a whole number between 0 and ${days}`);
  }
  const p = 1 - confidence;
  const observed = exceptions / days;
  const nullLogLikelihood = xLogY(days - exceptions, 1 - p) + xLogY(exceptions, p);
  const fittedLogLikelihood = xLogY(days - exceptions, 1 - observed) + xLogY(exceptions, observed);
  const likelihoodRatio = Math.max(0, -2 * (nullLogLikelihood - fittedLogLikelihood));
  const pValue = chiSquare1Survival(likelihoodRatio);
  return { likelihoodRatio, pValue, expectedExceptions: days * p, rejected: pValue < significance };
};

export type TrafficLight = 'green' | 'yellow' | 'red';

export interface TrafficLightResult {
  readonly zone: TrafficLight;
  /** P(X <= exceptions) for a correct model, X ~ Binomial(days, 1 - confidence). */
  readonly cumulativeProbability: number;
  /** Basel plus factor added to the capital multiplier of 3, for 250 days at 99% only. */
  readonly plusFactor?: number;
}

// Basel Committee (1996), supervisory framework for backtesting, table 2: 250 days at 99%.
const BASEL_PLUS_FACTORS: Record<number, number> = { 5: 0.4, 6: 0.5, 7: 0.65, 8: 0.75, 9: 0.85 };

/**
 * Basel zones by the binomial cumulative probability of the exception count: green below 95%,
 * yellow below 99.99%, red from there. For 250 days at 99% this gives the familiar 0-4 green,
 * 5-9 yellow, 10+ red, and the same rule extends to any window and confidence.
 */
export const baselTrafficLight = (
  exceptions: number,
  days = 250,
  confidence = 0.99,
): TrafficLightResult => {
  requireConfidence(confidence);
  const cumulativeProbability = binomialCdf(exceptions, days, 1 - confidence);
  const zone: TrafficLight =
    cumulativeProbability < 0.95 ? 'green' : cumulativeProbability < 0.9999 ? 'yellow' : 'red';
  const standardWindow = days === 250 && Math.abs(confidence - 0.99) < 1e-12;
  if (!standardWindow) return { zone, cumulativeProbability };
  const plusFactor =
    zone === 'green' ? 0 : zone === 'red' ? 1 : (BASEL_PLUS_FACTORS[exceptions] ?? 0);
  return { zone, cumulativeProbability, plusFactor };
};
