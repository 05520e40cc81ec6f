import type { OrderType, Side } from '../domain/index.js';

/** What a pre-trade check sees of an incoming order, in engine units. */
export interface PreTradeOrder {
  /** The id the order will be stored under, so a check's own record can name it. */
  orderId: string;
  clientOrderId: string;
  account: string;
  instrumentId: string;
  side: Side;
  /** Limit price in ticks; null for market and stop orders. */
  priceTicks: number | null;
  quantityLots: number;
  /** Currency per tick × unit per lot, to turn ticks × lots into money. */
  tickValue: number;
  type: OrderType;
  /** Price increment and lot in the instrument's units, to turn ticks and lots back into prices and quantities. */
  tickSize: number;
  lotSize: number;
  /** When the order reached order entry (ms since the epoch, from the service's clock). */
  at: number;
}

/** Read access to the desk's state at the moment the order reaches its book. */
export interface PreTradeContext {
  netPosition(account: string, instrumentId: string): number;
  lastTradePrice(instrumentId: string): number | null;
  /** Midpoint of the best bid and offer in ticks; null unless both sides have an order. */
  midPrice(instrumentId: string): number | null;
  /** Open (unfilled) orders of an account across every book. */
  openOrders(account: string): Iterable<{
    instrumentId: string;
    side: Side;
    priceTicks: number | null;
    remainingLots: number;
    tickValue: number;
  }>;
}

/**
 * A refusal that explains itself beyond its reason code (compliance names the rule and its
 * citation): `reason` is stored on the order, the rest goes into the 422's body.
 */
export interface PreTradeRefusal {
  reason: string;
  /** The problem's stable code; `order_rejected` when absent. */
  code?: string;
  message: string;
  details: Record<string, unknown>;
}

/** Returns why an order must not reach the book, or undefined to let it through. */
export type PreTradeCheck = (
  order: PreTradeOrder,
  ctx: PreTradeContext,
) => Promise<string | PreTradeRefusal | undefined>;

export interface TradingLimits {
  /** Largest absolute net position in lots, per account and instrument. */
  maxNetLots(account: string, instrumentId: string): number | undefined;
  /** Largest money at risk in open orders, per account. */
  creditLimit(account: string): number | undefined;
}

/**
 * Position limit: the net position if this order and the account's other open
 * orders on the same side all filled must stay within the limit.
 */
export function positionLimitCheck(limits: TradingLimits): PreTradeCheck {
  return async (order, ctx) => {
    const max = limits.maxNetLots(order.account, order.instrumentId);
    if (max === undefined) return undefined;
    const sign = order.side === 'buy' ? 1 : -1;
    let worst = ctx.netPosition(order.account, order.instrumentId) + sign * order.quantityLots;
    for (const open of ctx.openOrders(order.account)) {
      if (open.instrumentId === order.instrumentId && open.side === order.side)
        worst += sign * open.remainingLots;
    }
    return Math.abs(worst) > max ? 'position_limit' : undefined;
  };
}

/**
 * Credit limit: the notional of the account's open orders, this one included,
 * must stay within the limit. Orders without a price are valued at the last trade.
 */
export function creditLimitCheck(limits: TradingLimits): PreTradeCheck {
  return async (order, ctx) => {
    const limit = limits.creditLimit(order.account);
    if (limit === undefined) return undefined;
    const valued = (ticks: number | null, instrumentId: string): number =>
      Math.abs(ticks ?? ctx.lastTradePrice(instrumentId) ?? 0);
    let exposure =
      valued(order.priceTicks, order.instrumentId) * order.quantityLots * order.tickValue;
    for (const open of ctx.openOrders(order.account)) {
      exposure += valued(open.priceTicks, open.instrumentId) * open.remainingLots * open.tickValue;
    }
    return exposure > limit ? 'credit_limit' : undefined;
  };
}
