import { EXOGENOUS_LAGS, MAX_LAG, PRICE_LAGS } from './domain/features.js';
import { BLEND_SETTINGS } from './domain/error-weighted-blend.js';
import { errorWeightedModel } from './domain/error-weighted-model.js';
import {
  forecastLearEnsemble,
  forecastLearMembers,
  LEAR_WINDOWS,
  learMembersFor,
} from './domain/lear.js';
import type { MarketDays } from './domain/market-days.js';
import { mlpEnsembleModel, type MlpForecasterSettings } from './domain/mlp-forecaster.js';
import { dailyNaive } from './domain/naive.js';
import type { DayAheadModel } from './domain/walk-forward.js';
import { DEFAULT_SEASONAL_SPEC } from './domain/seasonal-model.js';
import { MIN_FIT_DAYS, PROFILE_DAYS, seasonalLoadModel } from './load-model.js';
import type { ModelKind } from './tables.js';

/**
 * The model kinds a desk can train from the registry, each as one named day-ahead
 * model. The MLP is smaller than the benchmark's so that a training job on the
 * platform's own machine finishes in minutes rather than hours.
 */
export const DEFAULT_WINDOWS: Record<ModelKind, readonly number[]> = {
  naive: [7],
  lear: LEAR_WINDOWS,
  mlp: [728],
  ensemble: LEAR_WINDOWS,
  // Two years, so that the yearly terms see each season twice.
  seasonal: [728],
};

const SERVICE_MLP: Omit<MlpForecasterSettings, 'window'> = {
  members: 2,
  hidden: 32,
  initialEpochs: 40,
  retrainEvery: 7,
  retrainEpochs: 3,
  learningRate: 1e-3,
  seed: 20210401,
};

/** Days of history a kind reads before the first day it forecasts. */
export function historyNeeded(kind: ModelKind, windows: readonly number[]): number {
  if (kind === 'naive') return MAX_LAG;
  if (kind === 'seasonal') return PROFILE_DAYS + MIN_FIT_DAYS;
  return Math.max(MAX_LAG + 1, Math.min(...windows));
}

export function dayAheadModel(kind: ModelKind, windows: readonly number[]): DayAheadModel {
  const lear = (history: MarketDays, day: number) =>
    forecastLearEnsemble(history, day, windows).ensemble;
  const mlp = () => mlpEnsembleModel({ ...SERVICE_MLP, window: Math.max(...windows, 56) });
  switch (kind) {
    case 'naive':
      return { names: [kind], forecastDay: (history, day) => [dailyNaive(history, day)] };
    case 'lear':
      return { names: [kind], forecastDay: (history, day) => [lear(history, day)] };
    case 'mlp': {
      const net = mlp();
      return { names: [kind], forecastDay: (history, day) => net.forecastDay(history, day) };
    }
    case 'seasonal':
      return seasonalLoadModel(windows);
    case 'ensemble': {
      // The benchmark's headline recipe: LEAR under asinh and, on its short windows, N-PIT,
      // blended with the network by each one's errors over the last week.
      const members = learMembersFor(windows);
      const learWithNpit: DayAheadModel = {
        names: ['lear'],
        forecastDay: (history, day) => [forecastLearMembers(history, day, members).ensemble],
      };
      return errorWeightedModel(kind, [learWithNpit, mlp()], BLEND_SETTINGS);
    }
  }
}

/** The regressors a kind reads, in words, for the registry. */
export function featureNames(kind: ModelKind, columns: readonly string[]): string[] {
  const target = columns[1] ?? 'price';
  if (kind === 'naive') return [`${target} of the same hour on d-1 (d-7 on Mondays and weekends)`];
  if (kind === 'seasonal') {
    const { dailyOrder, weeklyOrder, yearlyOrder } = DEFAULT_SEASONAL_SPEC;
    const terms = { daily: dailyOrder, weekly: weeklyOrder, yearly: yearlyOrder };
    return [
      'trend',
      ...Object.entries(terms).map(([cycle, order]) => `${cycle} Fourier terms (order ${order})`),
      `${target} of the same hour on d-7`,
      `${target} of the same hour and weekday, mean of the last 4 weeks`,
    ];
  }
  return [
    ...PRICE_LAGS.map((lag) => `${target} d-${lag}, 24 hours`),
    ...columns
      .slice(2)
      .flatMap((c) =>
        EXOGENOUS_LAGS.map((lag) => `${c} ${lag === 0 ? 'd' : `d-${lag}`}, 24 hours`),
      ),
    'day of week',
  ];
}
