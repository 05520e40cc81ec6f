import type { Instrument } from '../instrument.js';

/**
 * How actively each kind of product trades on the simulated continuous market, in
 * round numbers of the right order rather than calibrated figures: how often it
 * prints, how far its price wanders within an hour, how wide its bid–offer is and
 * what a typical trade is worth. Day-ahead blocks are absent: they are indices,
 * published once from the day's hours, and never trade on the tape.
 */
/**
 * How closely a stretch of time is printed: live, the recent past of the start-up
 * history, or older history. The history is printed sparser (with bigger trades, so
 * volume per hour stays the same) because every print is a row stored at start-up.
 */
export type Detail = 'live' | 'recent' | 'history';

export interface Liquidity {
  /** Prints per hour at each level of detail. */
  printsPerHour: Readonly<Record<Detail, number>>;
  /** Standard deviation of the fair value's move over one hour, relative to its level. */
  hourlyVolatility: number;
  /** Half the bid–offer spread, relative to the level. */
  halfSpread: number;
  /**
   * Level (currency units) below which moves stop shrinking with the price, so that a
   * power hour near zero or below still trades with a spread and some wander.
   */
  levelFloor: number;
  /** Lots traded per hour; for spot power derived from the cleared volume instead. */
  lotsPerHour: number;
  /** Share of a spot power period's cleared volume that trades on the tape in an hour. */
  clearedShare?: number;
}

const SPOT_POWER_FLOOR = 20;

/** Live, last-day and older rates: enough for bodies and wicks on 1m, 15m and 1h bars of busy products. */
const rates = (live: number, recent: number, history: number): Record<Detail, number> => ({
  live,
  recent,
  history,
});

/**
 * Major FX pairs print all the time, wander about a tenth of a percent in an hour and
 * trade a pip or less wide; a lot is a million of the base currency.
 */
const FX_LIQUIDITY: Liquidity = {
  printsPerHour: rates(240, 12, 4),
  hourlyVolatility: 0.001,
  halfSpread: 0.00004,
  levelFloor: 0,
  lotsPerHour: 60,
};

export function liquidityOf(instrument: Instrument): Liquidity | null {
  if (instrument.commodity === 'fx') return FX_LIQUIDITY;
  switch (instrument.deliveryPeriod) {
    case 'base-block':
    case 'peak-block':
      return null;
    case 'hour':
      return {
        printsPerHour: rates(360, 12, 4),
        hourlyVolatility: 0.03,
        halfSpread: 0.002,
        levelFloor: SPOT_POWER_FLOOR,
        lotsPerHour: 0,
        clearedShare: 0.1,
      };
    case 'quarter-hour':
      return {
        printsPerHour: rates(180, 8, 2),
        hourlyVolatility: 0.05,
        halfSpread: 0.003,
        levelFloor: SPOT_POWER_FLOOR,
        lotsPerHour: 0,
        clearedShare: 0.1,
      };
    case 'gas-day':
      return {
        printsPerHour: rates(120, 6, 2),
        hourlyVolatility: 0.006,
        halfSpread: 0.001,
        levelFloor: 0,
        lotsPerHour: 2_400,
      };
    case 'month':
      // Peak months trade less than base months and fuel front months.
      return instrument.loadShape === 'peak'
        ? term(rates(60, 3, 1), 0.005, 0.0008, 300)
        : term(rates(120, 8, 3), 0.005, 0.0005, 1_200);
    case 'quarter':
    case 'year':
      return instrument.commodity === 'emissions'
        ? term(rates(120, 8, 3), 0.007, 0.0004, 1_200)
        : term(rates(30, 2, 0.5), 0.003, 0.0008, 240);
  }
}

const term = (
  printsPerHour: Record<Detail, number>,
  hourlyVolatility: number,
  halfSpread: number,
  lotsPerHour: number,
): Liquidity => ({ printsPerHour, hourlyVolatility, halfSpread, levelFloor: 0, lotsPerHour });

const MINUTE_MS = 60_000;

/**
 * The detail of the start-up history at a moment: live for the last half hour (minute
 * bars), recent through the last day (quarter-hour bars), sparse before (hourly bars).
 */
export function historyDetail(now: number): (time: number) => Detail {
  return (time) => {
    const age = now - time;
    if (age <= 30 * MINUTE_MS) return 'live';
    if (age <= 24 * 60 * MINUTE_MS) return 'recent';
    return 'history';
  };
}
