import { describe, expect, it } from 'vitest';
import { normalInverseCdf, normalPdf } from './distributions.js';
import { historicalVar, overlappingMoves } from './historical-var.js';
import { createMatrix, createResidentMatrix, matrixFromRows } from './matrix.js';
import { monteCarloVar } from './monte-carlo-var.js';
import { createNormalSampler } from './normal-sampler.js';
import { parametricVar } from './parametric-var.js';
import { createRandomSource } from './random.js';
import type { RiskPosition } from './risk-position.js';
import { tailMeasures } from './tail.js';
import { allocateVar } from './var-allocation.js';

const z99 = normalInverseCdf(0.99);
// Daily absolute moves: TTF front month sd 4 EUR/MWh, German power front month sd 6, correlation 0.7.
const covariance = matrixFromRows([
  [16, 0.7 * 4 * 6],
  [0.7 * 4 * 6, 36],
]);
const book: RiskPosition[] = [
  { id: 'ttf-long', factor: 0, delta: 10_000, groups: { book: 'gas', commodity: 'TTF' } },
  { id: 'power-short', factor: 1, delta: -4_000, groups: { book: 'power', commodity: 'DE-POWER' } },
  { id: 'power-long', factor: 1, delta: 1_000, groups: { book: 'gas', commodity: 'DE-POWER' } },
];

describe('VaR and ES from a scenario sample', () => {
  it('takes the k-th largest loss and the mean of the k largest', () => {
    // P&L -1 .. -100 in shuffled order: at 95% the tail is the 5 worst losses 96..100.
    const pnl = Float64Array.from({ length: 100 }, (_, i) => -(((i * 37) % 100) + 1));
    const tail = tailMeasures(pnl, 0.95);
    expect(tail.tailCount).toBe(5);
    expect(tail.valueAtRisk).toBe(96);
    expect(tail.expectedShortfall).toBe(98);
  });

  it('refuses a confidence outside (0, 1)', () => {
    expect(() => tailMeasures(Float64Array.from([1]), 1)).toThrow(/confidence/);
  });
});

describe('historical simulation', () => {
  const moves = matrixFromRows([[-2], [1], [3], [-5], [0.5], [2], [-1], [4], [-3], [1]]);
  const long: RiskPosition[] = [{ id: 'long', factor: 0, delta: 100 }];

  it('revalues the book under each day and reads the tail', () => {
    const result = historicalVar({
      positions: long,
      factorMoves: moves,
      confidence: 0.8,
      horizonDays: 1,
    });
    // Tail of 2 days: losses 500 and 300.
    expect(result.valueAtRisk).toBe(300);
    expect(result.expectedShortfall).toBe(400);
    expect([...result.scenarioPnl]).toEqual([...moves.data].map((m) => m * 100));
  });

  it('scales by the square root of time', () => {
    const oneDay = historicalVar({
      positions: long,
      factorMoves: moves,
      confidence: 0.8,
      horizonDays: 1,
    });
    const tenDay = historicalVar({
      positions: long,
      factorMoves: moves,
      confidence: 0.8,
      horizonDays: 10,
    });
    expect(tenDay.valueAtRisk).toBeCloseTo(oneDay.valueAtRisk * Math.sqrt(10), 9);
  });

  it('builds overlapping multi-day moves as running sums', () => {
    const twoDay = overlappingMoves(moves, 2);
    expect(twoDay.rows).toBe(9);
    expect([...twoDay.data]).toEqual([-1, 4, -2, -4.5, 2.5, 1, 3, 1, -2]);
    const result = historicalVar({
      positions: long,
      factorMoves: moves,
      confidence: 0.8,
      horizonDays: 2,
      scaling: 'overlapping',
    });
    // A tail of one scenario out of nine: the worst two-day move, -4.5.
    expect(result.scenarioCount).toBe(9);
    expect(result.valueAtRisk).toBe(450);
  });

  it('includes the gamma of a short option', () => {
    const shortStraddle: RiskPosition[] = [{ id: 'straddle', factor: 0, delta: 0, gamma: -50 }];
    const result = historicalVar({
      positions: shortStraddle,
      factorMoves: moves,
      confidence: 0.9,
      horizonDays: 1,
    });
    expect(result.valueAtRisk).toBe(0.5 * 50 * 25);
  });

  it('gives the same P&L on a resident history (SIMD kernel) as on an ordinary one', () => {
    const days = 37;
    const factors = 23;
    const plain = createMatrix(days, factors);
    const resident = createResidentMatrix(days, factors);
    for (let i = 0; i < days * factors; i++) plain.data[i] = Math.sin(i * 0.37) * 4;
    resident.data.set(plain.data);
    const mixed: RiskPosition[] = Array.from({ length: 40 }, (_, i) => ({
      id: `p${i}`,
      factor: (i * 7) % factors,
      delta: 100 * Math.cos(i),
      gamma: i % 3 === 0 ? -15 : 0,
    }));
    const run = (factorMoves: typeof plain) =>
      historicalVar({ positions: mixed, factorMoves, confidence: 0.95, horizonDays: 4 });
    const expected = run(plain);
    const actual = run(resident);
    actual.scenarioPnl.forEach((pnl, t) => expect(pnl).toBeCloseTo(expected.scenarioPnl[t]!, 8));
    expect(actual.valueAtRisk).toBeCloseTo(expected.valueAtRisk, 8);
  });
});

