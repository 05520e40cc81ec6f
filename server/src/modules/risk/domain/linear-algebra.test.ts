import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enableSimd, residentOffset } from '../../../platform/simd/index.js';
import { DomainError } from '../../../platform/errors.js';
import { cholesky, correlateScenarios, isPositiveDefinite } from './cholesky.js';
import {
  correlationFromCovariance,
  covarianceFromCorrelation,
  ewmaCovariance,
  sampleCovariance,
} from './covariance.js';
import {
  createMatrix,
  matrixFromRows,
  multiplyMatrices,
  multiplyMatrixVector,
  multiplyTransposeVector,
  transpose,
  type Matrix,
} from './matrix.js';

/** B B^T + n I is symmetric positive definite for any B. */
const spdFrom = (values: number[], n: number): Matrix => {
  const b = createMatrix(n, n, Float64Array.from(values));
  const a = multiplyMatrices(b, transpose(b));
  for (let i = 0; i < n; i++) a.data[i * n + i] = a.data[i * n + i]! + n;
  return a;
};

const spdArbitrary = fc
  .integer({ min: 1, max: 9 })
  .chain((n) =>
    fc
      .array(fc.double({ min: -3, max: 3, noNaN: true }), { minLength: n * n, maxLength: n * n })
      .map((values) => spdFrom(values, n)),
  );

describe('matrix products', () => {
  it('multiplies a matrix by a vector and by its transpose', () => {
    const a = matrixFromRows([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    expect([...multiplyMatrixVector(a, Float64Array.from([1, 0, -1]))]).toEqual([-2, -2]);
    expect([...multiplyTransposeVector(a, Float64Array.from([1, -1]))]).toEqual([-3, -3, -3]);
  });

  it('rejects a vector of the wrong length', () => {
    const a = matrixFromRows([[1, 2]]);
    expect(() => multiplyMatrixVector(a, Float64Array.from([1]))).toThrow(DomainError);
  });
});

// The SIMD kernel and the JavaScript loop it stands in for must agree on everything.
describe.each([
  ['SIMD kernel', true],
  ['JavaScript', false],
])('Cholesky decomposition (%s)', (_, simd) => {
  beforeAll(() => enableSimd(simd));
  afterAll(() => enableSimd(true));

  it('factors the textbook 3x3 example exactly', () => {
    const a = matrixFromRows([
      [4, 12, -16],
      [12, 37, -43],
      [-16, -43, 98],
    ]);
    expect([...cholesky(a).data]).toEqual([2, 0, 0, 6, 1, 0, -8, 5, 3]);
  });

  it('builds the factor in the resident heap exactly when the kernel runs', () => {
    const l = cholesky(
      matrixFromRows([
        [4, 2],
        [2, 3],
      ]),
    );
    expect(residentOffset(l.data) !== undefined).toBe(simd);
  });

  it('reconstructs any positive definite matrix as L L^T', () => {
    fc.assert(
      fc.property(spdArbitrary, (a) => {
        const l = cholesky(a);
        const back = multiplyMatrices(l, transpose(l));
        a.data.forEach((value, k) => expect(back.data[k]).toBeCloseTo(value, 9));
      }),
    );
  });

  it('names the failing pivot of a matrix that is not positive definite', () => {
    const a = matrixFromRows([
      [1, 0.9, 0.9],
      [0.9, 1, -0.9],
      [0.9, -0.9, 1],
    ]);
    expect(isPositiveDefinite(a)).toBe(false);
    try {
      cholesky(a);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).code).toBe('not_positive_definite');
      expect((error as DomainError).extra.pivotIndex).toBe(2);
    }
  });

  it.each([
    // Fails on the second row of the first pair: correlation 1 makes row 1 a copy of row 0.
    [
      [
        [1, 1, 0, 0],
        [1, 1, 0, 0],
        [0, 0, 1, 0],
        [0, 0, 0, 1],
      ],
      1,
    ],
    // Fails on the first row of the second pair.
    [
      [
        [1, 0, 0, 0],
        [0, 1, 0, 0],
        [0, 0, -1, 0],
        [0, 0, 0, 1],
      ],
      2,
    ],
    // A missing price (NaN) in the covariance is not silently factored.
    [
      [
        [1, 0],
        [0, Number.NaN],
      ],
      1,
    ],
  ])('refuses %j at pivot %i', (rows, pivot) => {
    expect(() => cholesky(matrixFromRows(rows))).toThrow(
      expect.objectContaining({
        code: 'not_positive_definite',
        extra: expect.objectContaining({ pivotIndex: pivot }),
      }),
    );
  });

  it('correlates scenarios exactly as the naive product Z L^T, whatever the scenario count', () => {
    fc.assert(
      fc.property(spdArbitrary, fc.integer({ min: 1, max: 11 }), (a, scenarios) => {
        const n = a.rows;
        const l = cholesky(a);
        const z = createMatrix(
          scenarios,
          n,
          Float64Array.from({ length: scenarios * n }, (_, k) => Math.sin(k + 1)),
        );
        const expected = multiplyMatrices(z, transpose(l));
        const actual = correlateScenarios(z, l);
        expected.data.forEach((value, k) => expect(actual.data[k]).toBeCloseTo(value, 10));
      }),
    );
  });
});

describe('covariance of factor moves', () => {
  it('computes the sample covariance with divisor T - 1', () => {
    const returns = matrixFromRows([
      [1, 2],
      [2, 4],
      [3, 6],
      [4, 8],
    ]);
    const cov = sampleCovariance(returns);
    // var(1..4) = 5/3; the second column is twice the first.
    expect([...cov.data].map((v) => Number(v.toFixed(12)))).toEqual(
      [5 / 3, 10 / 3, 10 / 3, 20 / 3].map((v) => Number(v.toFixed(12))),
    );
    expect(entryOf(correlationFromCovariance(cov), 0, 1)).toBeCloseTo(1, 12);
  });

  it('weights recent days more in the EWMA estimate', () => {
    const quietThenWild = matrixFromRows([[1], [-1], [1], [-1], [10], [-10]]);
    const wildThenQuiet = matrixFromRows([[10], [-10], [1], [-1], [1], [-1]]);
    expect(ewmaCovariance(quietThenWild).data[0]).toBeGreaterThan(
      ewmaCovariance(wildThenQuiet).data[0]!,
    );
  });

  it('round-trips between covariance and correlation', () => {
    const corr = matrixFromRows([
      [1, 0.6],
      [0.6, 1],
    ]);
    const cov = covarianceFromCorrelation(corr, Float64Array.from([2, 5]));
    expect([...cov.data]).toEqual([4, 6, 6, 25]);
    expect(entryOf(correlationFromCovariance(cov), 1, 0)).toBeCloseTo(0.6, 14);
  });
});

const entryOf = (m: Matrix, i: number, j: number): number => m.data[i * m.cols + j]!;
