import type { CommodityClass, CounterpartyExposure, CreditTrade } from './credit-exposure.js';
import { tidy } from './positions.js';

/**
 * The credit side of OTC deals: each open deal as the risk module's credit exposure maths
 * takes it, and the counterparty register joined with what that maths measured.
 */
export interface OpenDeal {
  id: string;
  counterparty: string;
  commodity: string;
  side: 'buy' | 'sell';
  price: number;
  quantity: number;
  deliveryEnd: number;
  /** Today's mark of the deal's instrument and period; null when there is none. */
  mark: number | null;
  /**
   * Units of the currency its counterparty's exposure is measured in (the limit's) per unit
   * of the deal's own currency; 1 when they are the same.
   */
  fxRate: number;
}

const YEAR_MS = 365.25 * 86_400_000;

const CLASSES: Record<string, CommodityClass> = {
  power: 'power',
  gas: 'gas',
  emissions: 'emissions',
  crude: 'oil',
};

/**
 * Mark-to-market from our side: a deal we bought below today's mark is worth the
 * difference to us, which the counterparty owes if it defaults. An unmarked deal counts
 * at its own price (no current exposure, notional still adds to PFE) and is named.
 * Values are converted into the currency of the counterparty's limit, so a USD deal and
 * a EUR deal net in one currency. Deals with a counterparty under a master agreement net
 * in one set per counterparty.
 */
export function creditTradesOf(
  deals: readonly OpenDeal[],
  opts: { now: number; nets: (counterparty: string) => boolean },
): { trades: CreditTrade[]; unmarked: string[] } {
  const unmarked: string[] = [];
  const trades = deals.map((d): CreditTrade => {
    if (d.mark === null) unmarked.push(d.id);
    const mark = d.mark ?? d.price;
    const sign = d.side === 'buy' ? 1 : -1;
    return {
      tradeId: d.id,
      counterparty: d.counterparty,
      ...(opts.nets(d.counterparty) ? { nettingSet: `agreement:${d.counterparty}` } : {}),
      markToMarket: tidy(sign * (mark - d.price) * d.quantity * d.fxRate),
      notional: Math.abs(d.quantity * mark * d.fxRate),
      commodityClass: CLASSES[d.commodity] ?? 'other',
      residualYears: Math.max(0, d.deliveryEnd - opts.now) / YEAR_MS,
    };
  });
  return { trades, unmarked };
}

export interface RegisteredCounterparty {
  id: string;
  name: string;
  creditLimit: number;
  currency: string;
  masterAgreement: string;
}

export type CreditStatus = 'within' | 'warning' | 'breach' | 'no_limit';

export interface CounterpartyCredit {
  id: string | null;
  name: string;
  creditLimit: number | null;
  currency: string | null;
  masterAgreement: string | null;
  openDeals: number;
  currentExposure: number;
  potentialFutureExposure: number;
  totalExposure: number;
  /** Total exposure over the limit; null without a limit, or against a zero limit. */
  utilisation: number | null;
  headroom: number | null;
  status: CreditStatus;
  overLimit: boolean;
}

/**
 * Every registered counterparty, with or without deals, and every counterparty dealt
 * with that is not registered (no limit: deal capture does not require one; its exposure
 * is in `unlimitedCurrency`, the reporting currency). Ordered by total exposure, largest
 * first (amounts in different currencies, so the order is only a guide across them).
 */
export function counterpartyCredit(
  register: readonly RegisteredCounterparty[],
  exposures: readonly CounterpartyExposure[],
  openDeals: ReadonlyMap<string, number>,
  opts: { unlimitedCurrency?: string; warningUtilisation?: number } = {},
): CounterpartyCredit[] {
  const warningUtilisation = opts.warningUtilisation ?? 0.8;
  const measured = new Map(exposures.map((e) => [e.counterparty, e]));
  const names = new Set([...register.map((r) => r.name), ...exposures.map((e) => e.counterparty)]);
  const registered = new Map(register.map((r) => [r.name, r]));
  return [...names]
    .map((name): CounterpartyCredit => {
      const entry = registered.get(name);
      const e = measured.get(name);
      const currentExposure = tidy(e?.currentExposure ?? 0);
      const potentialFutureExposure = tidy(e?.potentialFutureExposure ?? 0);
      const totalExposure = tidy(currentExposure + potentialFutureExposure);
      const base = {
        id: entry?.id ?? null,
        name,
        creditLimit: entry?.creditLimit ?? null,
        currency: entry?.currency ?? opts.unlimitedCurrency ?? null,
        masterAgreement: entry?.masterAgreement ?? null,
        openDeals: openDeals.get(name) ?? 0,
        currentExposure,
        potentialFutureExposure,
        totalExposure,
      };
      if (!entry)
        return { ...base, utilisation: null, headroom: null, status: 'no_limit', overLimit: false };
      const limit = entry.creditLimit;
      const over = totalExposure > limit;
      const utilisation = limit > 0 ? totalExposure / limit : totalExposure > 0 ? null : 0;
      const status = over
        ? 'breach'
        : utilisation !== null && utilisation >= warningUtilisation
          ? 'warning'
          : 'within';
      return {
        ...base,
        utilisation: utilisation === null ? null : tidy(utilisation),
        headroom: tidy(limit - totalExposure),
        status,
        overLimit: over,
      };
    })
    .sort((a, b) => b.totalExposure - a.totalExposure || a.name.localeCompare(b.name));
}

/**
 * Why a deal must not be booked against a counterparty's credit line, given the line
 * without and with the deal: refused when the deal leaves the exposure over the limit
 * and higher than it was. Unregistered counterparties have no limit to breach.
 */
export function creditRefusal(
  before: CounterpartyCredit | undefined,
  after: CounterpartyCredit | undefined,
): { code: string; message: string } | undefined {
  if (!after || after.creditLimit === null || !after.overLimit) return undefined;
  if (before && after.totalExposure <= before.totalExposure) return undefined;
  const money = (v: number) =>
    `${Math.round(v).toLocaleString('en-US')} ${after.currency ?? ''}`.trim();
  return {
    code: 'counterparty_credit_limit',
    message: `the deal would take the credit exposure to ${after.name} to ${money(after.totalExposure)}, over its limit of ${money(after.creditLimit)}`,
  };
}