describe('parametric delta-normal VaR', () => {
  it('matches the closed form for one factor: z sigma |delta| sqrt(h)', () => {
    const result = parametricVar({
      positions: [book[0]!],
      covariance,
      confidence: 0.99,
      horizonDays: 10,
    });
    expect(result.valueAtRisk).toBeCloseTo(z99 * 4 * 10_000 * Math.sqrt(10), 6);
    expect(result.expectedShortfall).toBeCloseTo(
      (4 * 10_000 * Math.sqrt(10) * normalPdf(z99)) / 0.01,
      6,
    );
  });

  it('diversifies a two-factor book by the correlation', () => {
    const result = parametricVar({ positions: book, covariance, confidence: 0.99, horizonDays: 1 });
    const d1 = 10_000;
    const d2 = -3_000;
    const sd = Math.sqrt(d1 * d1 * 16 + d2 * d2 * 36 + 2 * d1 * d2 * 0.7 * 24);
    expect(result.valueAtRisk).toBeCloseTo(z99 * sd, 6);
  });

  it('allocates components that add up to the total by any grouping key', () => {
    const result = parametricVar({ positions: book, covariance, confidence: 0.99, horizonDays: 5 });
    for (const key of ['book', 'commodity', 'trader']) {
      const components = allocateVar(book, result.marginalVar, key);
      const sum = components.reduce((total, c) => total + c.componentVar, 0);
      expect(sum).toBeCloseTo(result.valueAtRisk, 6);
      expect(components.reduce((total, c) => total + c.share, 0)).toBeCloseTo(1, 12);
    }
    const byCommodity = allocateVar(book, result.marginalVar, 'commodity');
    // The short power position hedges long gas, so its component is negative.
    expect(byCommodity.find((c) => c.group === 'DE-POWER')!.componentVar).toBeLessThan(0);
  });

  it('makes marginal VaR the derivative of VaR in each delta', () => {
    const base = parametricVar({ positions: book, covariance, confidence: 0.99, horizonDays: 1 });
    const withBump = (bump: number) =>
      parametricVar({
        positions: [...book, { id: 'bump', factor: 1, delta: bump }],
        covariance,
        confidence: 0.99,
        horizonDays: 1,
      }).valueAtRisk;
    expect((withBump(1) - withBump(-1)) / 2).toBeCloseTo(base.marginalVar[1]!, 6);
  });
});

