import { describe, expect, it } from 'vitest';
import {
  centredGram,
  descend,
  lassoByInformationCriterion,
  predictLinear,
  targetMoments,
} from './lasso.js';
import { lassoLarsIc } from './lars.js';
import { seededRandom } from './prng.js';

function sparseProblem(rows: number, columns: number, seed: number) {
  const random = seededRandom(seed);
  const truth = new Float64Array(columns);
  truth[3] = 2;
  truth[11] = -1.5;
  truth[17] = 0.8;
  const x = new Float64Array(rows * columns);
  const y = new Float64Array(rows);
  for (let r = 0; r < rows; r++) {
    let s = 5;
    for (let j = 0; j < columns; j++) {
      const v = random.normal();
      x[r * columns + j] = v;
      s += truth[j]! * v;
    }
    y[r] = s + 0.05 * random.normal();
  }
  return { x, y, truth };
}

describe('lasso on the Gram matrix', () => {
  const rows = 400;
  const columns = 40;
  const { x, y, truth } = sparseProblem(rows, columns, 7);
  const system = centredGram(x, rows, columns);
  const moments = targetMoments(system, y);

  it('recovers a sparse coefficient vector by coordinate descent along the path', () => {
    const fit = lassoByInformationCriterion(system, moments, { minRatio: 1e-4, steps: 60 });
    for (let j = 0; j < columns; j++) expect(fit.coefficients[j]!).toBeCloseTo(truth[j]!, 1);
    expect(fit.intercept).toBeCloseTo(5, 1);
    expect(fit.nonZero).toBeLessThan(12);
  });

  it('recovers the same support along the exact LARS path', () => {
    const fit = lassoLarsIc(system, moments, { refitAtNormalisedAlpha: false });
    const support = [...fit.coefficients].flatMap((b, j) => (b !== 0 ? [j] : []));
    expect(support).toEqual(expect.arrayContaining([3, 11, 17]));
    for (const j of [3, 11, 17]) expect(fit.coefficients[j]!).toBeCloseTo(truth[j]!, 1);
  });

  it('agrees with coordinate descent at the penalty LARS stopped at', () => {
    const lars = lassoLarsIc(system, moments);
    const b = new Float64Array(columns);
    const g = Float64Array.from(moments.cross);
    descend(system, moments.cross, lars.lambda, b, g, 1e-12, 100_000);
    for (let j = 0; j < columns; j++) expect(b[j]!).toBeCloseTo(lars.coefficients[j]!, 6);
  });

  it('keeps every coefficient at zero above lambda_max', () => {
    const lambdaMax = Math.max(...moments.cross.map(Math.abs));
    const b = new Float64Array(columns);
    descend(
      system,
      moments.cross,
      lambdaMax * 1.01,
      b,
      Float64Array.from(moments.cross),
      1e-10,
      1000,
    );
    expect(b.every((v) => v === 0)).toBe(true);
  });

  it('predicts with the intercept and the chosen coefficients', () => {
    const fit = lassoLarsIc(system, moments);
    const row = new Float64Array(columns);
    row[3] = 1;
    expect(predictLinear(fit, row)).toBeCloseTo(5 + 2, 1);
  });
});

/** Largest breach of the lasso optimality conditions, relative to the penalty. */
function worstOptimalityBreach(
  system: ReturnType<typeof centredGram>,
  cross: Float64Array,
  coefficients: Float64Array,
  lambda: number,
): number {
  const p = system.columns;
  let worst = 0;
  for (let j = 0; j < p; j++) {
    let g = cross[j]!;
    for (let k = 0; k < p; k++) g -= system.gram[j * p + k]! * coefficients[k]!;
    const b = coefficients[j]!;
    const breach =
      b !== 0 ? Math.abs(g - Math.sign(b) * lambda) : Math.max(0, Math.abs(g) - lambda);
    worst = Math.max(worst, breach / lambda);
  }
  return worst;
}

describe('LARS on strongly collinear regressors', () => {
  // Neighbouring hours of yesterday's price move together: columns built as a smooth
  // random walk across j make the path drop and re-admit regressors many times.
  const rows = 300;
  const columns = 30;
  // Seed 1 is a case where admitting a just-dropped regressor on rounding noise broke the path.
  const random = seededRandom(1);
  const x = new Float64Array(rows * columns);
  const y = new Float64Array(rows);
  for (let r = 0; r < rows; r++) {
    let level = random.normal();
    for (let j = 0; j < columns; j++) {
      level = 0.97 * level + 0.25 * random.normal();
      x[r * columns + j] = level;
    }
    y[r] =
      x[r * columns + 4]! -
      0.6 * x[r * columns + 5]! +
      0.4 * x[r * columns + 20]! +
      0.3 * random.normal();
  }
  const system = centredGram(x, rows, columns);
  const moments = targetMoments(system, y);

  it('ends on a lasso solution: every correlation within the penalty, active ones on it', () => {
    const fit = lassoLarsIc(system, moments);
    expect(fit.nonZero).toBeGreaterThan(3);
    expect(worstOptimalityBreach(system, moments.cross, fit.coefficients, fit.lambda)).toBeLessThan(
      1e-8,
    );
  });

  it('agrees with coordinate descent run to convergence at the same penalty', () => {
    const fit = lassoLarsIc(system, moments);
    const b = new Float64Array(columns);
    const g = Float64Array.from(moments.cross);
    descend(system, moments.cross, fit.lambda, b, g, 1e-13, 1_000_000);
    for (let j = 0; j < columns; j++) expect(b[j]!).toBeCloseTo(fit.coefficients[j]!, 5);
  });
});
