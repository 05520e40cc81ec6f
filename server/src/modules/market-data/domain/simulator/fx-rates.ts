import type { Instrument } from '../instrument.js';
import type { Random } from '../prng.js';
import { advanceLogLevels } from './fundamentals.js';

/**
 * The simulated FX rates: each a slow mean-reverting random walk of its log around a
 * realistic level. Daily volatility near half a percent and a reversion of a few
 * thousandths a day give the few-percent swings over months that the major pairs show,
 * not a rate that snaps back overnight. Rates are units of the quote currency per euro.
 */
export const FX_LEVELS = {
  EURUSD: { mean: 1.08, dailyVol: 0.0045, reversionPerDay: 0.005 },
  EURGBP: { mean: 0.86, dailyVol: 0.003, reversionPerDay: 0.005 },
} as const;

export type FxSeries = keyof typeof FX_LEVELS;

export const initialFxRates = (): Record<FxSeries, number> => ({
  EURUSD: FX_LEVELS.EURUSD.mean,
  EURGBP: FX_LEVELS.EURGBP.mean,
});

export const advanceFxRates = (
  rates: Readonly<Record<FxSeries, number>>,
  days: number,
  random: Random,
): Record<FxSeries, number> => advanceLogLevels(FX_LEVELS, rates, days, random);

const isFxSeries = (area: string): area is FxSeries => area in FX_LEVELS;

/** The fair rate an FX instrument marks at, or null for a pair the simulator does not run. */
export function fxMark(
  instrument: Instrument,
  rates: Readonly<Record<FxSeries, number>>,
): number | null {
  return isFxSeries(instrument.area) ? rates[instrument.area] : null;
}