describe('parametric delta-gamma VaR', () => {
  it('equals delta-normal when no position carries gamma', () => {
    const normal = parametricVar({ positions: book, covariance, confidence: 0.99, horizonDays: 1 });
    const dg = parametricVar({
      positions: book,
      covariance,
      confidence: 0.99,
      horizonDays: 1,
      method: 'delta-gamma',
    });
    expect(dg.valueAtRisk).toBeCloseTo(normal.valueAtRisk, 6);
    expect(dg.expectedShortfall).toBeCloseTo(normal.expectedShortfall, 6);
  });

  it('raises VaR for short gamma and agrees with Monte Carlo', () => {
    const shortOptions: RiskPosition[] = [
      { id: 'short-call', factor: 0, delta: -5_000, gamma: -1_500 },
    ];
    const deltaOnly = parametricVar({
      positions: shortOptions,
      covariance,
      confidence: 0.99,
      horizonDays: 1,
    });
    const dg = parametricVar({
      positions: shortOptions,
      covariance,
      confidence: 0.99,
      horizonDays: 1,
      method: 'delta-gamma',
    });
    expect(dg.skewness).toBeLessThan(0);
    expect(dg.valueAtRisk).toBeGreaterThan(deltaOnly.valueAtRisk);
    const mc = monteCarloVar({
      positions: shortOptions,
      covariance,
      confidence: 0.99,
      horizonDays: 1,
      scenarioCount: 100_000,
      normals: createNormalSampler(createRandomSource(7)),
    });
    expect(Math.abs(dg.valueAtRisk / mc.valueAtRisk - 1)).toBeLessThan(0.03);
  });
});

describe('Monte Carlo VaR', () => {
  const run = (seed: number, horizonDays = 1) =>
    monteCarloVar({
      positions: book,
      covariance,
      confidence: 0.99,
      horizonDays,
      scenarioCount: 50_000,
      normals: createNormalSampler(createRandomSource(seed)),
    });

  it('converges to the parametric figure for a linear book', () => {
    const parametric = parametricVar({
      positions: book,
      covariance,
      confidence: 0.99,
      horizonDays: 10,
    });
    const mc = run(42, 10);
    expect(Math.abs(mc.valueAtRisk / parametric.valueAtRisk - 1)).toBeLessThan(0.03);
    expect(Math.abs(mc.expectedShortfall / parametric.expectedShortfall - 1)).toBeLessThan(0.04);
  });

  it('is reproducible from its seed', () => {
    expect(run(3).valueAtRisk).toBe(run(3).valueAtRisk);
    expect(run(3).valueAtRisk).not.toBe(run(4).valueAtRisk);
  });

  it('shrinks the horizon risk of a mean-reverting spot factor', () => {
    const spotPower: RiskPosition[] = [{ id: 'spot', factor: 1, delta: 1_000 }];
    const common = {
      positions: spotPower,
      covariance,
      confidence: 0.99,
      horizonDays: 20,
      scenarioCount: 50_000,
    };
    const randomWalk = monteCarloVar({
      ...common,
      normals: createNormalSampler(createRandomSource(1)),
    });
    const halfLifeThreeDays = Math.LN2 / 3;
    const reverting = monteCarloVar({
      ...common,
      normals: createNormalSampler(createRandomSource(1)),
      meanReversion: [
        { factor: 1, speedPerDay: halfLifeThreeDays, longRunLevel: 80, currentLevel: 80 },
      ],
    });
    const expectedRatio =
      Math.sqrt((1 - Math.exp(-2 * halfLifeThreeDays * 20)) / (2 * halfLifeThreeDays)) /
      Math.sqrt(20);
    expect(reverting.valueAtRisk / randomWalk.valueAtRisk).toBeCloseTo(expectedRatio, 6);
  });

  it('drifts a spot price above its long-run level back down', () => {
    const longSpot: RiskPosition[] = [{ id: 'spot', factor: 1, delta: 1_000 }];
    const reverting = monteCarloVar({
      positions: longSpot,
      covariance,
      confidence: 0.99,
      horizonDays: 10,
      scenarioCount: 20_000,
      normals: createNormalSampler(createRandomSource(5)),
      meanReversion: [{ factor: 1, speedPerDay: 0.2, longRunLevel: 60, currentLevel: 160 }],
    });
    const meanPnl = reverting.scenarioPnl.reduce((a, b) => a + b, 0) / 20_000;
    expect(meanPnl / (1_000 * (60 - 160) * (1 - Math.exp(-2)))).toBeCloseTo(1, 1);
  });
});
