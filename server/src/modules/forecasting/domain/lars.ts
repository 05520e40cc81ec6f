import { type GramSystem, type LassoFit, type TargetMoments } from './lasso.js';

/**
 * The exact lasso path by LARS with the lasso modification (Efron et al. 2004), in
 * covariance form on the shared Gram matrix. Coordinate descent needs thousands of
 * sweeps to reach the small penalties LEAR ends up at, because the lagged prices are
 * strongly collinear; the homotopy gets there in one step per entering regressor.
 *
 * Penalty choice, as epftoolbox does it: LassoLarsIC(criterion='aic', normalize=True)
 * picks alpha on unit-norm columns by n * MSE / var(y) + 2 * df, and Lasso(alpha) then
 * refits on the unnormalised columns. The same alpha on unnormalised columns is a
 * penalty about sqrt(n) * s (s = typical column deviation) times weaker than the AIC
 * optimum, and that lighter penalty is part of why LEAR forecasts well; we reproduce it
 * by following the path on to lambda_AIC / (sqrt(n) * s).
 */
export interface LearPenaltyOptions {
  /** Penalty per non-zero coefficient (2 = AIC). */
  penaltyPerCoefficient?: number;
  /** Reproduce epftoolbox's normalised-alpha refit (default true); false stops at the AIC optimum. */
  refitAtNormalisedAlpha?: boolean;
}

export function lassoLarsIc(
  system: GramSystem,
  moments: TargetMoments,
  options: LearPenaltyOptions = {},
): LassoFit {
  const { gram, columns: p, rows: n } = system;
  const { cross, variance } = moments;
  const penalty = options.penaltyPerCoefficient ?? 2;
  let typicalVariance = 0;
  for (let j = 0; j < p; j++) typicalVariance += gram[j * p + j]! / p;
  const shrinkToRefit =
    options.refitAtNormalisedAlpha === false ? 1 : 1 / Math.sqrt(n * typicalVariance);

  const beta = new Float64Array(p);
  const correlation = Float64Array.from(cross);
  const active: number[] = [];
  const isActive = new Uint8Array(p);
  const excluded = new Uint8Array(p);
  const maxActive = Math.min(p, n - 1);
  // Cholesky factor of G restricted to the active set, row-major in a maxActive square.
  const chol = new Float64Array(maxActive * maxActive);
  const direction = new Float64Array(maxActive);
  const along = new Float64Array(p);

  let lambda = 0;
  for (let j = 0; j < p; j++) lambda = Math.max(lambda, Math.abs(cross[j]!));
  const fit: LassoFit = {
    coefficients: new Float64Array(p),
    intercept: 0,
    lambda,
    criterion: n,
    nonZero: 0,
  };
  if (lambda === 0 || variance <= 0) return withIntercept(fit, system, moments);
  let bestLambda = lambda;
  let bestCriterion = n;
  let previousLambda: number;
  const previousBeta = new Float64Array(p);
  const bestBeta = new Float64Array(p);

  // Dropping a regressor deletes a row of the factor; Givens rotations restore the
  // triangle in O(k^2) instead of refactoring the active set in O(k^3).
  const removeFromFactor = (drop: number): void => {
    const k = active.length;
    for (let a = drop; a < k - 1; a++) {
      const to = a * maxActive;
      const from = to + maxActive;
      for (let c = 0; c <= a + 1; c++) chol[to + c] = chol[from + c]!;
    }
    for (let a = drop; a < k - 1; a++) {
      const x = chol[a * maxActive + a]!;
      const y = chol[a * maxActive + a + 1]!;
      const r = Math.hypot(x, y);
      const cos = x / r;
      const sin = y / r;
      chol[a * maxActive + a] = r;
      chol[a * maxActive + a + 1] = 0;
      for (let b = a + 1; b < k - 1; b++) {
        const u = chol[b * maxActive + a]!;
        const v = chol[b * maxActive + a + 1]!;
        chol[b * maxActive + a] = cos * u + sin * v;
        chol[b * maxActive + a + 1] = cos * v - sin * u;
      }
    }
    active.splice(drop, 1);
  };
  const addToFactor = (a: number): boolean => {
    const j = active[a]!;
    let diagonal = gram[j * p + j]!;
    for (let b = 0; b < a; b++) {
      let s = gram[j * p + active[b]!]!;
      for (let c = 0; c < b; c++) s -= chol[a * maxActive + c]! * chol[b * maxActive + c]!;
      const l = s / chol[b * maxActive + b]!;
      chol[a * maxActive + b] = l;
      diagonal -= l * l;
    }
    if (diagonal <= 1e-10 * gram[j * p + j]!) return false;
    chol[a * maxActive + a] = Math.sqrt(diagonal);
    return true;
  };
  const enter = (j: number): void => {
    active.push(j);
    if (addToFactor(active.length - 1)) isActive[j] = 1;
    else {
      active.pop();
      excluded[j] = 1; // collinear with the active set: it can never move independently
    }
  };

  let first = -1;
  for (let j = 0; j < p; j++)
    if (first < 0 || Math.abs(cross[j]!) > Math.abs(cross[first]!)) first = j;
  enter(first);
  // A regressor whose coefficient just reached zero leaves with its correlation on the
  // bound; the lasso path moves it inward, so it may not re-enter on the next step.
  let justDropped = -1;

  for (let step = 0; step < 8 * p && active.length > 0; step++) {
    const k = active.length;
    // Direction: G_AA d = sign(C_A), by forward and back substitution.
    for (let a = 0; a < k; a++) {
      let s = Math.sign(correlation[active[a]!]!);
      for (let c = 0; c < a; c++) s -= chol[a * maxActive + c]! * direction[c]!;
      direction[a] = s / chol[a * maxActive + a]!;
    }
    for (let a = k - 1; a >= 0; a--) {
      let s = direction[a]!;
      for (let c = a + 1; c < k; c++) s -= chol[c * maxActive + a]! * direction[c]!;
      direction[a] = s / chol[a * maxActive + a]!;
    }
    gramTimes(gram, p, active, direction, along);
    let gamma = lambda;
    let entering = -1;
    let dropping = -1;
    if (k < maxActive) {
      for (let j = 0; j < p; j++) {
        if (isActive[j] === 1 || excluded[j] === 1 || j === justDropped) continue;
        // A regressor enters when its correlation reaches the shrinking bound, which
        // needs it to move toward that bound (positive denominator). Rounding can leave
        // a correlation a hair past the bound: that is a slack of zero, not a negative
        // one, and a sign test on the ratio alone would let a regressor moving away
        // from the bound back in with the wrong sign.
        const c = correlation[j]!;
        const aj = along[j]!;
        if (1 - aj > 1e-12) {
          const up = Math.max(lambda - c, 0) / (1 - aj);
          if (up < gamma) {
            gamma = up;
            entering = j;
          }
        }
        if (1 + aj > 1e-12) {
          const down = Math.max(lambda + c, 0) / (1 + aj);
          if (down < gamma) {
            gamma = down;
            entering = j;
          }
        }
      }
    }
    for (let a = 0; a < k; a++) {
      const g = -beta[active[a]!]! / direction[a]!;
      if (g > 1e-14 && g < gamma) {
        gamma = g;
        entering = -1;
        dropping = a;
      }
    }
    previousBeta.set(beta);
    previousLambda = lambda;
    for (let a = 0; a < k; a++) beta[active[a]!]! += gamma * direction[a]!;
    for (let j = 0; j < p; j++) correlation[j]! -= gamma * along[j]!;
    lambda -= gamma;
    justDropped = -1;
    if (dropping >= 0) {
      const j = active[dropping]!;
      justDropped = j;
      beta[j] = 0;
      isActive[j] = 0;
      removeFromFactor(dropping);
    } else if (entering >= 0) enter(entering);

    let nonZero = 0;
    let explained = 0;
    for (const j of active) {
      const b = beta[j]!;
      if (b !== 0) nonZero++;
      explained += b * (cross[j]! + correlation[j]!);
    }
    const criterion = (n * Math.max(variance - explained, 0)) / variance + penalty * nonZero;
    if (criterion < bestCriterion) {
      bestCriterion = criterion;
      bestLambda = lambda;
      bestBeta.set(beta);
    }
    const target = bestLambda * shrinkToRefit;
    if (shrinkToRefit < 1 && lambda <= target) {
      // The path is linear in lambda between breakpoints: interpolate to the target.
      const t = previousLambda > lambda ? (previousLambda - target) / (previousLambda - lambda) : 1;
      for (let j = 0; j < p; j++)
        fit.coefficients[j] = previousBeta[j]! + t * (beta[j]! - previousBeta[j]!);
      return finalise(fit, target, bestCriterion, system, moments);
    }
    if (entering < 0 && dropping < 0) break;
  }
  if (shrinkToRefit === 1) {
    fit.coefficients.set(bestBeta);
    return finalise(fit, bestLambda, bestCriterion, system, moments);
  }
  fit.coefficients.set(beta);
  return finalise(fit, lambda, bestCriterion, system, moments);
}

