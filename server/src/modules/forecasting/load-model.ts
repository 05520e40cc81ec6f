import { HOURS, type MarketDays } from './domain/market-days.js';
import {
  fitSeasonalModel,
  predictSeasonal,
  type SeasonalObservation,
} from './domain/seasonal-model.js';
import type { DayAheadModel } from './domain/walk-forward.js';

/**
 * The additive seasonal model as a day-ahead load forecaster: each morning it is fitted
 * on the last `window` days of load (trend, daily, weekly and yearly Fourier terms) with
 * two regressors, the load of the same hour a week earlier and its mean over the last
 * four weeks. They carry the weekday shape additive terms cannot (a Sunday's morning
 * ramp is not a Tuesday's), the mean with a quarter of one week's noise. With several
 * windows, the forecasts are averaged as LEAR's are. Market data has no holiday
 * calendar yet, so the holiday term stays unused.
 */
export const PROFILE_WEEKS = 4;
/** Days the weekday profile looks back. */
export const PROFILE_DAYS = 7 * PROFILE_WEEKS;
/** Days a fit needs beyond those the profile looks back. */
export const MIN_FIT_DAYS = 28;

function weekdayProfile(history: MarketDays, day: number, hour: number): number {
  let sum = 0;
  for (let w = 1; w <= PROFILE_WEEKS; w++) sum += history.price[(day - 7 * w) * HOURS + hour]!;
  return sum / PROFILE_WEEKS;
}

const observation = (history: MarketDays, day: number, hour: number): SeasonalObservation => ({
  hour: day * HOURS + hour,
  holiday: false,
  regressors: [history.price[(day - 7) * HOURS + hour]!, weekdayProfile(history, day, hour)],
});

export function seasonalForecast(history: MarketDays, day: number, window: number): Float64Array {
  const first = Math.max(PROFILE_DAYS, day - window);
  const observations: SeasonalObservation[] = [];
  for (let d = first; d < day; d++)
    for (let h = 0; h < HOURS; h++) observations.push(observation(history, d, h));
  const model = fitSeasonalModel(observations, history.price.subarray(first * HOURS, day * HOURS));
  return predictSeasonal(
    model,
    Array.from({ length: HOURS }, (_, h) => observation(history, day, h)),
  );
}

export function seasonalLoadModel(windows: readonly number[]): DayAheadModel {
  return {
    names: ['seasonal'],
    forecastDay(history, day) {
      const forecasts = windows.map((w) => seasonalForecast(history, day, w));
      const mean = new Float64Array(HOURS);
      for (const f of forecasts)
        for (let h = 0; h < HOURS; h++) mean[h]! += f[h]! / forecasts.length;
      return [mean];
    },
  };
}
