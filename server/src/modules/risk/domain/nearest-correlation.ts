/**
 * Repair of a correlation matrix that is not positive definite, by Higham's alternating
 * projections (2002) with Dykstra's correction. Desks assemble correlations from pieces
 * (long-term estimates for some pairs, overrides for others) and the result often has a
 * negative eigenvalue, which makes Monte Carlo impossible and parametric VaR meaningless.
 * The repair is reported, never silent: risk managers must see how far the matrix moved.
 */
import { invalid } from '../../../platform/errors.js';
import { clipEigenvalues, symmetricEigen } from './eigen.js';
import { createMatrix, frobeniusDistance, type Matrix } from './matrix.js';

export interface CorrelationRepair {
  readonly correlation: Matrix;
  readonly repaired: boolean;
  /** Frobenius norm of the change. */
  readonly frobeniusDistance: number;
  readonly minEigenvalueBefore: number;
  readonly minEigenvalueAfter: number;
  readonly iterations: number;
}

export interface NearestCorrelationOptions {
  /** Smallest eigenvalue the result must have, so Cholesky succeeds. */
  readonly eigenvalueFloor?: number;
  readonly tolerance?: number;
  readonly maxIterations?: number;
}

const minimum = (values: Float64Array): number =>
  values.reduce((a, b) => Math.min(a, b), Number.POSITIVE_INFINITY);

const setUnitDiagonal = (m: Matrix): Matrix => {
  const out = createMatrix(m.rows, m.cols, Float64Array.from(m.data));
  for (let i = 0; i < m.rows; i++) out.data[i * m.cols + i] = 1;
  return out;
};

/** D^-1/2 X D^-1/2: back to a unit diagonal without losing positive definiteness. */
const rescaleToUnitDiagonal = (m: Matrix): Matrix => {
  const n = m.rows;
  const out = createMatrix(n, n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      out.data[i * n + j] = m.data[i * n + j]! / Math.sqrt(m.data[i * n + i]! * m.data[j * n + j]!);
    }
  }
  return out;
};

export const nearestCorrelation = (
  input: Matrix,
  options: NearestCorrelationOptions = {},
): CorrelationRepair => {
  const n = input.rows;
  if (input.cols !== n)
    throw invalid('correlation', 'square', 'a correlation matrix must be square');
  const floor = options.eigenvalueFloor ?? 1e-8;
  const tolerance = options.tolerance ?? 1e-10;
  const maxIterations = options.maxIterations ?? 500;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const value = input.data[i * n + j]!;
      if (!Number.isFinite(value))
        throw invalid('correlation', 'finite', `entry (${i}, ${j}) is not a finite number`);
      if (i === j && Math.abs(value - 1) > 1e-9)
        throw invalid('correlation', 'unit_diagonal', `diagonal entry ${i} is ${value}, not 1`);
      if (Math.abs(value - input.data[j * n + i]!) > 1e-12) {
        throw invalid('correlation', 'symmetric', `entry (${i}, ${j}) differs from (${j}, ${i})`);
      }
    }
  }
  const symmetrisedInput = setUnitDiagonal(input);
  const minEigenvalueBefore = minimum(symmetricEigen(symmetrisedInput).values);
  if (minEigenvalueBefore >= floor) {
    return {
      correlation: symmetrisedInput,
      repaired: false,
      frobeniusDistance: frobeniusDistance(symmetrisedInput, input),
      minEigenvalueBefore,
      minEigenvalueAfter: minEigenvalueBefore,
      iterations: 0,
    };
  }

  let y = symmetrisedInput;
  const correction = new Float64Array(n * n);
  let iterations = 0;
  for (; iterations < maxIterations; iterations++) {
    const r = createMatrix(n, n);
    for (let k = 0; k < r.data.length; k++) r.data[k] = y.data[k]! - correction[k]!;
    const x = clipEigenvalues(symmetricEigen(r), 0);
    for (let k = 0; k < r.data.length; k++) correction[k] = x.data[k]! - r.data[k]!;
    const next = setUnitDiagonal(x);
    const change = frobeniusDistance(next, y);
    y = next;
    if (change <= tolerance * Math.sqrt(n)) {
      iterations++;
      break;
    }
  }
  // The projections meet at a matrix that is only positive semi-definite; lift the smallest
  // eigenvalues to the floor and rescale, which moves the matrix by about the floor.
  const correlation = rescaleToUnitDiagonal(clipEigenvalues(symmetricEigen(y), floor));
  return {
    correlation,
    repaired: true,
    frobeniusDistance: frobeniusDistance(correlation, symmetrisedInput),
    minEigenvalueBefore,
    minEigenvalueAfter: minimum(symmetricEigen(correlation).values),
    iterations,
  };
};
