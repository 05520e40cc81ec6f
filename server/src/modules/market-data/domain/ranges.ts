/**
 * The finite ranges the desk accepts for market figures. A value outside them is a typo
 * or an attack, not a price: stored, it would poison every aggregate built on it (an
 * hourly bar's sum of 1e308 volumes is no longer a float). The README's "Accepted ranges"
 * table mirrors this file; keep them in step.
 */

/** Largest absolute price per unit of the instrument, in the instrument's currency. */
export const PRICE_LIMIT_BY_UNIT: Readonly<Record<string, number>> = {
  // Power: exchanges cap day-ahead at a few thousand EUR/MWh; a million is beyond any scarcity price.
  MWh: 1_000_000,
  MMBtu: 100_000,
  therm: 100_000,
  bbl: 100_000,
  tCO2: 100_000,
  // FX instruments price one euro in another currency.
  EUR: 1_000,
};

/** The widest price limit, for a price not yet tied to an instrument (or of an unknown unit). */
export const PRICE_LIMIT = 1_000_000;

/** Largest quantity or volume in one tick, order, deal or curve step (MWh, lots, tonnes). */
export const QUANTITY_LIMIT = 1_000_000_000;

/** Instants the platform stores: 1900-01-01 to 2200-01-01 UTC (epoch milliseconds). */
export const EARLIEST_INSTANT_MS = Date.UTC(1900, 0, 1);
export const LATEST_INSTANT_MS = Date.UTC(2200, 0, 1);

export function priceLimitOf(unit: string): number {
  return PRICE_LIMIT_BY_UNIT[unit] ?? PRICE_LIMIT;
}

export function isPriceInRange(price: number, unit: string): boolean {
  return Number.isFinite(price) && Math.abs(price) <= priceLimitOf(unit);
}

export function isInstantInRange(ms: number): boolean {
  return Number.isFinite(ms) && ms >= EARLIEST_INSTANT_MS && ms < LATEST_INSTANT_MS;
}
