import { addDays } from './dataset-csv.js';
import { HOURS } from './domain/market-days.js';
import type { HourlyDays } from './hourly-days.js';

/** Local delivery days of a target's values, with the fundamentals that travel with it. */
export interface SeriesWindow extends HourlyDays {
  /** Day-ahead fundamentals (only uploaded price data sets have them). */
  exogenous: Float64Array[];
}

/** A series as the models and the training worker take it (the target is named `price`, as in the domain). */
export interface TrainingSeries {
  firstDate: string;
  days: number;
  price: number[];
  exogenous: number[][];
}

/** Days `[from, to)` of a window as a training series; values past `knownTo` are left out (a day to forecast). */
export function trainingSeries(
  window: SeriesWindow,
  from: number,
  to: number,
  knownTo = to,
): TrainingSeries {
  return {
    firstDate: addDays(window.firstDate, from),
    days: to - from,
    price: Array.from(window.values.subarray(from * HOURS, knownTo * HOURS)),
    exogenous: window.exogenous.map((s) => Array.from(s.subarray(from * HOURS, to * HOURS))),
  };
}
