import type { DeliveryInterval } from '../delivery-period.js';
import { deliveryDateOf, termPeriod } from '../delivery-period.js';
import type { Instrument } from '../instrument.js';
import type { Random } from '../prng.js';
import { addMonths } from '../time-zone.js';
import type { MarketConditions } from './fundamentals.js';
import { advanceLogLevels } from './fundamentals.js';
import { fxMark, type FxSeries } from './fx-rates.js';
import type { FuelSeries, PowerMarket } from './markets.js';
import { FUEL_LEVELS, GB_CARBON_SUPPORT, MWH_PER_THERM } from './markets.js';
import { forwardPrice } from './forward.js';

type Fuels = Readonly<Record<FuelSeries, number>>;
type FxRates = Readonly<Record<FxSeries, number>>;

/**
 * How each kind of instrument is priced from the simulated fundamentals: fuels and
 * allowances as mean-reverting log prices, power spot from the merit order, and
 * term products from fuel costs, since forwards price expected marginal cost. NBP in
 * pounds follows TTF in euros through the simulated EUR/GBP rate.
 */

export const advanceFuels = (
  fuels: Readonly<Record<FuelSeries, number>>,
  days: number,
  random: Random,
): Record<FuelSeries, number> => advanceLogLevels(FUEL_LEVELS, fuels, days, random);

/** Short-run marginal cost of the price-setting plant, in the market's currency per MWh. */
export function marginalCost(market: PowerMarket, fuels: Fuels, fx: FxRates): number {
  switch (market.fuelHub) {
    case 'TTF':
      return market.heatRate * fuels.TTF + market.emissionFactor * fuels['EU-ETS'];
    case 'NBP':
      return (
        (market.heatRate * nbpPerTherm(fuels, fx)) / MWH_PER_THERM +
        market.emissionFactor * (fuels['UK-ETS'] + GB_CARBON_SUPPORT)
      );
    case 'HENRY-HUB':
      return market.heatRate * fuels['HENRY-HUB'];
  }
}

const nbpPerTherm = (fuels: Fuels, fx: FxRates): number => fuels.TTF * fx.EURGBP * MWH_PER_THERM;
export type AreaPrices = Map<string, { price: number; srmc: number; conditions: MarketConditions }>;

export function spotPrice(
  instrument: Instrument,
  areas: AreaPrices,
  fuels: Fuels,
  fx: FxRates,
  random: Random,
): { price: number; volume: number } | null {
  if (instrument.commodity === 'fx') {
    // The tape prints FX volume from its liquidity; the mark only sets the rate.
    const rate = fxMark(instrument, fx);
    return rate === null ? null : { price: rate, volume: 0 };
  }
  if (instrument.commodity === 'gas') {
    const level = instrument.area === 'NBP' ? nbpPerTherm(fuels, fx) : fuels.TTF;
    return {
      price: level * (1 + 0.01 * random.normal()),
      volume: (50 + Math.floor(random.uniform() * 200)) * Number(instrument.lotSize),
    };
  }
  const area = areas.get(instrument.area);
  if (!area) return null;
  const quarterHour = instrument.deliveryPeriod === 'quarter-hour';
  // Quarter-hours scatter around the hour as ramps and forecast errors are traded out.
  const price = quarterHour
    ? area.price + 0.04 * Math.abs(area.price) * random.normal()
    : area.price;
  const clearedMwh = area.conditions.loadMw * 0.45 * (quarterHour ? 0.25 : 1);
  return { price, volume: clearedMwh };
}

/**
 * A futures mark: the forward price of the front contract, with a wobble well inside
 * the bid–offer (a few hundredths of a percent), so the tape, the settlements and the
 * forward curve built from them agree to within a spread.
 */
export function termPrice(
  instrument: Instrument,
  instant: number,
  fuels: Fuels,
  fx: FxRates,
  random: Random,
): number | null {
  const forward = forwardPrice(
    instrument,
    frontContract(instrument, instant),
    { fuels, fx },
    instant,
  );
  return forward === null ? null : forward * (1 + 0.0003 * (2 * random.uniform() - 1));
}

/** The nearest contract that has not started delivering: next month, quarter or year; December allowances for the current year. */
export function frontContract(instrument: Instrument, instant: number): DeliveryInterval {
  const today = deliveryDateOf(instrument.timeZone, instant, instrument.dayStartHour);
  const type =
    instrument.deliveryPeriod === 'quarter'
      ? 'quarter'
      : instrument.deliveryPeriod === 'year'
        ? 'year'
        : 'month';
  if (instrument.commodity === 'emissions') return termPeriod(instrument, 'year', today.year, 1);
  const step =
    type === 'month' ? 1 : type === 'quarter' ? 3 - ((today.month - 1) % 3) : 13 - today.month;
  const next = addMonths({ ...today, day: 1 }, step);
  return termPeriod(instrument, type, next.year, next.month);
}
