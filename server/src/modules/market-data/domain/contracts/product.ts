import type { Commodity, Currency, EnergyUnit, Venue } from '../instrument.js';
import type { BusinessCalendar } from './business-days.js';

/**
 * A product's contract specification as data: what one lot delivers, when, and how
 * its contracts are listed, stop trading and settle. Each product in `products.ts`
 * cites the venue's published specification it follows.
 */

/** The delivery periods a product lists contracts for. `december` is the EUA December expiry. */
export type Tenor =
  'day' | 'weekend' | 'week' | 'month' | 'quarter' | 'season' | 'year' | 'december';

export const TENORS: readonly Tenor[] = [
  'day',
  'weekend',
  'week',
  'month',
  'quarter',
  'season',
  'year',
  'december',
];

/**
 * Which hours of the delivery window a lot delivers in. `base` is every hour of every
 * delivery day (a gas day runs from the product's `dayStartHour`); `peak` only the local
 * hours [fromHour, toHour) of the listed weekdays (0 = Sunday), public holidays included,
 * as EEX defines peak. `lot` products deliver an amount rather than a rate (allowances,
 * barrels), so their energy per lot is the lot itself.
 */
export type DeliveryProfile =
  | { kind: 'base' }
  | { kind: 'peak'; weekdays: readonly number[]; fromHour: number; toHour: number }
  | { kind: 'lot' };

/** How many contracts of each tenor are open for trading at once: the next N still trading. */
export type ListingCycle = Partial<Record<Tenor, number>>;

/** When a contract stops trading, from its delivery period. */
export type LastTradingRule =
  /** The n-th business day before the first delivery day (EEX: 1; ICE Endex TTF: 2). */
  | { kind: 'business-days-before-delivery'; days: number }
  /**
   * ICE Endex EUA: the last Monday of the contract month, or the penultimate one when the
   * last is a UK bank holiday or one falls in the four days after it.
   */
  | { kind: 'last-monday-of-month' }
  /**
   * ICE Brent: the last business day of the month `monthsBefore` months before the
   * contract month, one business day earlier when that is the business day before
   * Christmas Day or New Year's Day.
   */
  | { kind: 'last-business-day-months-before'; monthsBefore: number };

/** The contract's own unit of quantity: a rate of delivery (MW) or an amount (t, bbl). */
export type QuantityUnit = 'MW' | 't' | 'bbl';

export interface ProductSpec {
  /** `PWR-DE-LU-BASE`; contract ids are this code and the period (`PWR-DE-LU-BASE-2027-01`). */
  code: string;
  name: string;
  commodity: Commodity;
  /** Bidding zone, gas hub, scheme or crude grade, as on the catalogue's instruments. */
  area: string;
  venue: Venue;
  /** ISO 10383 market identifier code of the trading venue. */
  mic: string;
  currency: Currency;
  /** What a price is per. */
  priceUnit: EnergyUnit;
  /** Price increment, as a decimal string. */
  tickSize: string;
  /** One lot in `quantityUnit`: 1 MW of power or gas, 1,000 t of allowances, 1,000 bbl. */
  lotSize: string;
  quantityUnit: QuantityUnit;
  /** IANA zone the delivery periods are defined in. */
  timeZone: string;
  /** Local hour a delivery day starts: 0 for power, 6 for a TTF gas day. */
  dayStartHour: number;
  profile: DeliveryProfile;
  cycle: ListingCycle;
  /** No contract delivering after this year is listed (EUA Phase 4 ends in 2030). */
  lastListedYear?: number;
  /** Whose holidays count when stepping over business days. */
  calendar: BusinessCalendar;
  lastTrading: LastTradingRule;
  /** Trading on the last trading day ends at this local time in `closeTimeZone`. */
  closeTime: string;
  closeTimeZone: string;
  settlement: 'physical' | 'cash';
  /**
   * Delivery in the n business days after the last trading day rather than over the
   * contract's period: EUAs are transferred in the registry within three business days.
   */
  deliveryBusinessDaysAfterExpiry?: number;
  /**
   * What a contract of a tenor becomes at expiry, in place of being delivered: EEX
   * cascades a year into its quarters and a quarter into its months. A tenor not named
   * goes to delivery (or cash settlement).
   */
  cascade: Partial<Record<Tenor, Tenor>>;
  /** The catalogue's rolling instrument this product's contracts are priced like. */
  curveInstrumentId: string;
}
