import {
  buildColumnDesign,
  featureCount,
  MAX_LAG,
  WEEKDAY_DUMMIES,
  writeFeatureRow,
} from './features.js';
import { centredGramOfColumns, momentsOfTargets } from './gram.js';
import { predictLinear, type LassoFit } from './lasso.js';
import { lassoLarsIc, type LearPenaltyOptions } from './lars.js';
import { HOURS, type MarketDays } from './market-days.js';
import {
  fromStabilised,
  stabiliseColumnMajor,
  toStabilised,
  type RobustScale,
} from './robust-scaling.js';

/**
 * LEAR (Lago et al. 2021): one lasso-estimated autoregression per delivery hour on the
 * variance-stabilised regressors, recalibrated every day on the last `window` days.
 * As in epftoolbox, the first 7 days of the window only feed the lags, so a 56-day
 * window calibrates on 49 target days.
 */
export const LEAR_WINDOWS = [56, 84, 1092, 1456] as const;

export interface LearCalibration {
  window: number;
  featureScales: RobustScale[];
  priceScales: RobustScale[];
  hourModels: LassoFit[];
}

export function calibrateLear(
  history: MarketDays,
  targetDay: number,
  window: number,
  options: LearPenaltyOptions = {},
): LearCalibration {
  const lastDay = targetDay - 1;
  const firstDay = Math.max(targetDay - window + MAX_LAG, MAX_LAG);
  const { x, y, rows, columns } = buildColumnDesign(history, firstDay, lastDay);
  const featureScales = stabiliseColumnMajor(x, rows, columns - WEEKDAY_DUMMIES);
  const priceScales = stabiliseColumnMajor(y, rows, HOURS);
  const system = centredGramOfColumns(x, rows, columns);
  const hourTargets = Array.from({ length: HOURS }, (_, h) => y.subarray(h * rows, (h + 1) * rows));
  const hourModels = momentsOfTargets(system, hourTargets).map((moments) =>
    lassoLarsIc(system, moments, options),
  );
  return { window, featureScales, priceScales, hourModels };
}

export function forecastWithLear(
  calibration: LearCalibration,
  history: MarketDays,
  targetDay: number,
): Float64Array {
  const columns = featureCount(history.exogenous.length);
  const row = new Float64Array(columns);
  writeFeatureRow(history, targetDay, row, 0);
  calibration.featureScales.forEach((scale, j) => {
    row[j] = toStabilised(row[j]!, scale);
  });
  const forecast = new Float64Array(HOURS);
  for (let h = 0; h < HOURS; h++) {
    forecast[h] = fromStabilised(
      predictLinear(calibration.hourModels[h]!, row),
      calibration.priceScales[h]!,
    );
  }
  return forecast;
}

/** One LEAR forecast per calibration window, and their average (the LEAR ensemble). */
export function forecastLearEnsemble(
  history: MarketDays,
  targetDay: number,
  windows: readonly number[] = LEAR_WINDOWS,
  options: LearPenaltyOptions = {},
): { members: Float64Array[]; ensemble: Float64Array } {
  const usable = windows.filter((w) => targetDay - w >= 0);
  const chosen = usable.length > 0 ? usable : [Math.min(...windows)];
  const members = chosen.map((w) =>
    forecastWithLear(calibrateLear(history, targetDay, w, options), history, targetDay),
  );
  const ensemble = new Float64Array(HOURS);
  for (const m of members) for (let h = 0; h < HOURS; h++) ensemble[h]! += m[h]! / members.length;
  return { members, ensemble };
}
