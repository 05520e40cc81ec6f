/**
 * Parametric VaR from the covariance of daily factor moves, scaled to the horizon by time
 * (variance x h). 'delta-normal' treats the book as linear; 'delta-gamma' adds the options'
 * gamma, giving a skewed P&L whose first four cumulants are exact for normal factor moves and
 * whose quantile comes from the Cornish-Fisher expansion: short gamma fattens the loss tail.
 */
import { invalid } from '../../../platform/errors.js';
import { normalInverseCdf, normalPdf } from './distributions.js';
import type { Matrix } from './matrix.js';
import { netSensitivities, requireHorizon, type RiskPosition } from './risk-position.js';
import { requireConfidence } from './tail.js';

export type ParametricMethod = 'delta-normal' | 'delta-gamma';

export interface ParametricVarInput {
  readonly positions: readonly RiskPosition[];
  /** Covariance of daily absolute factor moves. */
  readonly covariance: Matrix;
  readonly confidence: number;
  readonly horizonDays: number;
  readonly method?: ParametricMethod;
}

export interface ParametricVarResult {
  readonly method: ParametricMethod;
  readonly valueAtRisk: number;
  readonly expectedShortfall: number;
  readonly meanPnl: number;
  readonly standardDeviation: number;
  readonly skewness: number;
  readonly excessKurtosis: number;
  /**
   * dVaR/d(delta of factor f) of the delta-normal VaR: what one more unit of exposure to each
   * factor adds. Euler allocation multiplies it by each position's delta.
   */
  readonly marginalVar: Float64Array;
  /** The delta-normal VaR the marginals belong to; equals valueAtRisk for 'delta-normal'. */
  readonly deltaNormalVar: number;
}

/** Cornish-Fisher quantile of a standardised variable from its skewness and excess kurtosis. */
export const cornishFisherQuantile = (
  z: number,
  skewness: number,
  excessKurtosis: number,
): number =>
  z +
  ((z * z - 1) * skewness) / 6 +
  ((z * z * z - 3 * z) * excessKurtosis) / 24 -
  ((2 * z * z * z - 5 * z) * skewness * skewness) / 36;

interface Cumulants {
  readonly mean: number;
  readonly variance: number;
  readonly third: number;
  readonly fourth: number;
}

/**
 * Cumulants of d'X + X'GX/2 for X ~ N(0, S), G diagonal. Only factors carrying gamma enter
 * the trace terms, so a book of a few options on a 500-factor curve stays cheap.
 */
const deltaGammaCumulants = (
  s: Float64Array,
  n: number,
  gamma: Float64Array,
  gammaFactors: Int32Array,
  sd: Float64Array,
  linearVariance: number,
): Cumulants => {
  const m = gammaFactors.length;
  const b = new Float64Array(m * m); // (G S) restricted to gamma factors
  for (let a = 0; a < m; a++) {
    const fa = gammaFactors[a]!;
    for (let c = 0; c < m; c++) b[a * m + c] = gamma[fa]! * s[fa * n + gammaFactors[c]!]!;
  }
  const b2 = new Float64Array(m * m);
  for (let a = 0; a < m; a++) {
    for (let k = 0; k < m; k++) {
      const bak = b[a * m + k]!;
      for (let c = 0; c < m; c++) b2[a * m + c] = b2[a * m + c]! + bak * b[k * m + c]!;
    }
  }
  let trace2 = 0;
  let trace3 = 0;
  let trace4 = 0;
  let mean = 0;
  let sGs = 0; // u' G u with u = S d
  let sGsGs = 0; // u' G S G u
  for (let a = 0; a < m; a++) {
    const fa = gammaFactors[a]!;
    mean += 0.5 * b[a * m + a]!;
    sGs += gamma[fa]! * sd[fa]! * sd[fa]!;
    for (let c = 0; c < m; c++) {
      const fc = gammaFactors[c]!;
      trace2 += b[a * m + c]! * b[c * m + a]!;
      trace3 += b2[a * m + c]! * b[c * m + a]!;
      trace4 += b2[a * m + c]! * b2[c * m + a]!;
      sGsGs += sd[fa]! * gamma[fa]! * s[fa * n + fc]! * gamma[fc]! * sd[fc]!;
    }
  }
  return {
    mean,
    variance: linearVariance + 0.5 * trace2,
    third: 3 * sGs + trace3,
    fourth: 12 * sGsGs + 3 * trace4,
  };
};

/** Mean of the Cornish-Fisher loss quantile over the tail beyond the confidence (midpoint rule). */
const cornishFisherShortfall = (
  confidence: number,
  mean: number,
  sd: number,
  skew: number,
  kurt: number,
): number => {
  const steps = 2000;
  let sum = 0;
  for (let i = 0; i < steps; i++) {
    const tailProbability = ((1 - confidence) * (i + 0.5)) / steps;
    sum += -(mean + sd * cornishFisherQuantile(normalInverseCdf(tailProbability), skew, kurt));
  }
  return sum / steps;
};

export const parametricVar = (input: ParametricVarInput): ParametricVarResult => {
  requireConfidence(input.confidence);
  requireHorizon(input.horizonDays);
  const method = input.method ?? 'delta-normal';
  const { covariance, horizonDays, confidence } = input;
  const n = covariance.rows;
  if (covariance.cols !== n) throw invalid('covariance', 'square', 'the covariance must be square');
  const { delta, gamma, gammaFactors } = netSensitivities(input.positions, n);
  const s = covariance.data;
  // u = S d with S the horizon covariance h * Sigma.
  const sd = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let sum = 0;
    const offset = i * n;
    for (let j = 0; j < n; j++) sum += s[offset + j]! * delta[j]!;
    sd[i] = sum * horizonDays;
  }
  let linearVariance = 0;
  for (let i = 0; i < n; i++) linearVariance += delta[i]! * sd[i]!;
  const linearSd = Math.sqrt(Math.max(linearVariance, 0));
  const z = normalInverseCdf(confidence);
  const deltaNormalVar = z * linearSd;
  const marginalVar = new Float64Array(n);
  if (linearSd > 0) for (let i = 0; i < n; i++) marginalVar[i] = (z * sd[i]!) / linearSd;

  if (method === 'delta-normal' || gammaFactors.length === 0) {
    return {
      method,
      valueAtRisk: deltaNormalVar,
      expectedShortfall: (linearSd * normalPdf(z)) / (1 - confidence),
      meanPnl: 0,
      standardDeviation: linearSd,
      skewness: 0,
      excessKurtosis: 0,
      marginalVar,
      deltaNormalVar,
    };
  }
  const horizonCovariance = s.map((value) => value * horizonDays);
  const cumulants = deltaGammaCumulants(
    horizonCovariance,
    n,
    gamma,
    gammaFactors,
    sd,
    linearVariance,
  );
  const sdTotal = Math.sqrt(cumulants.variance);
  const skewness = cumulants.third / sdTotal ** 3;
  const excessKurtosis = cumulants.fourth / cumulants.variance ** 2;
  return {
    method,
    valueAtRisk: -(cumulants.mean + sdTotal * cornishFisherQuantile(-z, skewness, excessKurtosis)),
    expectedShortfall: cornishFisherShortfall(
      confidence,
      cumulants.mean,
      sdTotal,
      skewness,
      excessKurtosis,
    ),
    meanPnl: cumulants.mean,
    standardDeviation: sdTotal,
    skewness,
    excessKurtosis,
    marginalVar,
    deltaNormalVar,
  };
};
