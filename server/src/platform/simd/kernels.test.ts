import { describe, expect, it } from 'vitest';
import { residentDeltaGamma, residentMatrixVector, simdAvailable } from './kernels.js';
import { allocateResident, releaseResident } from './wasm-heap.js';

/** Reference in plain JavaScript: linear = A x, quadratic = sum w_i A[r, c_i]^2. */
const reference = (
  data: Float64Array,
  rows: number,
  cols: number,
  x: Float64Array,
  columns: Int32Array,
  weights: Float64Array,
): { linear: number[]; quadratic: number[] } => {
  const linear: number[] = [];
  const quadratic: number[] = [];
  for (let r = 0; r < rows; r++) {
    let sum = 0;
    for (let c = 0; c < cols; c++) sum += data[r * cols + c]! * x[c]!;
    let squares = 0;
    columns.forEach((c, i) => (squares += weights[i]! * data[r * cols + c]! ** 2));
    linear.push(sum);
    quadratic.push(squares);
  }
  return { linear, quadratic };
};

const residentOf = (rows: number, cols: number, seed: number): Float64Array => {
  const data = allocateResident(rows * cols);
  for (let i = 0; i < data.length; i++) data[i] = Math.sin(seed + i * 0.731) * 10;
  return data;
};

describe('SIMD kernels', () => {
  it('load on this runtime', () => {
    expect(simdAvailable()).toBe(true);
  });

  // Odd rows exercise the single-row tail, columns not a multiple of four the scalar tail.
  it.each([
    [1, 1],
    [2, 3],
    [3, 4],
    [7, 9],
    [64, 33],
    [501, 1000],
  ])('multiply a %i x %i resident matrix as plain JavaScript does', (rows, cols) => {
    const data = residentOf(rows, cols, rows);
    const x = Float64Array.from({ length: cols }, (_, j) => Math.cos(j * 1.3));
    const expected = reference(data, rows, cols, x, new Int32Array(0), new Float64Array(0));
    const y = residentMatrixVector(data, rows, cols, x)!;
    expect(y).toHaveLength(rows);
    y.forEach((value, r) => expect(value).toBeCloseTo(expected.linear[r]!, 9));
    releaseResident(data);
  });

  it('adds the weighted squares of the chosen columns row by row', () => {
    const rows = 9;
    const cols = 13;
    const data = residentOf(rows, cols, 3);
    const x = Float64Array.from({ length: cols }, (_, j) => j - 6);
    const columns = Int32Array.from([0, 5, 12]);
    const weights = Float64Array.from([0.5, -20, 3]);
    const expected = reference(data, rows, cols, x, columns, weights);
    const result = residentDeltaGamma(data, rows, cols, x, columns, weights)!;
    result.linear.forEach((value, r) => expect(value).toBeCloseTo(expected.linear[r]!, 9));
    result.quadratic.forEach((value, r) => expect(value).toBeCloseTo(expected.quadratic[r]!, 9));
    expect(result.quadratic.some((value) => value !== 0)).toBe(true);
  });

  it('returns results in ordinary arrays that later calls do not overwrite', () => {
    const data = residentOf(4, 4, 1);
    const first = residentMatrixVector(data, 4, 4, Float64Array.from([1, 0, 0, 0]))!;
    const copy = Float64Array.from(first);
    residentMatrixVector(data, 4, 4, Float64Array.from([0, 0, 0, 1]));
    expect(first).toEqual(copy);
    expect(first.buffer).toBeInstanceOf(ArrayBuffer);
  });

  it('declines a matrix that is not resident or whose shape does not match', () => {
    const plain = new Float64Array(6).fill(1);
    expect(residentMatrixVector(plain, 2, 3, new Float64Array(3))).toBeUndefined();
    const data = residentOf(2, 3, 0);
    expect(residentMatrixVector(data, 3, 3, new Float64Array(3))).toBeUndefined();
    expect(residentMatrixVector(data, 2, 3, new Float64Array(2))).toBeUndefined();
  });

  it('refuses a column outside the matrix', () => {
    const data = residentOf(2, 3, 0);
    expect(() =>
      residentDeltaGamma(
        data,
        2,
        3,
        new Float64Array(3),
        Int32Array.from([3]),
        Float64Array.from([1]),
      ),
    ).toThrow(/column 3 is outside 0..2/);
  });
});
