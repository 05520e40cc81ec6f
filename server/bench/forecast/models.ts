import { forecastLearEnsemble, LEAR_WINDOWS } from '../../src/modules/forecasting/domain/lear.js';
import { dailyNaive, weeklyNaive } from '../../src/modules/forecasting/domain/naive.js';
import { mlpEnsembleModel } from '../../src/modules/forecasting/domain/mlp-forecaster.js';
import type {
  DayAheadModel,
  WalkForwardResult,
} from '../../src/modules/forecasting/domain/walk-forward.js';

/** The models the benchmark runs, by group name (naive, lear, mlp). */
export function benchmarkModels(enabled: ReadonlySet<string>): DayAheadModel[] {
  const models: DayAheadModel[] = [];
  if (enabled.has('naive')) {
    models.push({
      names: ['naive weekly', 'naive daily'],
      forecastDay: (history, day) => [weeklyNaive(history, day), dailyNaive(history, day)],
    });
  }
  if (enabled.has('lear')) {
    models.push({
      names: [...LEAR_WINDOWS.map((w) => `LEAR ${w}`), 'LEAR ensemble'],
      forecastDay: (history, day) => {
        const { members, ensemble } = forecastLearEnsemble(history, day);
        return [...members, ensemble];
      },
    });
  }
  if (enabled.has('mlp')) models.push(mlpEnsembleModel());
  return models;
}

/** Adds the cross-model ensembles (plain average, and LEAR-weighted 2:1) once every member has run. */
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
}
