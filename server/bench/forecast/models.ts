import { forecastLearEnsemble, LEAR_WINDOWS } from '../../src/modules/forecasting/domain/lear.js';
import { dailyNaive, weeklyNaive } from '../../src/modules/forecasting/domain/naive.js';
import {
  errorWeightedBlend,
  type ErrorWeightedBlendOptions,
} from '../../src/modules/forecasting/domain/error-weighted-blend.js';
import { mlpEnsembleModel } from '../../src/modules/forecasting/domain/mlp-forecaster.js';
import type {
  DayAheadModel,
  WalkForwardResult,
} from '../../src/modules/forecasting/domain/walk-forward.js';

/** A group of models the benchmark runs together, by name (naive, lear, mlp). */
export interface BenchmarkGroup {
  create(): DayAheadModel;
  /** Whether a forecast depends on the days forecast before it (fine-tuned networks). */
  stateful: boolean;
}

const GROUPS: Record<string, BenchmarkGroup> = {
  naive: {
    stateful: false,
    create: () => ({
      names: ['naive weekly', 'naive daily'],
      forecastDay: (history, day) => [weeklyNaive(history, day), dailyNaive(history, day)],
    }),
  },
  lear: {
    stateful: false,
    create: () => ({
      names: [...LEAR_WINDOWS.map((w) => `LEAR ${w}`), 'LEAR ensemble'],
      forecastDay: (history, day) => {
        const { members, ensemble } = forecastLearEnsemble(history, day);
        return [...members, ensemble];
      },
    }),
  },
  mlp: { stateful: true, create: () => mlpEnsembleModel() },
};

export const GROUP_NAMES = Object.keys(GROUPS);

export function benchmarkGroup(name: string): BenchmarkGroup {
  const group = GROUPS[name];
  if (group === undefined)
    throw new Error(`unknown model group ${name}; choose from ${GROUP_NAMES.join(', ')}`);
  return group;
}

/** Our models the report sets beside the published ensembles, in the order it prints them. */
export const HEADLINE_MODELS = [
  'LEAR ensemble',
  'MLP ensemble',
  'LEAR+MLP ensemble',
  'LEAR+MLP 2:1',
  'LEAR+MLP error-weighted',
] as const;

/**
 * The model we stand behind, fixed before the test period was run: the blend that did
 * best on the validation years (the 364 days before each test period).
 */
export const PRIMARY_MODEL = 'LEAR+MLP error-weighted';

/**
 * Settings of the error-weighted blend, chosen on the validation year before each test
 * period (bench --skip 728 --days 364), never on the test period itself: of windows of
 * 7 to 112 days and powers 1 to 4, a week's errors cubed had the lowest MAE averaged
 * over NP, FR and BE, though most settings were within 0.5% of it.
 */
export const BLEND_SETTINGS: ErrorWeightedBlendOptions = { windowDays: 7, power: 3 };

/**
 * Adds the cross-model ensembles once every member has run: fixed blends (plain average,
 * LEAR-weighted 2:1) and one weighted by each model's errors over the preceding days,
 * which reads only prices a desk knows the morning it bids (see error-weighted-blend.ts).
 */
export function combineForecasts(result: WalkForwardResult): void {
  const lear = result.forecasts.get('LEAR ensemble');
  const mlp = result.forecasts.get('MLP ensemble');
  if (lear === undefined || mlp === undefined) return;
  for (const [name, learWeight] of [
    ['LEAR+MLP ensemble', 1 / 2],
    ['LEAR+MLP 2:1', 2 / 3],
  ] as const) {
    result.names.push(name);
    result.forecasts.set(
      name,
      lear.map((v, i) => learWeight * v + (1 - learWeight) * mlp[i]!),
    );
  }
  result.names.push('LEAR+MLP error-weighted');
  result.forecasts.set(
    'LEAR+MLP error-weighted',
    errorWeightedBlend(result.actual, [lear, mlp], BLEND_SETTINGS),
  );
}
