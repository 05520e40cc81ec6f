import { describe, expect, it } from 'vitest';
import {
  createMatrix,
  createNormalSampler,
  createRandomSource,
  monteCarloVar,
  normalInverseCdf,
  sampleCovariance,
  speedFromHalfLife,
} from './domain/index.js';
import type { FactorHistory } from './factor-history.js';
import { monteCarloInBatches } from './simulation-batches.js';
import { valueAtRisk, type ExposureLine, type VarGrouping, type VarRequest } from './var-engine.js';

/** 500 days of correlated normal moves of three factors: German power, French power, TTF gas. */
function threeFactorHistory(): FactorHistory {
  const normals = createNormalSampler(createRandomSource(42));
  const days = 500;
  const moves = createMatrix(days, 3);
  for (let t = 0; t < days; t++) {
    const common = normals.next();
    moves.data[t * 3] = 4 * (0.8 * common + 0.6 * normals.next());
    moves.data[t * 3 + 1] = 5 * (0.7 * common + 0.71 * normals.next());
    moves.data[t * 3 + 2] = 1.5 * normals.next();
  }
  const factors = ['DE', 'FR', 'TTF'];
  const prices = [90, 95, 40];
  return {
    factors,
    missing: [],
    moves,
    lastClose: new Map(factors.map((f, i) => [f, prices[i]!])),
    meanClose: new Map(factors.map((f, i) => [f, prices[i]!])),
  };
}

const line = (
  key: string,
  instrumentId: string,
  delta: number,
  book: string,
  commodity: string,
  deliveryPeriod: string,
): ExposureLine => ({
  key,
  instrumentId,
  delta,
  groups: { book, commodity, deliveryPeriod },
});

const desk: ExposureLine[] = [
  line('alice/DE-M', 'DE', 100, 'alice', 'DE-POWER', '2026-07'),
  line('alice/FR-M', 'FR', -60, 'alice', 'FR-POWER', '2026-07'),
  line('bob/DE-Q', 'DE', -40, 'bob', 'DE-POWER', '2026-Q3'),
  line('bob/TTF-M', 'TTF', 300, 'bob', 'TTF', '2026-07'),
];

const request = (
  method: VarRequest['method'],
  groupBy: VarGrouping,
  extra: Partial<VarRequest> = {},
): VarRequest => ({
  method,
  confidence: 0.99,
  horizonDays: 5,
  scenarios: 20_000,
  seed: 7,
  groupBy,
  ...extra,
});

describe('VaR contributions by book, commodity and delivery period', () => {
  const history = threeFactorHistory();

  it('splits the parametric VaR by Euler allocation into components that add up to it exactly', async () => {
    for (const groupBy of ['position', 'book', 'commodity', 'deliveryPeriod'] as const) {
      const figures = await valueAtRisk(desk, history, request('parametric', groupBy));
      const sum = figures.contributions.reduce((total, c) => total + c.component, 0);
      expect(sum).toBeCloseTo(figures.var, 9);
      expect(figures.contributions.reduce((total, c) => total + c.positions, 0)).toBe(desk.length);
    }
    const byPeriod = await valueAtRisk(desk, history, request('parametric', 'deliveryPeriod'));
    expect(byPeriod.contributions.map((c) => c.key).sort()).toEqual(['2026-07', '2026-Q3']);
  });

  it("gives a group the sum of its positions' components", async () => {
    const byPosition = await valueAtRisk(desk, history, request('parametric', 'position'));
    const byBook = await valueAtRisk(desk, history, request('parametric', 'book'));
    const of = (key: string) => byPosition.contributions.find((c) => c.key === key)!.component;
    expect(byBook.contributions.find((c) => c.key === 'bob')!.component).toBeCloseTo(
      of('bob/DE-Q') + of('bob/TTF-M'),
      9,
    );
  });

  it("makes a group's marginal VaR the derivative of VaR in scaling the group, per unit of its notional", async () => {
    const scaled = async (bump: number) =>
      (
        await valueAtRisk(
          desk.map((l) =>
            l.groups.commodity === 'DE-POWER' ? { ...l, delta: l.delta * (1 + bump) } : l,
          ),
          history,
          request('parametric', 'commodity'),
        )
      ).var;
    const h = 1e-4;
    const derivative = ((await scaled(h)) - (await scaled(-h))) / (2 * h);
    const figures = await valueAtRisk(desk, history, request('parametric', 'commodity'));
    const power = figures.contributions.find((c) => c.key === 'DE-POWER')!;
    expect(power.component).toBeCloseTo(derivative, 4);
    // Notional of German power: (100 + 40) MWh at 90.
    expect(power.marginal).toBeCloseTo(derivative / (140 * 90), 8);
  });

  it('rescales the split to the historical and Monte Carlo figures so it still adds up', async () => {
    for (const method of ['historical', 'montecarlo'] as const) {
      const figures = await valueAtRisk(desk, history, request(method, 'book'));
      expect(figures.contributions.reduce((total, c) => total + c.component, 0)).toBeCloseTo(
        figures.var,
        6,
      );
    }
  });
});

