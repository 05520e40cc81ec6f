/**
 * Symmetric eigen-decomposition by cyclic Jacobi rotations. O(n^3) per sweep and a handful of
 * sweeps: fine for the tens to low hundreds of factors a correlation repair deals with, and
 * unconditionally stable, with eigenvectors orthogonal to working precision.
 */
import { invalid } from '../../../platform/errors.js';
import { createMatrix, type Matrix } from './matrix.js';

export interface SymmetricEigen {
  /** Eigenvalues in ascending order. */
  readonly values: Float64Array;
  /** Column k is the unit eigenvector of values[k]: A = V diag(values) V^T. */
  readonly vectors: Matrix;
}

const MAX_SWEEPS = 100;

export const symmetricEigen = (a: Matrix): SymmetricEigen => {
  const n = a.rows;
  if (a.cols !== n)
    throw invalid(
      'matrix',
      'square',
      `an eigen-decomposition needs a square matrix, got ${a.rows}x${a.cols}`,
    );
  const m = Float64Array.from(a.data);
  // Rows of w are the eigenvectors while we iterate, so each rotation touches two contiguous rows.
  const w = new Float64Array(n * n);
  for (let i = 0; i < n; i++) w[i * n + i] = 1;
  let scale = 0;
  for (let i = 0; i < m.length; i++) scale += m[i]! * m[i]!;
  const tolerance = 1e-30 * Math.max(scale, Number.MIN_VALUE);

  for (let sweep = 0; sweep < MAX_SWEEPS; sweep++) {
    let off = 0;
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) off += m[p * n + q]! * m[p * n + q]!;
    }
    if (off <= tolerance) break;
    for (let p = 0; p < n - 1; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = m[p * n + q]!;
        if (apq === 0) continue;
        const app = m[p * n + p]!;
        const aqq = m[q * n + q]!;
        // The smaller of the two rotation angles that annihilates a_pq, for stability.
        const theta = (aqq - app) / (2 * apq);
        const t = (theta >= 0 ? 1 : -1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let r = 0; r < n; r++) {
          const arp = m[r * n + p]!;
          const arq = m[r * n + q]!;
          m[r * n + p] = c * arp - s * arq;
          m[r * n + q] = s * arp + c * arq;
        }
        for (let r = 0; r < n; r++) {
          const apr = m[p * n + r]!;
          const aqr = m[q * n + r]!;
          m[p * n + r] = c * apr - s * aqr;
          m[q * n + r] = s * apr + c * aqr;
        }
        m[p * n + q] = 0;
        m[q * n + p] = 0;
        for (let r = 0; r < n; r++) {
          const wpr = w[p * n + r]!;
          const wqr = w[q * n + r]!;
          w[p * n + r] = c * wpr - s * wqr;
          w[q * n + r] = s * wpr + c * wqr;
        }
      }
    }
  }

  const order = Array.from({ length: n }, (_, i) => i).sort(
    (i, j) => m[i * n + i]! - m[j * n + j]!,
  );
  const values = new Float64Array(n);
  const vectors = createMatrix(n, n);
  order.forEach((source, k) => {
    values[k] = m[source * n + source]!;
    for (let r = 0; r < n; r++) vectors.data[r * n + k] = w[source * n + r]!;
  });
  return { values, vectors };
};

/** V diag(max(lambda, floor)) V^T: the nearest symmetric matrix with eigenvalues >= floor. */
export const clipEigenvalues = (eigen: SymmetricEigen, floor: number): Matrix => {
  const { values, vectors } = eigen;
  const n = values.length;
  const out = createMatrix(n, n);
  const v = vectors.data;
  for (let k = 0; k < n; k++) {
    const lambda = Math.max(values[k]!, floor);
    if (lambda === 0) continue;
    for (let i = 0; i < n; i++) {
      const vik = v[i * n + k]! * lambda;
      if (vik === 0) continue;
      for (let j = i; j < n; j++) out.data[i * n + j] = out.data[i * n + j]! + vik * v[j * n + k]!;
    }
  }
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) out.data[j * n + i] = out.data[i * n + j]!;
  }
  return out;
};
