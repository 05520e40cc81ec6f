/**
 * Lasso by cyclic coordinate descent on the covariance (Gram) form, so one X'X serves
 * every target hour and every lambda on the path: an update touches only the Gram row
 * of the moved coefficient, and work concentrates on the active set (glmnet's scheme).
 *
 * Objective (scikit-learn's scaling): 1/(2n) ||y - Xb - b0||^2 + lambda ||b||_1, with an
 * unpenalised intercept handled by centring.
 *
 * Coordinate descent suits sparse fits with a cheap validation over a lambda path; LEAR
 * itself follows the exact LARS path on the same Gram matrix (lars.ts), because its
 * penalties are small enough that coordinate descent crawls on collinear price lags.
 */

import type { GramSystem, TargetMoments } from './gram.js';

export { centredGram, targetMoments, type GramSystem, type TargetMoments } from './gram.js';

export interface LassoFit {
  coefficients: Float64Array;
  intercept: number;
  lambda: number;
  /** Information criterion of the chosen fit (lower is better). */
  criterion: number;
  nonZero: number;
}

export interface LassoPathOptions {
  /** Number of lambdas on the geometric path from lambda_max down. */
  steps?: number;
  /** Smallest lambda as a fraction of lambda_max. */
  minRatio?: number;
  /** Penalty per non-zero coefficient in the criterion (2 = AIC). */
  penaltyPerCoefficient?: number;
  tolerance?: number;
  maxSweeps?: number;
}

/**
 * Coordinate descent at one lambda from a warm start `b` with gradient `g = c - G b`,
 * both updated in place. Returns the number of sweeps used.
 */
export function descend(
  system: GramSystem,
  cross: Float64Array,
  lambda: number,
  b: Float64Array,
  g: Float64Array,
  tolerance: number,
  maxSweeps: number,
): number {
  const { gram, columns: p } = system;
  const active: number[] = [];
  const inActive = new Uint8Array(p);
  for (let j = 0; j < p; j++)
    if (b[j] !== 0) {
      active.push(j);
      inActive[j] = 1;
    }
  let sweeps = 0;
  for (;;) {
    // Admit every coordinate whose gradient violates the optimality condition.
    let entered = 0;
    for (let j = 0; j < p; j++) {
      if (inActive[j] === 0 && Math.abs(g[j]!) > lambda && gram[j * p + j]! > 1e-12) {
        active.push(j);
        inActive[j] = 1;
        entered++;
      }
    }
    if (entered === 0 && sweeps > 0) return sweeps;
    // Sweep the active set, keeping the gradient exact on it only.
    for (; sweeps < maxSweeps; sweeps++) {
      let largestMove = 0;
      for (const j of active) {
        const gjj = gram[j * p + j]!;
        const old = b[j]!;
        const rho = g[j]! + gjj * old;
        const next = rho > lambda ? (rho - lambda) / gjj : rho < -lambda ? (rho + lambda) / gjj : 0;
        const delta = next - old;
        if (delta === 0) continue;
        b[j] = next;
        const row = j * p;
        for (const k of active) g[k]! -= gram[row + k]! * delta;
        const move = Math.abs(delta) * Math.sqrt(gjj);
        if (move > largestMove) largestMove = move;
      }
      if (largestMove < tolerance) {
        sweeps++;
        break;
      }
    }
    // Refresh the full gradient before checking the inactive coordinates again.
    g.set(cross);
    for (const j of active) {
      const bj = b[j]!;
      if (bj === 0) continue;
      const row = j * p;
      for (let k = 0; k < p; k++) g[k]! -= gram[row + k]! * bj;
    }
    if (sweeps >= maxSweeps) return sweeps;
  }
}

/**
 * Walks a geometric lambda path with warm starts and keeps the fit minimising the
 * information criterion n * MSE / var(y) + penalty * df, which is what scikit-learn's
 * LassoLarsIC(criterion='aic') computed in the versions epftoolbox was built on (df =
 * number of non-zero coefficients). A grid stands in for the exact LARS breakpoints.
 */
export function lassoByInformationCriterion(
  system: GramSystem,
  moments: TargetMoments,
  options: LassoPathOptions = {},
): LassoFit {
  const { columns: p, rows: n } = system;
  const steps = options.steps ?? 40;
  const minRatio = options.minRatio ?? 1e-3;
  const penalty = options.penaltyPerCoefficient ?? 2;
  const tolerance = (options.tolerance ?? 1e-5) * Math.sqrt(Math.max(moments.variance, 1e-300));
  const maxSweeps = options.maxSweeps ?? 500;
  const { cross, variance } = moments;
  let lambdaMax = 0;
  for (let j = 0; j < p; j++) lambdaMax = Math.max(lambdaMax, Math.abs(cross[j]!));
  const b = new Float64Array(p);
  const g = Float64Array.from(cross);
  const best: LassoFit = {
    coefficients: new Float64Array(p),
    intercept: 0,
    lambda: lambdaMax,
    criterion: n,
    nonZero: 0,
  };
  if (lambdaMax === 0 || variance <= 0) return finish(best, system, moments);
  let sinceBest = 0;
  for (let s = 1; s < steps; s++) {
    const lambda = lambdaMax * Math.pow(minRatio, s / (steps - 1));
    descend(system, cross, lambda, b, g, tolerance, maxSweeps);
    let nonZero = 0;
    let bc = 0;
    let bg = 0;
    for (let j = 0; j < p; j++) {
      const bj = b[j]!;
      if (bj !== 0) {
        nonZero++;
        bc += bj * cross[j]!;
        bg += bj * g[j]!;
      }
    }
    const meanSquaredError = Math.max(variance - bc - bg, 0);
    const criterion = (n * meanSquaredError) / variance + penalty * nonZero;
    if (criterion < best.criterion) {
      best.criterion = criterion;
      best.coefficients.set(b);
      best.lambda = lambda;
      best.nonZero = nonZero;
      sinceBest = 0;
    } else if (++sinceBest >= 6) {
      // The criterion is U-shaped along the path; far past its minimum only costs time.
      break;
    }
    if (nonZero >= n - 1) break;
  }
  return finish(best, system, moments);
}

function finish(fit: LassoFit, system: GramSystem, moments: TargetMoments): LassoFit {
  let intercept = moments.mean;
  for (let j = 0; j < system.columns; j++) intercept -= system.means[j]! * fit.coefficients[j]!;
  fit.intercept = intercept;
  return fit;
}

export function predictLinear(fit: LassoFit, row: ArrayLike<number>, offset = 0): number {
  let s = fit.intercept;
  const b = fit.coefficients;
  for (let j = 0; j < b.length; j++) {
    const bj = b[j]!;
    if (bj !== 0) s += bj * row[offset + j]!;
  }
  return s;
}