describe('Monte Carlo with mean reversion', () => {
  const history = threeFactorHistory();
  const long = [line('DE-M', 'DE', 100, 'alice', 'DE-POWER', '2026-07')];

  it('gives a mean-reverting factor a lower 60-day VaR than a random walk of the same volatility', async () => {
    const walk = await valueAtRisk(
      long,
      history,
      request('montecarlo', 'position', { horizonDays: 60 }),
    );
    const reverting = await valueAtRisk(
      long,
      history,
      request('montecarlo', 'position', {
        horizonDays: 60,
        meanReversion: [
          { instrumentId: 'DE', speedPerDay: speedFromHalfLife(5), longRunLevel: 90 },
        ],
      }),
    );
    // Without drift (the price is at its level) the spread shrinks from sqrt(60) days of
    // volatility to the stationary sqrt(1 / (2 kappa)).
    const sd = Math.sqrt(sampleCovariance(history.moves).data[0]!);
    const z = normalInverseCdf(0.99);
    expect(walk.var / (z * 100 * sd * Math.sqrt(60))).toBeCloseTo(1, 1);
    expect(reverting.var / (z * 100 * sd * Math.sqrt(1 / (2 * speedFromHalfLife(5))))).toBeCloseTo(
      1,
      1,
    );
    expect(reverting.var).toBeLessThan(walk.var / 2);
  });

  it('ignores a reverting instrument the book has no factor for', async () => {
    const figures = await valueAtRisk(
      long,
      history,
      request('montecarlo', 'position', {
        meanReversion: [{ instrumentId: 'NOPE', speedPerDay: 1, longRunLevel: 1 }],
      }),
    );
    const plain = await valueAtRisk(long, history, request('montecarlo', 'position'));
    expect(figures.var).toBe(plain.var);
  });
});

describe('Monte Carlo in batches', () => {
  it('gives exactly the figures of a single run and reports every batch', async () => {
    const covariance = sampleCovariance(threeFactorHistory().moves);
    const input = (seed: number) => ({
      positions: [
        { id: 'a', factor: 0, delta: 100 },
        { id: 'b', factor: 2, delta: -250, gamma: 3 },
      ],
      covariance,
      confidence: 0.99,
      horizonDays: 3,
      scenarioCount: 5_500,
      normals: createNormalSampler(createRandomSource(seed)),
    });
    const reports: number[] = [];
    const batched = await monteCarloInBatches(input(3), (done, total) => {
      expect(total).toBe(5_500);
      reports.push(done);
    });
    const single = monteCarloVar(input(3));
    expect(batched.valueAtRisk).toBe(single.valueAtRisk);
    expect(batched.expectedShortfall).toBe(single.expectedShortfall);
    expect(reports).toEqual([2_000, 4_000, 5_500]);
  });
});
