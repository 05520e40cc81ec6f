/**
 * Cholesky factor of a covariance, A = L L^T, the step that turns independent normals into
 * correlated factor moves. A matrix that is not positive definite (a hand-edited correlation,
 * a history shorter than the number of factors) is refused with the failing pivot named,
 * so the caller can repair it with the nearest correlation matrix.
 */
import { DomainError, invalid } from '../../../platform/errors.js';
import { residentCholesky } from '../../../platform/simd/index.js';
import { createMatrix, dotRange, type Matrix } from './matrix.js';

const notPositiveDefinite = (index: number, pivot: number): DomainError =>
  new DomainError(
    'validation',
    'not_positive_definite',
    `the matrix is not positive definite: pivot ${index} is ${pivot.toExponential(3)}; repair it with nearestCorrelation first`,
    [{ field: 'covariance', rule: 'positive_definite', message: `pivot ${index} is not positive` }],
    { pivotIndex: index, pivotValue: pivot },
  );

/** Completes row i once L[i, 0..from) is known: the remaining off-diagonals, then the pivot. */
const finishRow = (
  ad: Float64Array,
  ld: Float64Array,
  n: number,
  i: number,
  from: number,
): void => {
  const rowI = i * n;
  for (let j = from; j < i; j++) {
    const rowJ = j * n;
    ld[rowI + j] = (ad[rowI + j]! - dotRange(ld, rowI, ld, rowJ, j)) / ld[rowJ + j]!;
  }
  const diagonal = ad[rowI + i]!;
  const pivot = diagonal - dotRange(ld, rowI, ld, rowI, i);
  // A pivot lost in rounding noise relative to its diagonal is as fatal as a negative one.
  if (!(pivot > 1e-14 * Math.abs(diagonal)) || !Number.isFinite(pivot))
    throw notPositiveDefinite(i, pivot);
  ld[rowI + i] = Math.sqrt(pivot);
};

/**
 * Lower-triangular L with A = L L^T, row by row (Cholesky-Banachiewicz), every inner product
 * along two contiguous rows of L. The WebAssembly SIMD kernel does it where it can (about
 * twice as fast, and L comes back resident for the other kernels); the loop below is the
 * fallback and the reference the kernel is tested against. It builds four rows together so
 * that each earlier row j is read from memory once for four dot products. Only the lower
 * triangle of A is read.
 */
export const cholesky = (a: Matrix): Matrix => {
  const n = a.rows;
  if (a.cols !== n)
    throw invalid('matrix', 'square', `Cholesky needs a square matrix, got ${a.rows}x${a.cols}`);
  const simd = residentCholesky(a.data, n);
  if (simd?.ok === true) return { rows: n, cols: n, data: simd.factor };
  if (simd?.ok === false) throw notPositiveDefinite(simd.row, simd.pivot);
  const l = createMatrix(n, n);
  const ld = l.data;
  const ad = a.data;
  let i = 0;
  for (; i + 3 < n; i += 4) {
    const r0 = i * n;
    const r1 = r0 + n;
    const r2 = r1 + n;
    const r3 = r2 + n;
    // Earlier rows two at a time (i is a multiple of four, so pairs never straddle the block):
    // six loads feed eight multiply-adds.
    for (let j = 0; j < i; j += 2) {
      const rowJ = j * n;
      const rowJ1 = rowJ + n;
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      let t0 = 0;
      let t1 = 0;
      let t2 = 0;
      let t3 = 0;
      for (let k = 0; k < j; k++) {
        const ljk = ld[rowJ + k]!;
        const lj1k = ld[rowJ1 + k]!;
        const v0 = ld[r0 + k]!;
        const v1 = ld[r1 + k]!;
        const v2 = ld[r2 + k]!;
        const v3 = ld[r3 + k]!;
        s0 += v0 * ljk;
        s1 += v1 * ljk;
        s2 += v2 * ljk;
        s3 += v3 * ljk;
        t0 += v0 * lj1k;
        t1 += v1 * lj1k;
        t2 += v2 * lj1k;
        t3 += v3 * lj1k;
      }
      const inverse = 1 / ld[rowJ + j]!;
      const l0 = (ad[r0 + j]! - s0) * inverse;
      const l1 = (ad[r1 + j]! - s1) * inverse;
      const l2 = (ad[r2 + j]! - s2) * inverse;
      const l3 = (ad[r3 + j]! - s3) * inverse;
      ld[r0 + j] = l0;
      ld[r1 + j] = l1;
      ld[r2 + j] = l2;
      ld[r3 + j] = l3;
      // Row j + 1 also reaches column j, which is only known now.
      const lj1j = ld[rowJ1 + j]!;
      const inverse1 = 1 / ld[rowJ1 + j + 1]!;
      ld[r0 + j + 1] = (ad[r0 + j + 1]! - t0 - l0 * lj1j) * inverse1;
      ld[r1 + j + 1] = (ad[r1 + j + 1]! - t1 - l1 * lj1j) * inverse1;
      ld[r2 + j + 1] = (ad[r2 + j + 1]! - t2 - l2 * lj1j) * inverse1;
      ld[r3 + j + 1] = (ad[r3 + j + 1]! - t3 - l3 * lj1j) * inverse1;
    }
    // The 4x4 diagonal block depends on itself: finish it row by row.
    for (let row = i; row < i + 4; row++) finishRow(ad, ld, n, row, i);
  }
  for (; i < n; i++) finishRow(ad, ld, n, i, 0);
  return l;
};

