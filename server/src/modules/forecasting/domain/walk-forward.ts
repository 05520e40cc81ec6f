import { historyBefore, HOURS, type MarketDays } from './market-days.js';

/** A model that bids day `targetDay` knowing only what `historyBefore` lets it see. */
export interface DayAheadForecaster {
  readonly name: string;
  forecastDay(history: MarketDays, targetDay: number): Float64Array;
}

/** Several named forecasts of one day from one model run (e.g. LEAR members and their ensemble). */
export interface DayAheadModel {
  readonly names: readonly string[];
  forecastDay(history: MarketDays, targetDay: number): Float64Array[];
}

export function asModel(forecaster: DayAheadForecaster): DayAheadModel {
  return { names: [forecaster.name], forecastDay: (h, d) => [forecaster.forecastDay(h, d)] };
}

export interface WalkForwardResult {
  names: string[];
  /** Forecasts per name, test days × 24, day-major. */
  forecasts: Map<string, Float64Array>;
  actual: Float64Array;
}

/**
 * Forecasts each day of `firstDay..market.days-1` from the history before it, as a
 * desk recalibrating every morning would. `onDay` reports progress.
 */
export function walkForward(
  market: MarketDays,
  firstDay: number,
  models: readonly DayAheadModel[],
  onDay: (done: number, total: number) => void = () => undefined,
): WalkForwardResult {
  const total = market.days - firstDay;
  const names = models.flatMap((m) => [...m.names]);
  const forecasts = new Map(names.map((n) => [n, new Float64Array(total * HOURS)] as const));
  for (let i = 0; i < total; i++) {
    const day = firstDay + i;
    const history = historyBefore(market, day);
    for (const model of models) {
      const outputs = model.forecastDay(history, day);
      model.names.forEach((name, k) => forecasts.get(name)!.set(outputs[k]!, i * HOURS));
    }
    onDay(i + 1, total);
  }
  const actual = market.price.slice(firstDay * HOURS, market.days * HOURS);
  return { names, forecasts, actual };
}
