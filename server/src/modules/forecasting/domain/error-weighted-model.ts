import { recentErrorWeight, type ErrorWeightedBlendOptions } from './error-weighted-blend.js';
import { HOURS, type MarketDays } from './market-days.js';
import type { DayAheadModel } from './walk-forward.js';

/**
 * The error-weighted blend (error-weighted-blend.ts) as a model a desk runs day by day:
 * it remembers what each member forecast for the last `windowDays` days and, once those
 * days' prices are in the history, weights each member by 1 / MAE^power over them. Run
 * over consecutive days it gives exactly what the batch blend gives on the same forecasts.
 */
export function errorWeightedModel(
  name: string,
  members: readonly DayAheadModel[],
  options: ErrorWeightedBlendOptions,
): DayAheadModel {
  if (members.length === 0)
    throw new RangeError('an error-weighted model needs at least one member');
  /** Member forecasts by day, newest last; only the last windowDays are kept. */
  const remembered = new Map<number, Float64Array[]>();
  return {
    names: [name],
    forecastDay(history: MarketDays, targetDay: number): Float64Array[] {
      const forecasts = members.map((m) => m.forecastDay(history, targetDay)[0]!);
      const errors = new Float64Array(members.length);
      let seen = 0;
      for (let day = targetDay - options.windowDays; day < targetDay; day++) {
        const past = remembered.get(day);
        if (past === undefined || history.price.length < (day + 1) * HOURS) continue;
        seen++;
        past.forEach((forecast, k) => {
          for (let h = 0; h < HOURS; h++)
            errors[k]! += Math.abs(history.price[day * HOURS + h]! - forecast[h]!);
        });
      }
      const weights = Array.from(errors, (error) => recentErrorWeight(error, seen, options));
      const total = weights.reduce((s, w) => s + w, 0);
      const blend = new Float64Array(HOURS);
      forecasts.forEach((forecast, k) => {
        for (let h = 0; h < HOURS; h++) blend[h]! += (weights[k]! / total) * forecast[h]!;
      });
      remembered.set(targetDay, forecasts);
      for (const day of remembered.keys())
        if (day < targetDay - options.windowDays) remembered.delete(day);
      return [blend];
    },
  };
}
