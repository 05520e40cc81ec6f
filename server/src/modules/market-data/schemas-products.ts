import { z } from 'zod';
import { TENORS } from './domain/contracts/product.js';
import { boundedIsoDate } from './ranges.js';

/** Request and response shapes of the product and listed-contract API. */

const tenor = z.enum(TENORS as [string, ...string[]]);

export const product = z.object({
  code: z.string(),
  name: z.string(),
  commodity: z.string(),
  area: z.string(),
  venue: z.string(),
  mic: z.string(),
  currency: z.string(),
  priceUnit: z.string(),
  tickSize: z.string(),
  lotSize: z.string(),
  quantityUnit: z.string(),
  timeZone: z.string(),
  dayStartHour: z.number().int(),
  profile: z.object({
    kind: z.enum(['base', 'peak', 'lot']),
    weekdays: z.array(z.number().int()).optional(),
    fromHour: z.number().int().optional(),
    toHour: z.number().int().optional(),
  }),
  cycle: z.record(z.string(), z.number().int()),
  lastListedYear: z.number().int().nullable(),
  calendar: z.string(),
  lastTrading: z.object({
    kind: z.string(),
    days: z.number().int().optional(),
    monthsBefore: z.number().int().optional(),
  }),
  closeTime: z.string(),
  closeTimeZone: z.string(),
  settlement: z.enum(['physical', 'cash']),
  deliveryBusinessDaysAfterExpiry: z.number().int().nullable(),
  cascade: z.record(z.string(), z.string()),
  curveInstrumentId: z.string(),
});

export const productList = z.object({ items: z.array(product) });

export const productParams = z.object({ code: z.string().min(1).max(64) });

export const contractsQuery = z.object({
  /** The trading day to list for, in the venue's zone; today when absent. */
  asOf: boundedIsoDate().optional(),
  tenor: tenor.optional(),
});

export const listedContract = z.object({
  id: z.string(),
  tenor,
  period: z.string(),
  firstDeliveryDay: z.string(),
  lastDeliveryDay: z.string(),
  deliveryStart: z.string(),
  deliveryEnd: z.string(),
  lastTradingDay: z.string(),
  tradingEndsAt: z.string(),
  /** Hours a lot delivers in (0 for allowances and barrels). */
  deliveryHours: z.number().int(),
  /** What one lot delivers, in `energyUnit`. */
  energyPerLot: z.number(),
  energyUnit: z.string(),
  /** `trading` now, `expired` (its trading has ended), or `not_yet_listed` (listed later than now). */
  status: z.enum(['trading', 'expired', 'not_yet_listed']),
  cascadesInto: z.array(z.string()),
});

export const contractList = z.object({
  product: z.string(),
  asOf: z.string(),
  items: z.array(listedContract),
});
