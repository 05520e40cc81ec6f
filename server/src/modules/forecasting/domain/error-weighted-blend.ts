import { HOURS } from './market-days.js';

/**
 * Blends several forecasts of the same days with weights that follow each model's own
 * recent accuracy: the weight of model k for day d is proportional to
 * 1 / MAE_k^power, its mean absolute error over the `windowDays` days before d.
 *
 * No look-ahead: the weights for day d read actual prices of days before d only, which
 * a desk knows when it bids for d (prices of d-1 are published the day before). Until
 * a model has `minimumDays` of errors the blend is the plain average.
 */
export interface ErrorWeightedBlendOptions {
  windowDays: number;
  /** 1 = inverse MAE; larger values lean harder toward the recent leader. */
  power?: number;
  minimumDays?: number;
}

/**
 * Settings of the error-weighted blend, chosen on the validation year before each test
 * period (bench --skip 728 --days 364), never on the test period itself: of windows of
 * 7 to 112 days and powers 1 to 4, a week's errors cubed had the lowest MAE averaged
 * over NP, FR and BE, though most settings were within 0.5% of it. Checked again with
 * the N-PIT members in: 7 days cubed or squared and 14 days cubed tied; kept.
 */
export const BLEND_SETTINGS: ErrorWeightedBlendOptions = { windowDays: 7, power: 3 };

/**
 * A model's weight from its absolute errors summed over the `daysSeen` days before the
 * day it bids: 1 / MAE^power, or 1 while it has fewer than `minimumDays` days of errors.
 */
export function recentErrorWeight(
  errorSum: number,
  daysSeen: number,
  options: ErrorWeightedBlendOptions,
): number {
  if (daysSeen < (options.minimumDays ?? 1)) return 1;
  const mae = errorSum / (Math.max(daysSeen, 1) * HOURS);
  return 1 / Math.pow(Math.max(mae, 1e-9), options.power ?? 1);
}

/** `actual` and each forecast are day-major, 24 hours a day, over the same days. */
export function errorWeightedBlend(
  actual: ArrayLike<number>,
  forecasts: readonly ArrayLike<number>[],
  options: ErrorWeightedBlendOptions,
): Float64Array {
  const { windowDays } = options;
  const days = Math.floor(actual.length / HOURS);
  const models = forecasts.length;
  // dailyError[k][d]: absolute error of model k summed over the hours of day d.
  const dailyError = forecasts.map((f) => {
    const errors = new Float64Array(days);
    for (let d = 0; d < days; d++) {
      let s = 0;
      for (let h = d * HOURS; h < (d + 1) * HOURS; h++) s += Math.abs(actual[h]! - f[h]!);
      errors[d] = s;
    }
    return errors;
  });
  const blend = new Float64Array(days * HOURS);
  const weights = new Float64Array(models);
  const windowError = new Float64Array(models);
  for (let d = 0; d < days; d++) {
    // Slide the window to days d - windowDays .. d - 1.
    if (d > 0) for (let k = 0; k < models; k++) windowError[k]! += dailyError[k]![d - 1]!;
    if (d > windowDays)
      for (let k = 0; k < models; k++) windowError[k]! -= dailyError[k]![d - 1 - windowDays]!;
    const seen = Math.min(d, windowDays);
    let total = 0;
    for (let k = 0; k < models; k++) {
      weights[k] = recentErrorWeight(windowError[k]!, seen, options);
      total += weights[k]!;
    }
    for (let h = d * HOURS; h < (d + 1) * HOURS; h++) {
      let s = 0;
      for (let k = 0; k < models; k++) s += (weights[k]! / total) * forecasts[k]![h]!;
      blend[h] = s;
    }
  }
  return blend;
}
