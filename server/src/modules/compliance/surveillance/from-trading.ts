import type { FillEvent, TradeMessage } from '../../trading/index.js';
import type { Fill } from './events.js';

/**
 * Trading's events in surveillance's terms. Trading knows accounts, not beneficial
 * owners, so the caller says who owns each account (an account is its own owner until
 * compliance keeps an ownership register).
 *
 * What trading does not carry yet: its outbox (`trading_events`) has fills and deal
 * versions only, with neither the aggressor nor the order ids, and order placements,
 * modifications and cancellations travel only on the bus, as order views
 * (`from-order-views.ts` reads them by shape, since `trading/index.ts` does not export
 * their type). A batch over the outbox alone therefore feeds wash trades, marking the
 * close, momentum ignition (every fill counted as aggressive) and insider trading, not
 * spoofing, until trading keeps order events in its outbox.
 */
export type OwnerOf = (account: string) => string;

const selfOwned: OwnerOf = (account) => account;

/** A fill from the outbox (`tradingEventsAfter`), the source for batch runs and replay. */
export function fillFromOutbox(event: FillEvent, ownerOf: OwnerOf = selfOwned): Fill {
  return {
    kind: 'fill',
    id: `fill:${event.tradeId}`,
    at: event.executedAt,
    instrumentId: event.instrumentId,
    tradeId: event.tradeId,
    price: event.price,
    quantity: event.quantity,
    buyer: { account: event.buyer, beneficialOwner: ownerOf(event.buyer), orderId: null },
    seller: { account: event.seller, beneficialOwner: ownerOf(event.seller), orderId: null },
    aggressor: null,
  };
}

/** A trade from the bus (`TRADE_TOPIC`), which also names the orders and the aggressor. */
export function fillFromTradeMessage(message: TradeMessage, ownerOf: OwnerOf = selfOwned): Fill {
  const { trade } = message;
  return {
    kind: 'fill',
    // The same id as the outbox gives the trade, so live and replayed alerts cite the same evidence.
    id: `fill:${trade.id}`,
    at: Date.parse(trade.time),
    instrumentId: trade.instrumentId,
    tradeId: trade.id,
    price: trade.price,
    quantity: trade.quantity,
    buyer: {
      account: message.buyer,
      beneficialOwner: ownerOf(message.buyer),
      orderId: message.buyOrderId,
    },
    seller: {
      account: message.seller,
      beneficialOwner: ownerOf(message.seller),
      orderId: message.sellOrderId,
    },
    aggressor: trade.aggressorSide,
  };
}
