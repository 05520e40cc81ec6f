/**
 * Covariance and correlation of risk-factor returns. Input is days x factors, row-major,
 * the shape a history of daily curve moves naturally arrives in.
 */
import { invalid } from '../../../platform/errors.js';
import { createMatrix, mirrorUpperToLower, type Matrix } from './matrix.js';

/** Sample covariance (divisor T - 1) of the columns of a days x factors return matrix. */
export const sampleCovariance = (returns: Matrix): Matrix => {
  const { rows: days, cols: n, data } = returns;
  if (days < 2)
    throw invalid('returns', 'min_days', 'a covariance needs at least two days of returns');
  const means = new Float64Array(n);
  for (let t = 0; t < days; t++) {
    for (let j = 0; j < n; j++) means[j] = means[j]! + data[t * n + j]!;
  }
  for (let j = 0; j < n; j++) means[j] = means[j]! / days;
  const centred = new Float64Array(n);
  const cov = createMatrix(n, n);
  const c = cov.data;
  // One rank-one update of the upper triangle per day keeps both operands in cache.
  for (let t = 0; t < days; t++) {
    for (let j = 0; j < n; j++) centred[j] = data[t * n + j]! - means[j]!;
    for (let i = 0; i < n; i++) {
      const xi = centred[i]!;
      const offset = i * n;
      for (let j = i; j < n; j++) c[offset + j] = c[offset + j]! + xi * centred[j]!;
    }
  }
  for (let i = 0; i < n; i++) {
    for (let j = i; j < n; j++) c[i * n + j] = c[i * n + j]! / (days - 1);
  }
  mirrorUpperToLower(cov);
  return cov;
};

/**
 * RiskMetrics exponentially weighted covariance (zero mean, decay lambda, 0.94 for daily
 * data), so recent regime changes such as a gas supply shock dominate the estimate.
 * Rows are in date order, the last row the most recent day.
 */
export const ewmaCovariance = (returns: Matrix, decay = 0.94): Matrix => {
  if (!(decay > 0 && decay < 1))
    throw invalid('decay', 'range', 'the EWMA decay must lie strictly between 0 and 1');
  const { rows: days, cols: n, data } = returns;
  const cov = createMatrix(n, n);
  const c = cov.data;
  let weight = 1 - decay;
  let totalWeight = 0;
  for (let t = days - 1; t >= 0; t--) {
    const offset = t * n;
    for (let i = 0; i < n; i++) {
      const xi = data[offset + i]! * weight;
      for (let j = i; j < n; j++) c[i * n + j] = c[i * n + j]! + xi * data[offset + j]!;
    }
    totalWeight += weight;
    weight *= decay;
  }
  // Renormalise so a short history is not biased towards zero.
  for (let i = 0; i < n; i++) {
    for (let j = i; j < n; j++) c[i * n + j] = c[i * n + j]! / totalWeight;
  }
  mirrorUpperToLower(cov);
  return cov;
};

/** Volatilities (square roots of the diagonal) of a covariance matrix. */
export const volatilities = (covariance: Matrix): Float64Array => {
  const n = covariance.rows;
  const vols = new Float64Array(n);
  for (let i = 0; i < n; i++) vols[i] = Math.sqrt(covariance.data[i * n + i]!);
  return vols;
};

/** Correlation from covariance; a factor with zero variance gets correlation 0 with the rest. */
export const correlationFromCovariance = (covariance: Matrix): Matrix => {
  const n = covariance.rows;
  const vols = volatilities(covariance);
  const corr = createMatrix(n, n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const scale = vols[i]! * vols[j]!;
      corr.data[i * n + j] = i === j ? 1 : scale > 0 ? covariance.data[i * n + j]! / scale : 0;
    }
  }
  return corr;
};

/** Covariance from volatilities and a correlation matrix: diag(v) R diag(v). */
export const covarianceFromCorrelation = (correlation: Matrix, vols: Float64Array): Matrix => {
  const n = correlation.rows;
  if (vols.length !== n)
    throw invalid('volatilities', 'dimension', `expected ${n} volatilities, got ${vols.length}`);
  const cov = createMatrix(n, n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++)
      cov.data[i * n + j] = correlation.data[i * n + j]! * vols[i]! * vols[j]!;
  }
  return cov;
};
