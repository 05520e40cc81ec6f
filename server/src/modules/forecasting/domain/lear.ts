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
import { stabiliseColumnsWith, type ColumnStabiliser, type StabiliserKind } from './stabilisers.js';

/**
 * LEAR (Lago et al. 2021): one lasso-estimated autoregression per delivery hour on the
 * variance-stabilised regressors, recalibrated every day on the last `window` days.
 * As in epftoolbox, the first 7 days of the window only feed the lags, so a 56-day
 * window calibrates on 49 target days.
 */
export const LEAR_WINDOWS = [56, 84, 1092, 1456] as const;

/** Windows short enough to calibrate again under N-PIT at little cost. */
const SHORT_WINDOW_DAYS = 84;

/** One LEAR model of an ensemble: its calibration window and variance-stabilising transform. */
export interface LearMember {
  window: number;
  transform: StabiliserKind;
}

/**
 * The LEAR members of the headline blend (the benchmark's, and the registry's
 * `ensemble` kind): every window under asinh, as epftoolbox does, plus the short windows
 * (56 and 84 days by default) again under N-PIT with bounded forecasts (the
 * variance-stabilising transform ensemble of Uniejewski, Weron & Ziel 2018, on the
 * cheap windows only: a tenth more LEAR time rather than double).
 * Chosen on the validation years (the 364 days before each test period, bench --skip
 * 728 --days 364), never the test period, by the MAE of the error-weighted LEAR+MLP
 * blend averaged over NP, FR and BE, each relative to the blend on asinh members only
 * (1.000): N-PIT bounded on 56/84 0.985 (better on all three markets); bounded on
 * 56/84/1456 0.986; bounded on 1456 only 1.002; N-PIT extrapolating on 56/84 0.987, on
 * all four windows 0.991; six asinh windows (adding 112 and 728) with four N-PIT 0.989.
 * N-PIT alone was worse than asinh alone, and extrapolating N-PIT on a 28-day window
 * blew up on single days.
 */
export const learMembersFor = (windows: readonly number[]): LearMember[] => [
  ...windows.map((window) => ({ window, transform: 'asinh' as const })),
  ...windows
    .filter((window) => window <= SHORT_WINDOW_DAYS)
    .map((window) => ({ window, transform: 'npit-bounded' as const })),
];

export const LEAR_MEMBERS: readonly LearMember[] = learMembersFor(LEAR_WINDOWS);

export interface LearCalibration {
  window: number;
  featureScales: ColumnStabiliser[];
  priceScales: ColumnStabiliser[];
  hourModels: LassoFit[];
}

export function calibrateLear(
  history: MarketDays,
  targetDay: number,
  window: number,
  options: LearPenaltyOptions = {},
  transform: StabiliserKind = 'asinh',
): LearCalibration {
  const lastDay = targetDay - 1;
  const firstDay = Math.max(targetDay - window + MAX_LAG, MAX_LAG);
  const { x, y, rows, columns } = buildColumnDesign(history, firstDay, lastDay);
  const featureScales = stabiliseColumnsWith(transform, x, rows, columns - WEEKDAY_DUMMIES);
  const priceScales = stabiliseColumnsWith(transform, y, rows, HOURS);
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
    row[j] = scale.to(row[j]!);
  });
  const forecast = new Float64Array(HOURS);
  for (let h = 0; h < HOURS; h++) {
    forecast[h] = calibration.priceScales[h]!.from(predictLinear(calibration.hourModels[h]!, row));
  }
  return forecast;
}

/** One LEAR forecast per calibration window (asinh), and their average (the LEAR ensemble). */
export function forecastLearEnsemble(
  history: MarketDays,
  targetDay: number,
  windows: readonly number[] = LEAR_WINDOWS,
  options: LearPenaltyOptions = {},
): { members: Float64Array[]; ensemble: Float64Array } {
  return forecastLearMembers(
    history,
    targetDay,
    windows.map((window) => ({ window, transform: 'asinh' })),
    options,
  );
}

/** One LEAR forecast per member (window and transform), and their plain average. */
export function forecastLearMembers(
  history: MarketDays,
  targetDay: number,
  chosen: readonly LearMember[],
  options: LearPenaltyOptions = {},
): { members: Float64Array[]; ensemble: Float64Array } {
  if (chosen.length === 0) throw new RangeError('a LEAR ensemble needs at least one member');
  // A window longer than the history calibrates on all of it (as the first days of a
  // validation year must), so every member is always there and the names stay aligned.
  const members = chosen.map(({ window, transform }) =>
    forecastWithLear(
      calibrateLear(history, targetDay, window, options, transform),
      history,
      targetDay,
    ),
  );
  const ensemble = new Float64Array(HOURS);
  for (const m of members) for (let h = 0; h < HOURS; h++) ensemble[h]! += m[h]! / members.length;
  return { members, ensemble };
}
