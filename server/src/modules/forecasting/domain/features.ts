import { HOURS, type MarketDays } from './market-days.js';

/**
 * The LEAR regressors of epftoolbox for target day d: prices of d-1, d-2, d-3 and d-7
 * for all 24 hours, each fundamentals forecast for d, d-1 and d-7 for all 24 hours, and
 * seven weekday dummies (kept last so scaling can skip them).
 */
export const PRICE_LAGS = [1, 2, 3, 7] as const;
export const EXOGENOUS_LAGS = [0, 1, 7] as const;
export const WEEKDAY_DUMMIES = 7;
/** The oldest day a row reaches back to. */
export const MAX_LAG = 7;

export function featureCount(exogenousSeries: number): number {
  return (
    HOURS * PRICE_LAGS.length + HOURS * EXOGENOUS_LAGS.length * exogenousSeries + WEEKDAY_DUMMIES
  );
}

/** Writes the regressors for target `day` into `out` from `offset`. */
export function writeFeatureRow(
  market: MarketDays,
  day: number,
  out: Float64Array,
  offset: number,
): void {
  let k = offset;
  for (const lag of PRICE_LAGS) {
    const from = (day - lag) * HOURS;
    for (let h = 0; h < HOURS; h++) out[k++] = market.price[from + h]!;
  }
  for (const series of market.exogenous) {
    for (const lag of EXOGENOUS_LAGS) {
      const from = (day - lag) * HOURS;
      for (let h = 0; h < HOURS; h++) out[k++] = series[from + h]!;
    }
  }
  const weekday = market.weekday[day]!;
  for (let w = 0; w < WEEKDAY_DUMMIES; w++) out[k++] = w === weekday ? 1 : 0;
}

/**
 * A row-major design matrix for target days `firstDay..lastDay` (inclusive) and their
 * 24 hourly prices as targets.
 */
export function buildDesign(
  market: MarketDays,
  firstDay: number,
  lastDay: number,
): { x: Float64Array; y: Float64Array; rows: number; columns: number } {
  const columns = featureCount(market.exogenous.length);
  const rows = lastDay - firstDay + 1;
  const x = new Float64Array(rows * columns);
  const y = new Float64Array(rows * HOURS);
  for (let r = 0; r < rows; r++) {
    const day = firstDay + r;
    writeFeatureRow(market, day, x, r * columns);
    y.set(market.price.subarray(day * HOURS, (day + 1) * HOURS), r * HOURS);
  }
  return { x, y, rows, columns };
}

/**
 * The same design column-major (`x[j * rows + r]`) and the targets hour-major
 * (`y[h * rows + r]`): LEAR scales, centres and multiplies whole columns, which is
 * contiguous work in this layout.
 */
export function buildColumnDesign(
  market: MarketDays,
  firstDay: number,
  lastDay: number,
): { x: Float64Array; y: Float64Array; rows: number; columns: number } {
  const columns = featureCount(market.exogenous.length);
  const rows = lastDay - firstDay + 1;
  const x = new Float64Array(rows * columns);
  const y = new Float64Array(rows * HOURS);
  let j = 0;
  const copyLagged = (series: Float64Array, lag: number): void => {
    for (let h = 0; h < HOURS; h++, j++) {
      const to = j * rows;
      for (let r = 0; r < rows; r++) x[to + r] = series[(firstDay + r - lag) * HOURS + h]!;
    }
  };
  for (const lag of PRICE_LAGS) copyLagged(market.price, lag);
  for (const series of market.exogenous) for (const lag of EXOGENOUS_LAGS) copyLagged(series, lag);
  for (let w = 0; w < WEEKDAY_DUMMIES; w++, j++) {
    for (let r = 0; r < rows; r++) x[j * rows + r] = market.weekday[firstDay + r] === w ? 1 : 0;
  }
  for (let h = 0; h < HOURS; h++) {
    for (let r = 0; r < rows; r++) y[h * rows + r] = market.price[(firstDay + r) * HOURS + h]!;
  }
  return { x, y, rows, columns };
}
