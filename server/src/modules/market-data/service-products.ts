import { notFound } from '../../platform/errors.js';
import type { Clock } from '../../platform/clock.js';
import { deliveryHours, energyPerLot } from './domain/contracts/energy.js';
import {
  listedContracts,
  listedContractsAt,
  type ListedContract,
} from './domain/contracts/listing.js';
import type { ProductSpec, Tenor } from './domain/contracts/product.js';
import { findProduct, PRODUCTS } from './domain/contracts/products.js';
import { formatLocalDate, parseLocalDate, toLocal } from './domain/time-zone.js';

/** The product catalogue and the contracts each lists on a trading day; pure reads of code-held specs. */
export function createProductService(deps: { clock: Clock }) {
  const iso = (ms: number) => new Date(ms).toISOString();

  function productView(p: ProductSpec) {
    return {
      ...p,
      profile:
        p.profile.kind === 'peak'
          ? { ...p.profile, weekdays: [...p.profile.weekdays] }
          : { kind: p.profile.kind },
      cycle: { ...p.cycle },
      cascade: { ...p.cascade },
      lastListedYear: p.lastListedYear ?? null,
      deliveryBusinessDaysAfterExpiry: p.deliveryBusinessDaysAfterExpiry ?? null,
    };
  }

  function contractView(p: ProductSpec, c: ListedContract, now: number, listedNow: Set<string>) {
    return {
      id: c.id,
      tenor: c.tenor,
      period: c.period,
      firstDeliveryDay: c.firstDeliveryDay,
      lastDeliveryDay: c.lastDeliveryDay,
      deliveryStart: iso(c.deliveryStart),
      deliveryEnd: iso(c.deliveryEnd),
      lastTradingDay: c.lastTradingDay,
      tradingEndsAt: iso(c.tradingEndsAt),
      deliveryHours: deliveryHours(p, c),
      energyPerLot: energyPerLot(p, c),
      energyUnit: p.priceUnit,
      status:
        c.tradingEndsAt <= now
          ? ('expired' as const)
          : listedNow.has(c.id)
            ? ('trading' as const)
            : ('not_yet_listed' as const),
      cascadesInto: c.cascadesInto,
    };
  }

  return {
    products: () => ({ items: PRODUCTS.map(productView) }),

    contracts(code: string, query: { asOf?: string | undefined; tenor?: string | undefined }) {
      const p = findProduct(code);
      if (!p) throw notFound(`product ${code}`, 'product_not_found');
      const now = deps.clock.now();
      const today = toLocal(p.closeTimeZone, now);
      const day = query.asOf === undefined ? today : (parseLocalDate(query.asOf) ?? today);
      const listedNow = new Set(listedContractsAt(p, now).map((c) => c.id));
      const items = listedContracts(p, day)
        .filter((c) => query.tenor === undefined || c.tenor === (query.tenor as Tenor))
        .map((c) => contractView(p, c, now, listedNow));
      return { product: p.code, asOf: formatLocalDate(day), items };
    },
  };
}

export type ProductService = ReturnType<typeof createProductService>;
