/**
 * Dense row-major matrices on Float64Array. Risk maths over a few hundred factors is
 * dominated by memory traffic, so every loop here walks rows contiguously.
 */
import { invalid } from '../../../platform/errors.js';
import { allocateResident, residentMatrixVector } from '../../../platform/simd/index.js';

export interface Matrix {
  readonly rows: number;
  readonly cols: number;
  /** Row-major: element (i, j) is data[i * cols + j]. */
  readonly data: Float64Array;
}

export const createMatrix = (rows: number, cols: number, data?: Float64Array): Matrix => {
  if (data && data.length !== rows * cols) {
    throw invalid(
      'data',
      'length',
      `a ${rows}x${cols} matrix needs ${rows * cols} values, got ${data.length}`,
    );
  }
  return { rows, cols, data: data ?? new Float64Array(rows * cols) };
};

/**
 * A zeroed matrix whose data lives in the WebAssembly heap, where the SIMD kernels read it
 * in place: for large matrices multiplied many times, such as a VaR's history of factor
 * moves. Otherwise an ordinary matrix in every respect.
 */
export const createResidentMatrix = (rows: number, cols: number): Matrix => ({
  rows,
  cols,
  data: allocateResident(rows * cols),
});

export const matrixFromRows = (rows: readonly (readonly number[])[]): Matrix => {
  const cols = rows[0]?.length ?? 0;
  const matrix = createMatrix(rows.length, cols);
  rows.forEach((row, i) => {
    if (row.length !== cols)
      throw invalid(`rows[${i}]`, 'length', `row ${i} has ${row.length} values, expected ${cols}`);
    matrix.data.set(row, i * cols);
  });
  return matrix;
};

export const identityMatrix = (n: number): Matrix => {
  const matrix = createMatrix(n, n);
  for (let i = 0; i < n; i++) matrix.data[i * n + i] = 1;
  return matrix;
};

export const entry = (m: Matrix, i: number, j: number): number => m.data[i * m.cols + j]!;

const requireLength = (field: string, actual: number, expected: number): void => {
  if (actual !== expected)
    throw invalid(field, 'dimension', `${field} has length ${actual}, expected ${expected}`);
};

/**
 * y = A x: by the SIMD kernel when A is resident, else with four independent sums per row
 * so the adds do not wait on each other.
 */
export const multiplyMatrixVector = (a: Matrix, x: Float64Array): Float64Array => {
  requireLength('vector', x.length, a.cols);
  const { rows, cols, data } = a;
  const fast = residentMatrixVector(data, rows, cols, x);
  if (fast !== undefined) return fast;
  const y = new Float64Array(rows);
  for (let i = 0; i < rows; i++) y[i] = rowDot(data, i * cols, x, cols);
  return y;
};

/** Four-way unrolled dot product of a[aOffset..aOffset+length) and b[bOffset..). */
export const dotRange = (
  a: Float64Array,
  aOffset: number,
  b: Float64Array,
  bOffset: number,
  length: number,
): number => {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let k = 0;
  for (; k + 3 < length; k += 4) {
    s0 += a[aOffset + k]! * b[bOffset + k]!;
    s1 += a[aOffset + k + 1]! * b[bOffset + k + 1]!;
    s2 += a[aOffset + k + 2]! * b[bOffset + k + 2]!;
    s3 += a[aOffset + k + 3]! * b[bOffset + k + 3]!;
  }
  for (; k < length; k++) s0 += a[aOffset + k]! * b[bOffset + k]!;
  return s0 + s1 + s2 + s3;
};

/** data[offset .. offset + length) . x[0 .. length). */
export const rowDot = (
  data: Float64Array,
  offset: number,
  x: Float64Array,
  length: number,
): number => dotRange(data, offset, x, 0, length);

/** y = A^T x, accumulated row by row so A is still read contiguously. */
export const multiplyTransposeVector = (a: Matrix, x: Float64Array): Float64Array => {
  requireLength('vector', x.length, a.rows);
  const { rows, cols, data } = a;
  const y = new Float64Array(cols);
  for (let i = 0; i < rows; i++) {
    const xi = x[i]!;
    if (xi === 0) continue;
    const offset = i * cols;
    for (let j = 0; j < cols; j++) y[j] = y[j]! + data[offset + j]! * xi;
  }
  return y;
};

/** C = A B, with the i-k-j loop order so the inner loop streams rows of B and C. */
export const multiplyMatrices = (a: Matrix, b: Matrix): Matrix => {
  requireLength('matrix', b.rows, a.cols);
  const { rows, cols: inner } = a;
  const cols = b.cols;
  const c = createMatrix(rows, cols);
  const ad = a.data;
  const bd = b.data;
  const cd = c.data;
  for (let i = 0; i < rows; i++) {
    const cOffset = i * cols;
    for (let k = 0; k < inner; k++) {
      const aik = ad[i * inner + k]!;
      if (aik === 0) continue;
      const bOffset = k * cols;
      for (let j = 0; j < cols; j++) cd[cOffset + j] = cd[cOffset + j]! + aik * bd[bOffset + j]!;
    }
  }
  return c;
};

export const transpose = (a: Matrix): Matrix => {
  const t = createMatrix(a.cols, a.rows);
  for (let i = 0; i < a.rows; i++) {
    for (let j = 0; j < a.cols; j++) t.data[j * a.rows + i] = a.data[i * a.cols + j]!;
  }
  return t;
};

/** x^T A x for a square A. */
export const quadraticForm = (a: Matrix, x: Float64Array): number => {
  const ax = multiplyMatrixVector(a, x);
  let sum = 0;
  for (let i = 0; i < x.length; i++) sum += x[i]! * ax[i]!;
  return sum;
};

export const dot = (x: Float64Array, y: Float64Array): number => {
  requireLength('vector', y.length, x.length);
  let sum = 0;
  for (let i = 0; i < x.length; i++) sum += x[i]! * y[i]!;
  return sum;
};

/** Frobenius norm of A - B. */
export const frobeniusDistance = (a: Matrix, b: Matrix): number => {
  requireLength('matrix', b.data.length, a.data.length);
  let sum = 0;
  for (let i = 0; i < a.data.length; i++) {
    const d = a.data[i]! - b.data[i]!;
    sum += d * d;
  }
  return Math.sqrt(sum);
};

/** Copy of the upper triangle into the lower one, for kernels that only fill half. */
export const mirrorUpperToLower = (m: Matrix): void => {
  const n = m.rows;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) m.data[j * n + i] = m.data[i * n + j]!;
  }
};
