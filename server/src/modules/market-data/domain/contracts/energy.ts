import { toLocal } from '../time-zone.js';
import type { ListedContract } from './listing.js';
import type { ProductSpec } from './product.js';
import { findProduct } from './products.js';

const HOUR_MS = 3_600_000;

/**
 * The hours a contract delivers in, counted in the market's own time: every hour of
 * the window for base (a March month in Central Europe has 743, an October one 745),
 * for peak only the weekday hours of the peak window. Zero for a `lot` product, which
 * delivers an amount rather than a rate.
 */
export function deliveryHours(product: ProductSpec, contract: ListedContract): number {
  const { profile } = product;
  switch (profile.kind) {
    case 'lot':
      return 0;
    case 'base':
      return (contract.deliveryEnd - contract.deliveryStart) / HOUR_MS;
    case 'peak': {
      let hours = 0;
      for (let at = contract.deliveryStart; at < contract.deliveryEnd; at += HOUR_MS) {
        const local = toLocal(product.timeZone, at);
        if (
          profile.weekdays.includes(local.weekday) &&
          local.hour >= profile.fromHour &&
          local.hour < profile.toHour
        )
          hours++;
      }
      return hours;
    }
  }
}

/** What one lot delivers, in the product's price unit: MW × hours in MWh, or the lot itself (t, bbl). */
export function energyPerLot(product: ProductSpec, contract: ListedContract): number {
  const lot = Number(product.lotSize);
  return product.profile.kind === 'lot' ? lot : lot * deliveryHours(product, contract);
}

/** The energy (or amount) of a quantity in lots of a contract, in its product's price unit. */
export function contractEnergy(contract: ListedContract, quantityInLots: number): number {
  const product = findProduct(contract.productCode);
  if (!product) throw new Error(`unknown product ${contract.productCode}`);
  return energyPerLot(product, contract) * quantityInLots;
}
