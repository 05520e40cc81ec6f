/**
 * A market's hourly series laid out day by day (24 delivery hours a day, day-major:
 * `price[day * 24 + hour]`). Daylight-saving days are normalised to 24 hours before
 * they get here (see `toDeliveryDays` in preprocessing).
 */
export const HOURS = 24;

export interface MarketDays {
  /** Number of delivery days covered by the exogenous series and weekdays. */
  readonly days: number;
  /** Day-ahead prices; may be shorter than `days * 24` when the latest days are not yet known. */
  readonly price: Float64Array;
  /** Day-ahead forecasts of fundamentals (load, wind, generation), one array per series. */
  readonly exogenous: readonly Float64Array[];
  /** Weekday of each day, Monday = 0 ... Sunday = 6. */
  readonly weekday: Uint8Array;
}

/**
 * The information a trader has when bidding for `day`: prices up to the day before,
 * fundamentals forecasts and calendar up to and including `day`. Copying rather than
 * viewing makes reading a price of `day` impossible by construction.
 */
export function historyBefore(market: MarketDays, day: number): MarketDays {
  return {
    days: day + 1,
    price: market.price.slice(0, day * HOURS),
    exogenous: market.exogenous.map((series) => series.slice(0, (day + 1) * HOURS)),
    weekday: market.weekday.slice(0, day + 1),
  };
}

/** The 24 hourly values of one day. */
export function dayOf(series: Float64Array, day: number): Float64Array {
  return series.subarray(day * HOURS, (day + 1) * HOURS);
}
