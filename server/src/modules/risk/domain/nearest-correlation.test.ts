import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isPositiveDefinite } from './cholesky.js';
import { symmetricEigen } from './eigen.js';
import { matrixFromRows, multiplyMatrices, transpose } from './matrix.js';
import { nearestCorrelation } from './nearest-correlation.js';

describe('symmetric eigen-decomposition', () => {
  it('finds eigenvalues 1 and 3 of [[2, 1], [1, 2]]', () => {
    const { values } = symmetricEigen(
      matrixFromRows([
        [2, 1],
        [1, 2],
      ]),
    );
    expect(values[0]).toBeCloseTo(1, 14);
    expect(values[1]).toBeCloseTo(3, 14);
  });

  it('reconstructs a symmetric matrix from orthonormal eigenvectors', () => {
    const symmetric = fc.integer({ min: 1, max: 8 }).chain((n) =>
      fc
        .array(fc.double({ min: -5, max: 5, noNaN: true }), { minLength: n * n, maxLength: n * n })
        .map((v) => {
          const rows = Array.from({ length: n }, (_, i) =>
            Array.from({ length: n }, (_, j) => v[Math.min(i, j) * n + Math.max(i, j)]!),
          );
          return matrixFromRows(rows);
        }),
    );
    fc.assert(
      fc.property(symmetric, (a) => {
        const n = a.rows;
        const { values, vectors } = symmetricEigen(a);
        const vtv = multiplyMatrices(transpose(vectors), vectors);
        for (let i = 0; i < n; i++) {
          for (let j = 0; j < n; j++) {
            expect(vtv.data[i * n + j]).toBeCloseTo(i === j ? 1 : 0, 10);
            let sum = 0;
            for (let k = 0; k < n; k++)
              sum += vectors.data[i * n + k]! * values[k]! * vectors.data[j * n + k]!;
            expect(sum).toBeCloseTo(a.data[i * n + j]!, 9);
          }
        }
        for (let k = 1; k < n; k++) expect(values[k]).toBeGreaterThanOrEqual(values[k - 1]!);
      }),
    );
  });
});

describe('nearest correlation matrix', () => {
  it("reproduces Higham's 2002 example", () => {
    const repair = nearestCorrelation(
      matrixFromRows([
        [1, 1, 0],
        [1, 1, 1],
        [0, 1, 1],
      ]),
    );
    const c = repair.correlation.data;
    expect(repair.repaired).toBe(true);
    expect(c[1]).toBeCloseTo(0.7607, 4);
    expect(c[2]).toBeCloseTo(0.1573, 4);
    expect(c[5]).toBeCloseTo(0.7607, 4);
    expect(repair.minEigenvalueBefore).toBeCloseTo(1 - Math.SQRT2, 12);
    expect(repair.minEigenvalueAfter).toBeGreaterThan(0);
    expect(repair.frobeniusDistance).toBeCloseTo(
      Math.sqrt(2 * (1 - 0.7607) ** 2 * 2 + 2 * 0.1573 ** 2),
      3,
    );
  });

  it('repairs a desk-assembled correlation so that Cholesky succeeds', () => {
    // Gas and power strongly correlated, power and carbon strongly, gas and carbon strongly negative: impossible.
    const broken = matrixFromRows([
      [1, 0.9, -0.8, 0.5],
      [0.9, 1, 0.9, 0.4],
      [-0.8, 0.9, 1, 0.1],
      [0.5, 0.4, 0.1, 1],
    ]);
    expect(isPositiveDefinite(broken)).toBe(false);
    const repair = nearestCorrelation(broken);
    expect(repair.repaired).toBe(true);
    expect(isPositiveDefinite(repair.correlation)).toBe(true);
    for (let i = 0; i < 4; i++) expect(repair.correlation.data[i * 4 + i]).toBeCloseTo(1, 12);
    expect(repair.frobeniusDistance).toBeGreaterThan(0);
    expect(repair.minEigenvalueBefore).toBeLessThan(0);
  });

  it('leaves a valid correlation matrix untouched and says so', () => {
    const valid = matrixFromRows([
      [1, 0.3],
      [0.3, 1],
    ]);
    const repair = nearestCorrelation(valid);
    expect(repair.repaired).toBe(false);
    expect(repair.frobeniusDistance).toBe(0);
    expect([...repair.correlation.data]).toEqual([...valid.data]);
  });

  it('refuses a matrix that is not symmetric', () => {
    expect(() =>
      nearestCorrelation(
        matrixFromRows([
          [1, 0.2],
          [0.3, 1],
        ]),
      ),
    ).toThrow(/differs/);
  });
});
