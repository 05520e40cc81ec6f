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
