import {
  forecastLearMembers,
  LEAR_MEMBERS,
  type LearMember,
} from '../../src/modules/forecasting/domain/lear.js';
import { HOURS } from '../../src/modules/forecasting/domain/market-days.js';
import { dailyNaive, weeklyNaive } from '../../src/modules/forecasting/domain/naive.js';
import {
  BLEND_SETTINGS,
  errorWeightedBlend,
} from '../../src/modules/forecasting/domain/error-weighted-blend.js';
import {
  DEFAULT_MLP_SETTINGS,
  mlpEnsembleModel,
  type MlpForecasterSettings,
} from '../../src/modules/forecasting/domain/mlp-forecaster.js';
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

// Research only: every window under each transform, for choosing members on validation.
const LEAR_VARIANTS: LearMember[] = [
  ...(['asinh', 'npit'] as const).flatMap((transform) =>
    [28, 56, 84, 112, 364, 728, 1092, 1456].map((window) => ({ window, transform })),
  ),
  ...[56, 84, 1456].map((window) => ({ window, transform: 'npit-bounded' as const })),
];

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
      names: [...LEAR_MEMBERS.map(learMemberName), 'LEAR ensemble', 'LEAR+N-PIT ensemble'],
      forecastDay: (history, day) => {
        const { members, ensemble } = forecastLearMembers(history, day, LEAR_MEMBERS);
        // The asinh members alone are epftoolbox's LEAR ensemble, the published one's twin.
        const asinh = members.filter((_, k) => LEAR_MEMBERS[k]!.transform === 'asinh');
        const published = new Float64Array(HOURS);
        for (const m of asinh)
          for (let h = 0; h < HOURS; h++) published[h]! += m[h]! / asinh.length;
        return [...members, published, ensemble];
      },
    }),
  },
  mlp: { stateful: true, create: () => mlpEnsembleModel() },
  'lear-variants': learGroup(LEAR_VARIANTS.filter((m) => m.transform !== 'npit-bounded')),
  'lear-bounded': learGroup(LEAR_VARIANTS.filter((m) => m.transform === 'npit-bounded')),
};

function learGroup(members: LearMember[]): BenchmarkGroup {
  return {
    stateful: false,
    create: () => ({
      names: members.map(learMemberName),
      forecastDay: (history, day) => forecastLearMembers(history, day, members).members,
    }),
  };
}

export function learMemberName({ window, transform }: LearMember): string {
  return transform === 'asinh' ? `LEAR ${window}` : `LEAR ${window} ${transform}`;
}

export const GROUP_NAMES = Object.keys(GROUPS);

export function benchmarkGroup(name: string): BenchmarkGroup {
  if (name.startsWith('mlp:')) return mlpVariant(name);
  const group = GROUPS[name];
  if (group === undefined)
    throw new Error(`unknown model group ${name}; choose from ${GROUP_NAMES.join(', ')}`);
  return group;
}

/** Our models the report sets beside the published ensembles, in the order it prints them. */
export const HEADLINE_MODELS = [
  'LEAR ensemble',
  'LEAR+N-PIT ensemble',
  'MLP ensemble',
  'LEAR+MLP ensemble',
  'LEAR+MLP 2:1',
  'LEAR+MLP error-weighted',
  'LEAR+N-PIT+MLP error-weighted',
] as const;

/**
 * The model we stand behind, fixed before the test period was run: the blend that did
 * best on the validation years (the 364 days before each test period). With bounded
 * N-PIT members in the LEAR ensemble (see LEAR_MEMBERS in lear.ts) its validation MAE
 * fell from 1.374 / 3.888 / 5.097 to 1.359 / 3.806 / 5.027 on NP / FR / BE, 1.5% on
 * average. Not adopted, on the same validation years: a network ensemble on a 728-day
 * window (NP 1.562 against 1.449 alone), fine-tuned 6 epochs a week (1.449, no change),
 * and asinh LEAR, N-PIT LEAR (four windows) and networks as three error-weighted
 * members (0.5% worse than the chosen two).
 */
export const PRIMARY_MODEL = 'LEAR+N-PIT+MLP error-weighted';

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
  const learNpit = result.forecasts.get('LEAR+N-PIT ensemble');
  if (learNpit === undefined) return;
  result.names.push('LEAR+N-PIT+MLP error-weighted');
  result.forecasts.set(
    'LEAR+N-PIT+MLP error-weighted',
    errorWeightedBlend(result.actual, [learNpit, mlp], BLEND_SETTINGS),
  );
}

/**
 * Research only: `mlp:window=728+retrainEpochs=6` runs the network ensemble with those
 * settings changed, named after them, so variants can be compared on validation.
 */
function mlpVariant(name: string): BenchmarkGroup {
  const settings: Record<string, unknown> = { ...DEFAULT_MLP_SETTINGS };
  for (const pair of name.slice('mlp:'.length).split('+')) {
    const [key, value] = pair.split('=');
    const known = key !== undefined && (key in settings || key === 'weightDecay');
    if (!known || !Number.isFinite(Number(value)))
      throw new Error(`unknown MLP setting or value in ${name}`);
    settings[key] = Number(value);
  }
  return {
    stateful: true,
    create: () => {
      const model = mlpEnsembleModel(settings as unknown as MlpForecasterSettings);
      return {
        names: [`MLP ${name.slice('mlp:'.length)}`],
        forecastDay: (history, day) => model.forecastDay(history, day),
      };
    },
  };
}
