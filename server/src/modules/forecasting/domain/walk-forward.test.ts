import { describe, expect, it } from 'vitest';
import { forecastLearEnsemble } from './lear.js';
import { HOURS, type MarketDays } from './market-days.js';
import { mlpEnsembleModel } from './mlp-forecaster.js';
import { dailyNaive, weeklyNaive } from './naive.js';
import { seededRandom } from './prng.js';
import { syntheticMarket } from './synthetic-market.js';
import { walkForward, type DayAheadModel } from './walk-forward.js';
import { meanAbsoluteError } from './metrics.js';

const smallMlp = {
  members: 1,
  hidden: 8,
  window: 90,
  initialEpochs: 5,
  retrainEvery: 3,
  retrainEpochs: 1,
  learningRate: 1e-3,
  seed: 3,
};

function models(): DayAheadModel[] {
  return [
    {
      names: ['LEAR 21', 'LEAR 35', 'LEAR ensemble'],
      forecastDay: (history, day) => {
        const { members, ensemble } = forecastLearEnsemble(history, day, [21, 35]);
        return [...members, ensemble];
      },
    },
    {
      names: ['naive weekly', 'naive daily'],
      forecastDay: (h, d) => [weeklyNaive(h, d), dailyNaive(h, d)],
    },
    mlpEnsembleModel(smallMlp),
  ];
}

function poisonFrom(market: MarketDays, day: number): MarketDays {
  const price = market.price.slice();
  for (let i = day * HOURS; i < price.length; i++) price[i] = 1e6 * ((i % 3) - 1);
  return { ...market, price };
}

describe('walk-forward forecasting', () => {
  const market = syntheticMarket(110, seededRandom(11));

  it('gives the same forecast for day d whatever the prices of day d and later', () => {
    const target = 100;
    const clean = walkForward({ ...market, days: target + 1 }, target, models());
    const poisoned = walkForward(
      { ...poisonFrom(market, target), days: target + 1 },
      target,
      models(),
    );
    for (const name of clean.names) {
      expect([...poisoned.forecasts.get(name)!]).toEqual([...clean.forecasts.get(name)!]);
    }
  });

  it('forecasts every test day and beats the naive forecasts on a market with real structure', () => {
    const result = walkForward(market, 96, models());
    expect(result.actual.length).toBe(14 * HOURS);
    const mae = (name: string) => meanAbsoluteError(result.actual, result.forecasts.get(name)!);
    expect(mae('LEAR ensemble')).toBeLessThan(mae('naive weekly'));
    expect(mae('LEAR ensemble')).toBeLessThan(mae('naive daily'));
    for (const name of result.names)
      expect(result.forecasts.get(name)!.every(Number.isFinite)).toBe(true);
  });
});