/** True when cholesky() would succeed; for checks that want a reason rather than an error. */
export const isPositiveDefinite = (a: Matrix): boolean => {
  try {
    cholesky(a);
    return true;
  } catch (error) {
    if (error instanceof DomainError && error.code === 'not_positive_definite') return false;
    throw error;
  }
};

/**
 * Y = Z L^T for Z (scenarios x factors) and lower-triangular L: row s of Y is L z_s, the
 * correlated factor move of scenario s. Four scenarios share every row of L loaded from
 * memory, and the factor loop is cut into blocks so that those rows stay in cache.
 */
export const correlateScenarios = (z: Matrix, l: Matrix): Matrix => {
  const n = l.rows;
  if (z.cols !== n)
    throw invalid(
      'scenarios',
      'dimension',
      `scenarios have ${z.cols} factors, the factor has ${n}`,
    );
  const scenarios = z.rows;
  const y = createMatrix(scenarios, n);
  const zd = z.data;
  const ld = l.data;
  const yd = y.data;
  const block = 64;
  let s = 0;
  for (; s + 3 < scenarios; s += 4) {
    const z0 = s * n;
    const z1 = z0 + n;
    const z2 = z1 + n;
    const z3 = z2 + n;
    for (let kStart = 0; kStart < n; kStart += block) {
      const kEnd = Math.min(n, kStart + block);
      // Two rows of L at a time: six loads feed eight multiply-adds.
      let i = kStart;
      for (; i + 1 < n; i += 2) {
        const rowI = i * n;
        const rowJ = rowI + n;
        const stop = Math.min(kEnd, i + 1);
        let a0 = 0;
        let a1 = 0;
        let a2 = 0;
        let a3 = 0;
        let b0 = 0;
        let b1 = 0;
        let b2 = 0;
        let b3 = 0;
        for (let k = kStart; k < stop; k++) {
          const lik = ld[rowI + k]!;
          const ljk = ld[rowJ + k]!;
          const v0 = zd[z0 + k]!;
          const v1 = zd[z1 + k]!;
          const v2 = zd[z2 + k]!;
          const v3 = zd[z3 + k]!;
          a0 += v0 * lik;
          a1 += v1 * lik;
          a2 += v2 * lik;
          a3 += v3 * lik;
          b0 += v0 * ljk;
          b1 += v1 * ljk;
          b2 += v2 * ljk;
          b3 += v3 * ljk;
        }
        // Row i + 1 reaches one column further than row i when its diagonal falls in this block.
        if (stop === i + 1 && i + 1 < kEnd) {
          const ljk = ld[rowJ + i + 1]!;
          b0 += zd[z0 + i + 1]! * ljk;
          b1 += zd[z1 + i + 1]! * ljk;
          b2 += zd[z2 + i + 1]! * ljk;
          b3 += zd[z3 + i + 1]! * ljk;
        }
        yd[z0 + i] = yd[z0 + i]! + a0;
        yd[z1 + i] = yd[z1 + i]! + a1;
        yd[z2 + i] = yd[z2 + i]! + a2;
        yd[z3 + i] = yd[z3 + i]! + a3;
        yd[z0 + i + 1] = yd[z0 + i + 1]! + b0;
        yd[z1 + i + 1] = yd[z1 + i + 1]! + b1;
        yd[z2 + i + 1] = yd[z2 + i + 1]! + b2;
        yd[z3 + i + 1] = yd[z3 + i + 1]! + b3;
      }
      for (; i < n; i++) {
        const rowI = i * n;
        const stop = Math.min(kEnd, i + 1);
        let a0 = 0;
        let a1 = 0;
        let a2 = 0;
        let a3 = 0;
        for (let k = kStart; k < stop; k++) {
          const lik = ld[rowI + k]!;
          a0 += zd[z0 + k]! * lik;
          a1 += zd[z1 + k]! * lik;
          a2 += zd[z2 + k]! * lik;
          a3 += zd[z3 + k]! * lik;
        }
        yd[z0 + i] = yd[z0 + i]! + a0;
        yd[z1 + i] = yd[z1 + i]! + a1;
        yd[z2 + i] = yd[z2 + i]! + a2;
        yd[z3 + i] = yd[z3 + i]! + a3;
      }
    }
  }
  for (; s < scenarios; s++) {
    const zs = s * n;
    for (let i = 0; i < n; i++) yd[zs + i] = dotRange(zd, zs, ld, i * n, i + 1);
  }
  return y;
};