/**
 * along = G[:, A] d, the change of every correlation per unit step. Four active rows per
 * pass, so each entry of `along` is loaded and stored once per four products: this
 * product is most of the cost of a step.
 */
function gramTimes(
  gram: Float64Array,
  p: number,
  active: readonly number[],
  direction: Float64Array,
  along: Float64Array,
): void {
  const k = active.length;
  along.fill(0);
  let a = 0;
  for (; a + 3 < k; a += 4) {
    const r0 = active[a]! * p;
    const r1 = active[a + 1]! * p;
    const r2 = active[a + 2]! * p;
    const r3 = active[a + 3]! * p;
    const d0 = direction[a]!;
    const d1 = direction[a + 1]!;
    const d2 = direction[a + 2]!;
    const d3 = direction[a + 3]!;
    for (let j = 0; j < p; j++) {
      along[j]! +=
        gram[r0 + j]! * d0 + gram[r1 + j]! * d1 + gram[r2 + j]! * d2 + gram[r3 + j]! * d3;
    }
  }
  for (; a < k; a++) {
    const row = active[a]! * p;
    const d = direction[a]!;
    for (let j = 0; j < p; j++) along[j]! += gram[row + j]! * d;
  }
}

function finalise(
  fit: LassoFit,
  lambda: number,
  criterion: number,
  system: GramSystem,
  moments: TargetMoments,
): LassoFit {
  fit.lambda = lambda;
  fit.criterion = criterion;
  fit.nonZero = fit.coefficients.reduce((count, b) => (b !== 0 ? count + 1 : count), 0);
  return withIntercept(fit, system, moments);
}

function withIntercept(fit: LassoFit, system: GramSystem, moments: TargetMoments): LassoFit {
  let intercept = moments.mean;
  for (let j = 0; j < system.columns; j++) intercept -= system.means[j]! * fit.coefficients[j]!;
  fit.intercept = intercept;
  return fit;
}
