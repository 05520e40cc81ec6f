import type { DeliveryPeriodType, Instrument } from '../instrument.js';
import { energyPerLot } from './energy.js';
import { listedContractsAt, parseContractId, type ListedContract } from './listing.js';
import type { ProductSpec, Tenor } from './product.js';
import { PRODUCTS } from './products.js';

/**
 * Listed contracts as catalogue instruments, so that trading can give each its own
 * book and every module that looks an instrument up by id finds its terms. Only tenors
 * the catalogue already has a delivery period for become instruments; days, weekends,
 * weeks and seasons are listed (see `listing.ts`) but not yet tradable.
 */
const PERIOD_OF: Partial<Record<Tenor, DeliveryPeriodType>> = {
  month: 'month',
  quarter: 'quarter',
  year: 'year',
  december: 'year',
};

export const TRADABLE_TENORS = Object.keys(PERIOD_OF) as readonly Tenor[];

export function contractInstrument(
  product: ProductSpec,
  contract: ListedContract,
): Instrument | undefined {
  const deliveryPeriod = PERIOD_OF[contract.tenor];
  if (!deliveryPeriod) return undefined;
  return {
    id: contract.id,
    name: `${product.name} ${contract.period}`,
    commodity: product.commodity,
    area: product.area,
    venue: product.venue,
    unit: product.priceUnit,
    currency: product.currency,
    tickSize: product.tickSize,
    lotSize: product.lotSize,
    timeZone: product.timeZone,
    deliveryPeriod,
    loadShape: product.profile.kind === 'peak' ? 'peak' : 'base',
    dayStartHour: product.dayStartHour,
    contract: {
      productCode: product.code,
      tenor: contract.tenor,
      period: contract.period,
      deliveryStart: contract.deliveryStart,
      deliveryEnd: contract.deliveryEnd,
      lastTradingDay: contract.lastTradingDay,
      tradingEndsAt: contract.tradingEndsAt,
      quantityUnit: product.quantityUnit,
      energyPerLot: energyPerLot(product, contract),
      cascadesInto: contract.cascadesInto,
    },
  };
}

const resolved = new Map<string, Instrument | null>();
const RESOLVED_LIMIT = 20_000;

/** The instrument of a contract id, whether or not it is listed today; undefined when the id names no contract. */
export function resolveContractInstrument(id: string): Instrument | undefined {
  let found = resolved.get(id);
  if (found === undefined) {
    const parsed = parseContractId(id);
    found = (parsed && contractInstrument(parsed.product, parsed.contract)) ?? null;
    if (resolved.size >= RESOLVED_LIMIT) resolved.clear();
    resolved.set(id, found);
  }
  return found ?? undefined;
}

/** How many contracts of each tenor a listing takes, at most: what the desk opens books for. */
export type ListingLimits = Partial<Record<Tenor, number>>;

/** The tradable contracts of the products at an instant, as instruments, nearest delivery first per tenor. */
export function listedContractInstruments(
  instant: number,
  limits: ListingLimits,
  products: readonly ProductSpec[] = PRODUCTS,
): Instrument[] {
  const instruments: Instrument[] = [];
  for (const product of products) {
    const taken = new Map<Tenor, number>();
    for (const contract of listedContractsAt(product, instant)) {
      const count = taken.get(contract.tenor) ?? 0;
      if (count >= (limits[contract.tenor] ?? 0)) continue;
      const instrument = resolveContractInstrument(contract.id);
      if (!instrument) continue;
      taken.set(contract.tenor, count + 1);
      instruments.push(instrument);
    }
  }
  return instruments;
}
