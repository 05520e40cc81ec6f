import { standardCatalogue } from '../market-data/index.js';
import type { PreTradeContext, PreTradeOrder } from '../trading/index.js';
import { describeLimit, type ReportingRate, type RiskLimit } from './limit-measures.js';

/** The reason the trading module stores and answers with when a risk limit refuses an order. */
export const RISK_LIMIT_REASON = 'risk_limit';

export interface Refusal {
  limit: RiskLimit;
  value: number;
  reason: string;
}

/**
 * Whether an order could breach a hard position or notional limit: the book's net position
 * if this order and its other open orders on the same side all filled, as the trading
 * module's own position check counts it. Notional is in the reporting currency; an order
 * whose currency has no FX rate yet cannot be measured against a notional limit and is
 * refused rather than let through unmeasured. A refusal names the limit, after the reason
 * code.
 */
export function hardLimitRefusal(
  limits: readonly RiskLimit[],
  order: PreTradeOrder,
  ctx: PreTradeContext,
  money: { currency: string; rateOf: ReportingRate },
): Refusal | undefined {
  const instrument = standardCatalogue.find(order.instrumentId);
  if (!instrument) return undefined;
  const lotSize = Number(instrument.lotSize);
  const sign = order.side === 'buy' ? 1 : -1;
  let worstLots = ctx.netPosition(order.account, order.instrumentId) + sign * order.quantityLots;
  for (const open of ctx.openOrders(order.account)) {
    if (open.instrumentId === order.instrumentId && open.side === order.side)
      worstLots += sign * open.remainingLots;
  }
  const quantity = Math.abs(worstLots) * lotSize;
  const priceTicks = order.priceTicks ?? ctx.lastTradePrice(order.instrumentId);
  for (const limit of limits) {
    if (limit.severity !== 'hard') continue;
    if (limit.scope === 'book' && limit.book !== order.account) continue;
    if (limit.instrumentId !== null && limit.instrumentId !== order.instrumentId) continue;
    let value: number;
    let unit: string;
    if (limit.kind === 'position') {
      value = quantity;
      unit = instrument.unit;
    } else if (limit.kind === 'notional') {
      if (priceTicks === null) continue; // nothing to value the order at yet
      const rate = money.rateOf(instrument.currency);
      if (rate === null) {
        return {
          limit,
          // Nothing was measured; the reason says why.
          value: 0,
          reason: `${RISK_LIMIT_REASON}: ${describeLimit(limit, money.currency)} cannot be measured: no ${instrument.currency}/${money.currency} FX rate yet`,
        };
      }
      value = Math.abs(worstLots) * Math.abs(priceTicks) * order.tickValue * rate;
      unit = money.currency;
    } else continue;
    if (value > limit.threshold) {
      const shown = Math.round(value * 100) / 100;
      return {
        limit,
        value,
        reason: `${RISK_LIMIT_REASON}: ${describeLimit(limit, unit)} would be breached: ${shown} ${unit}`,
      };
    }
  }
  return undefined;
}
