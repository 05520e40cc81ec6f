import {
  empiricalCoverage,
  rollingConformalIntervals,
} from '../../src/modules/forecasting/domain/conformal.js';
import { dieboldMariano } from '../../src/modules/forecasting/domain/diebold-mariano.js';
import type { WalkForwardResult } from '../../src/modules/forecasting/domain/walk-forward.js';
import { HEADLINE_MODELS, PRIMARY_MODEL } from './models.js';

/** Conformal interval coverage of the best point model, from its own walk-forward errors. */
export function intervalCoverage(
  result: WalkForwardResult,
  alpha: number,
  window = 56,
): string | undefined {
  const name = [PRIMARY_MODEL, 'LEAR ensemble', 'MLP ensemble'].find((n) =>
    result.forecasts.has(n),
  );
  if (name === undefined || result.actual.length / 24 <= window) return undefined;
  const intervals = rollingConformalIntervals(
    result.actual,
    result.forecasts.get(name)!,
    window,
    alpha,
  );
  const coverage = empiricalCoverage(result.actual, intervals.lower, intervals.upper);
  let width = 0;
  let counted = 0;
  intervals.lower.forEach((low, i) => {
    if (!Number.isNaN(low)) {
      width += intervals.upper[i]! - low;
      counted++;
    }
  });
  return `conformal ${(100 * (1 - alpha)).toFixed(0)}% intervals on ${name} (errors of the previous ${window} days per hour): empirical coverage ${(100 * coverage).toFixed(1)}% over ${counted} hours, mean width ${(width / counted).toFixed(2)} EUR/MWh`;
}

/** Multivariate DM test of each of our models against a reference forecast over the same hours. */
export function dieboldMarianoLines(
  result: WalkForwardResult,
  referenceName: string,
  reference: Float64Array,
): string[] {
  return HEADLINE_MODELS.filter((n) => result.forecasts.has(n)).map((n) => {
    const dm = dieboldMariano(result.actual, reference, result.forecasts.get(n)!);
    return `  DM ${referenceName} vs ${n}: statistic ${dm.statistic.toFixed(2)}, p(ours more accurate) ${dm.pValueBBetter.toFixed(4)}`;
  });
}
