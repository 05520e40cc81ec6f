import {
  covarianceFromCorrelation,
  createMatrix,
  isPositiveDefinite,
  nearestCorrelation,
  sampleCovariance,
  volatilities,
  type Matrix,
} from './domain/index.js';

/** Covariance with its correlation repaired to the nearest positive-definite one when needed. */
export function usableCovariance(moves: Matrix, warnings: string[]): Matrix {
  const covariance = sampleCovariance(moves);
  if (isPositiveDefinite(covariance)) return covariance;
  const n = covariance.rows;
  const vols = volatilities(covariance);
  // A factor that never moved in the window has no correlation to anything; it keeps a
  // negligible variance so that the matrix can be factorised.
  const floored = Float64Array.from(vols, (v) => (v > 0 ? v : 1e-6));
  const correlation = createMatrix(n, n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const c =
        vols[i]! > 0 && vols[j]! > 0 ? covariance.data[i * n + j]! / (vols[i]! * vols[j]!) : 0;
      correlation.data[i * n + j] = i === j ? 1 : Math.max(-1, Math.min(1, c));
    }
  }
  const repair = nearestCorrelation(correlation);
  if (repair.repaired) {
    warnings.push(
      `the factor correlation matrix was not positive definite (smallest eigenvalue ${repair.minEigenvalueBefore.toExponential(2)}); ` +
        `repaired to the nearest correlation matrix (Frobenius distance ${repair.frobeniusDistance.toFixed(4)})`,
    );
  }
  return covarianceFromCorrelation(repair.correlation, floored);
}
