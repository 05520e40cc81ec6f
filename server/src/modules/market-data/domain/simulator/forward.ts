import type { DeliveryInterval } from '../delivery-period.js';
import type { Instrument } from '../instrument.js';
import type { FxSeries } from './fx-rates.js';
import type { FuelSeries, PowerMarket } from './markets.js';
import { CRUDE_DIFFERENTIALS, FUEL_LEVELS, POWER_MARKETS, MWH_PER_THERM } from './markets.js';
import { marginalCost } from './pricing.js';

/**
 * Forward prices of the simulated world: what each delivery window is expected to cost,
 * given today's fuel and carbon prices. Every fuel's log reverts to its long-run level
 * at its own rate, so a near window prices close to today and a far one close to the
 * long-run level; gas and power carry a winter premium; power is the marginal cost of
 * gas plant times the share of it the market's day-ahead prices average (see
 * `baseToSrmc`). Futures quote, settle and build the forward curve from this one
 * function, keyed by the product (commodity, area, load shape) and the delivery window,
 * so a listed contract with its own window prices the same way as a rolling one.
 */

type Fuels = Readonly<Record<FuelSeries, number>>;
type FxRates = Readonly<Record<FxSeries, number>>;
export type ForwardProduct = Pick<Instrument, 'commodity' | 'area' | 'loadShape'>;

const DAY_MS = 86_400_000;
/** EUA and UKA December futures carry the cost of money on the spot allowance. */
const CARBON_CARRY_PER_YEAR = 0.03;
/** Working-day peak hours over base load on a solar-heavy continental market. */
const PEAK_PREMIUM = 1.1;

/** Expected level of a fuel `days` ahead: its log reverts towards the long-run mean. */
export function expectedFuel(series: FuelSeries, current: number, days: number): number {
  const level = FUEL_LEVELS[series];
  const decay = Math.exp(-level.reversionPerDay * Math.max(0, days));
  return Math.exp(Math.log(level.mean) + (Math.log(current) - Math.log(level.mean)) * decay);
}

/** Winter premium of gas and power: dearer in January, cheaper in July. */
export const winterFactor = (month: number, amplitude: number): number =>
  1 + amplitude * Math.cos((2 * Math.PI * (month - 1)) / 12);

/**
 * The time-weighted mean of `value` over a window, taken at the middle of each calendar
 * month it overlaps (month-level seasonality is all the forwards carry).
 */
function overWindow(window: DeliveryInterval, value: (instant: number) => number): number {
  let sum = 0;
  let weight = 0;
  for (let t = window.start; t < window.end;) {
    const d = new Date(t);
    const monthEnd = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
    const end = Math.min(monthEnd, window.end);
    sum += value((t + end) / 2) * (end - t);
    weight += end - t;
    t = end;
  }
  return weight === 0 ? value(window.start) : sum / weight;
}

const monthOf = (instant: number): number => new Date(instant).getUTCMonth() + 1;

function forwardFuels(fuels: Fuels, asOf: number, at: number): Record<FuelSeries, number> {
  const days = (at - asOf) / DAY_MS;
  const out = { ...fuels } as Record<FuelSeries, number>;
  for (const series of Object.keys(FUEL_LEVELS) as FuelSeries[])
    out[series] = expectedFuel(series, fuels[series], days);
  return out;
}

const marketOf = (area: string): PowerMarket | undefined =>
  POWER_MARKETS.find((m) => m.area === area);

/** The forward price of a product for a delivery window, as of `asOf`; null for what the world does not price. */
export function forwardPrice(
  product: ForwardProduct,
  window: DeliveryInterval,
  world: { fuels: Fuels; fx: FxRates },
  asOf: number,
): number | null {
  const { fuels, fx } = world;
  switch (product.commodity) {
    case 'power': {
      const market = marketOf(product.area);
      if (!market) return null;
      const shape = product.loadShape === 'peak' ? PEAK_PREMIUM : 1;
      return overWindow(window, (t) => {
        const srmc = marginalCost(market, forwardFuels(fuels, asOf, t), fx);
        return srmc * market.baseToSrmc * winterFactor(monthOf(t), 0.12) * shape;
      });
    }
    case 'gas': {
      const series: FuelSeries = product.area === 'HENRY-HUB' ? 'HENRY-HUB' : 'TTF';
      const level = overWindow(
        window,
        (t) =>
          expectedFuel(series, fuels[series], (t - asOf) / DAY_MS) * winterFactor(monthOf(t), 0.06),
      );
      return product.area === 'NBP' ? level * fx.EURGBP * MWH_PER_THERM : level;
    }
    case 'crude': {
      const differential =
        product.area === 'WTI'
          ? CRUDE_DIFFERENTIALS.WTI
          : product.area === 'MURBAN'
            ? CRUDE_DIFFERENTIALS.MURBAN
            : 0;
      const days = (window.start - asOf) / DAY_MS;
      return expectedFuel('BRENT', fuels.BRENT, days) + differential;
    }
    case 'emissions': {
      const series: FuelSeries = product.area === 'UK-ETS' ? 'UK-ETS' : 'EU-ETS';
      // A December future delivers at the end of its year, and carries the cost of money till then.
      const days = Math.max(0, (window.end - asOf) / DAY_MS);
      return expectedFuel(series, fuels[series], days) * (1 + (CARBON_CARRY_PER_YEAR * days) / 365);
    }
    case 'fx':
      return null;
  }
}
