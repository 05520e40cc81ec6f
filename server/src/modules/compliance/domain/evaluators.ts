import { forProduct, type RuleKind, type RuleParams } from './rule-kinds.js';
import type { RuleFacts, TradeSubject } from './subject.js';

/** Why a rule fires on a subject, in the desk's words; undefined when it does not. */
export type Evaluator<K extends RuleKind> = (
  params: RuleParams<K>,
  subject: TradeSubject,
  facts: RuleFacts,
) => string | undefined;

const fmt = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(4).replace(/0+$/, ''));

const DAY_MS = 86_400_000;

function daysBeforeDeadline(at: number, deadline: string): number {
  const d = new Date(at);
  const [month, day] = deadline.split('-').map(Number) as [number, number];
  let target = Date.UTC(d.getUTCFullYear(), month - 1, day + 1);
  if (target <= at) target = Date.UTC(d.getUTCFullYear() + 1, month - 1, day + 1);
  return (target - at) / DAY_MS;
}

export const EVALUATORS: { [K in RuleKind]: Evaluator<K> } = {
  restricted_list: (_p, s, f) => {
    const entry = f.restricted(s.instrumentId);
    return entry ? `${s.instrumentId} is on the restricted list: ${entry.reason}` : undefined;
  },

  sanctioned_counterparty: (_p, s, f) => {
    if (s.counterparty === null) return undefined;
    const hit = f.sanctioned(s.counterparty);
    return hit
      ? `counterparty ${s.counterparty} is on the sanctions list as ${hit.name} (${hit.programme})`
      : undefined;
  },

  max_order_size: (p, s) => {
    const max = forProduct(p.perProduct, s.instrumentId) ?? p.defaultMaxQuantity;
    return s.quantity > max
      ? `quantity ${fmt(s.quantity)} exceeds the maximum order size ${fmt(max)} for ${s.instrumentId}`
      : undefined;
  },

  price_collar: (p, s, f) => {
    if (s.price === null) return undefined;
    const bounds = forProduct(p.perProduct, s.instrumentId);
    if (bounds && (s.price < bounds.min || s.price > bounds.max))
      return `price ${fmt(s.price)} is outside the collar ${fmt(bounds.min)} to ${fmt(bounds.max)} for ${s.instrumentId}`;
    const ref = f.reference(s.instrumentId);
    if (!ref) return undefined;
    const half = Math.max((Math.abs(ref.price) * p.bandPercent) / 100, p.minBandAbsolute);
    const low = ref.price - half;
    const high = ref.price + half;
    return s.price < low || s.price > high
      ? `price ${fmt(s.price)} is outside the collar ${fmt(low)} to ${fmt(high)} (${fmt(p.bandPercent)} % around the ${ref.source.replace('_', ' ')} ${fmt(ref.price)})`
      : undefined;
  },

  self_trade: (_p, s, f) => {
    if (s.kind === 'deal')
      return s.counterparty !== null && f.ownEntity(s.counterparty)
        ? `counterparty ${s.counterparty} is one of the desk's own legal entities`
        : undefined;
    const other = s.side === 'buy' ? 'sell' : 'buy';
    const own = f.affiliateBest(s.account, s.instrumentId, other);
    if (own === null) return undefined;
    // A market order crosses whatever rests; a limit order crosses a better or equal price.
    const crosses = s.price === null || (s.side === 'buy' ? s.price >= own : s.price <= own);
    return crosses
      ? `the order would trade against a resting ${other} at ${fmt(own)} of another book of the same legal entity`
      : undefined;
  },

  insider_embargo: (_p, s, f) => {
    const event = f.embargo(s.account, s.instrumentId);
    return event
      ? `${s.account} is an insider of unpublished inside information "${event.title}" affecting ${s.instrumentId}`
      : undefined;
  },

  position_limit: (p, s, f) => {
    if (forProduct({ [p.product]: true }, s.instrumentId) === undefined) return undefined;
    const sign = s.side === 'buy' ? 1 : -1;
    const worst =
      f.netLots(s.account, s.instrumentId) +
      sign * (s.quantityLots + f.openLots(s.account, s.instrumentId, s.side));
    return Math.abs(worst) > p.limitLots
      ? `a net position of ${fmt(Math.abs(worst))} contracts would pass the ${p.measure.replace('_', '-')} level of ${fmt(p.limitLots)} in ${s.instrumentId}`
      : undefined;
  },

  shariah_screen: (p, s, f) => {
    if (!f.book?.shariah) return undefined;
    if (p.blockFutures) {
      if (s.kind === 'order')
        return `${s.instrumentId} is a future; a Shariah book may not trade futures`;
      // Spot settlement with possession: delivery beyond two days is a forward sale.
      if (s.deliveryStart !== null && s.deliveryStart - s.at > 2 * DAY_MS)
        return 'a deal delivering more than two days ahead is a forward; a Shariah book settles spot';
    }
    if (p.blockShortSales && s.side === 'sell') {
      const held = f.netLots(s.account, s.instrumentId);
      if (held < s.quantityLots) return 'a sale of more than the book holds is a short sale';
    }
    return undefined;
  },

  surrender_deadline_warning: (p, s) => {
    if (s.side !== 'sell') return undefined;
    if (!p.products.some((pattern) => forProduct({ [pattern]: true }, s.instrumentId)))
      return undefined;
    const days = daysBeforeDeadline(s.at, p.deadline);
    return days <= p.warnDaysBefore
      ? `selling ${s.instrumentId} ${Math.ceil(days)} days before the ${p.deadline} surrender deadline: check holdings cover verified emissions`
      : undefined;
  },
};
