import { localToUtc, addDays, formatLocalDate, toLocal, type LocalDate } from '../time-zone.js';
import { businessDaysAfter } from './business-days.js';
import { lastTradingDay } from './last-trading-day.js';
import {
  nextPeriod,
  parsePeriodCode,
  periodHolding,
  periodsWithin,
  type ContractPeriod,
} from './periods.js';
import { TENORS, type ProductSpec, type Tenor } from './product.js';
import { PRODUCTS } from './products.js';

/** One contract of a product: its delivery window, when it stops trading, and what it becomes then. */
export interface ListedContract {
  /** `<product>-<period>`: `PWR-DE-LU-BASE-2027-01`, `GAS-TTF-SUM-2027`, `EUA-DEC-2027`. */
  id: string;
  productCode: string;
  tenor: Tenor;
  /** The period part of the id: `2027-01`, `2027-Q1`, `CAL-2028`. */
  period: string;
  /** First and last local delivery day, inclusive, `YYYY-MM-DD`. */
  firstDeliveryDay: string;
  lastDeliveryDay: string;
  /** Delivery as UTC milliseconds [start, end), from the day start hour of the first day. */
  deliveryStart: number;
  deliveryEnd: number;
  lastTradingDay: string;
  /** The instant trading ends on the last trading day (the venue's close). */
  tradingEndsAt: number;
  /** The contracts an open position becomes at expiry; empty when it goes to delivery or cash settlement. */
  cascadesInto: string[];
}

function closeInstant(product: ProductSpec, day: LocalDate): number {
  const [hour = 0, minute = 0] = product.closeTime.split(':').map(Number);
  return localToUtc(product.closeTimeZone, day, hour, minute);
}

/** The contract of a product for a delivery period. */
export function contractFor(product: ProductSpec, period: ContractPeriod): ListedContract {
  const last = lastTradingDay(product, period);
  const child = product.cascade[period.tenor];
  const after = product.deliveryBusinessDaysAfterExpiry;
  const first = after ? businessDaysAfter(product.calendar, last, 1) : period.first;
  const end = after ? addDays(businessDaysAfter(product.calendar, last, after), 1) : period.end;
  return {
    id: `${product.code}-${period.code}`,
    productCode: product.code,
    tenor: period.tenor,
    period: period.code,
    firstDeliveryDay: formatLocalDate(first),
    lastDeliveryDay: formatLocalDate(addDays(end, -1)),
    deliveryStart: localToUtc(product.timeZone, first, product.dayStartHour),
    deliveryEnd: localToUtc(product.timeZone, end, product.dayStartHour),
    lastTradingDay: formatLocalDate(last),
    tradingEndsAt: closeInstant(product, last),
    cascadesInto: child ? periodsWithin(period, child).map((p) => `${product.code}-${p.code}`) : [],
  };
}

/** Periods are never listed further out than this many of them, whatever a cycle says. */
const SCAN_LIMIT = 2000;

/**
 * The contracts a product lists on a trading day: for each tenor of its cycle, the next
 * N contracts, in delivery order, whose last trading day is that day or later. A contract
 * on its last trading day is still listed; `listedContractsAt` drops it after the close.
 */
export function listedContracts(product: ProductSpec, tradingDay: LocalDate): ListedContract[] {
  const today = formatLocalDate(tradingDay);
  const listed: ListedContract[] = [];
  for (const tenor of TENORS) {
    const count = product.cycle[tenor] ?? 0;
    let period = periodHolding(tenor, tradingDay);
    for (let found = 0, scanned = 0; found < count && scanned < SCAN_LIMIT; scanned++) {
      if (product.lastListedYear !== undefined && period.first.year > product.lastListedYear) break;
      const contract = contractFor(product, period);
      if (contract.lastTradingDay >= today) {
        listed.push(contract);
        found++;
      }
      period = nextPeriod(period);
    }
  }
  return listed;
}

/** The contracts still trading at an instant: listed on the venue's local date, before that day's close. */
export function listedContractsAt(product: ProductSpec, instant: number): ListedContract[] {
  const local = toLocal(product.closeTimeZone, instant);
  return listedContracts(product, local).filter((c) => c.tradingEndsAt > instant);
}

/** The product whose code starts a contract id, and the period the rest names; undefined for anything else. */
export function parseContractId(
  id: string,
  products: readonly ProductSpec[] = PRODUCTS,
): { product: ProductSpec; contract: ListedContract } | undefined {
  for (const product of products) {
    if (!id.startsWith(`${product.code}-`)) continue;
    const period = parsePeriodCode(id.slice(product.code.length + 1));
    if (!period || !(product.cycle[period.tenor] ?? 0)) continue;
    return { product, contract: contractFor(product, period) };
  }
  return undefined;
}

/** The contracts a position in a contract becomes at its expiry, one level down. */
export function cascadeChildren(product: ProductSpec, contract: ListedContract): ListedContract[] {
  const child = product.cascade[contract.tenor];
  const period = parsePeriodCode(contract.period);
  if (!child || !period) return [];
  return periodsWithin(period, child).map((p) => contractFor(product, p));
}
