/** What a market-data instrument is: the contract terms a desk quotes and stores against. */

/** Energy commodities, and the FX rates that convert between the currencies they are quoted in. */
export type Commodity = 'power' | 'gas' | 'crude' | 'emissions' | 'fx';

export type Venue =
  | 'EPEX SPOT'
  | 'Nord Pool'
  | 'N2EX'
  | 'PJM'
  | 'ERCOT'
  | 'ICE Endex'
  | 'ICE'
  | 'NYMEX'
  | 'IFAD'
  | 'EEX'
  /** Interbank FX, quoted over the counter rather than on an exchange. */
  | 'OTC';

export type EnergyUnit = 'MWh' | 'therm' | 'MMBtu' | 'bbl' | 'tCO2';
export type Currency = 'EUR' | 'GBP' | 'USD';
/** What one price is per: an amount of energy, or one unit of an FX pair's base currency. */
export type PriceUnit = EnergyUnit | Currency;

/**
 * The shape of what one price refers to. Spot periods (hour, quarter-hour, gas day,
 * base and peak blocks) are delivered within one delivery day; term periods are
 * futures and forwards traded ahead of delivery.
 */
export type DeliveryPeriodType =
  'quarter-hour' | 'hour' | 'gas-day' | 'base-block' | 'peak-block' | 'month' | 'quarter' | 'year';

export const SPOT_PERIOD_TYPES: readonly DeliveryPeriodType[] = [
  'quarter-hour',
  'hour',
  'gas-day',
  'base-block',
  'peak-block',
];

export type LoadShape = 'base' | 'peak';

/** Orders for a delivery day close at a local time a number of days before it. */
export interface GateClosure {
  daysBefore: number;
  localTime: string;
}

export interface Instrument {
  /** Stable identifier stored with every tick, e.g. `PWR-DE-LU-DA-H`. */
  id: string;
  name: string;
  commodity: Commodity;
  /** Bidding zone, gas hub, crude grade, emissions scheme or FX pair (`EURUSD`). */
  area: string;
  venue: Venue;
  /** What a price is per: MWh, therm, …; for an FX rate, one unit of the base currency. */
  unit: PriceUnit;
  currency: Currency;
  /** Price increment as a decimal string, so that it stays exact. */
  tickSize: string;
  /** Quantity increment in `unit`, as a decimal string. */
  lotSize: string;
  /** IANA zone the delivery periods are defined in. */
  timeZone: string;
  deliveryPeriod: DeliveryPeriodType;
  /** Base or peak load for block and term power products; base otherwise. */
  loadShape: LoadShape;
  /**
   * Local hour at which a delivery day starts: 0 for power, 6 for continental gas,
   * 5 for UK gas; term products of that commodity start at the same hour.
   */
  dayStartHour: number;
  /** Day-ahead auctions only. */
  gateClosure?: GateClosure;
  /** A listed contract's own terms (`PWR-DE-LU-BASE-2027-01`); absent on the rolling instruments. */
  contract?: ContractTerms;
}

/**
 * What a listed contract adds to an instrument: its fixed delivery window and expiry.
 * Its order quantities are in lots of `lotSize` in `quantityUnit` (MW of power or gas,
 * t of allowances, bbl), and one lot delivers `energyPerLot` of `unit` (MWh, t, bbl).
 */
export interface ContractTerms {
  productCode: string;
  /** `month`, `quarter`, `year` or `december`. */
  tenor: string;
  /** The period part of the id: `2027-01`, `2027-Q1`, `CAL-2027`. */
  period: string;
  /** UTC milliseconds [start, end). */
  deliveryStart: number;
  deliveryEnd: number;
  lastTradingDay: string;
  /** Orders are refused from this instant, and resting ones expire. */
  tradingEndsAt: number;
  quantityUnit: 'MW' | 't' | 'bbl';
  energyPerLot: number;
  /** The contracts an open position becomes at expiry; empty when it goes to delivery. */
  cascadesInto: string[];
}

export const isSpotPeriod = (type: DeliveryPeriodType): boolean => SPOT_PERIOD_TYPES.includes(type);
