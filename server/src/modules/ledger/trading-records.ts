import type { TradingEvent } from '../trading/index.js';
import { instant, type LedgerRecord } from './domain/records.js';

/** A trading outbox event as the ledger records it. */
export function recordOfTradingEvent(e: TradingEvent): LedgerRecord {
  if (e.kind === 'fill') {
    return {
      type: 'trade',
      seq: e.seq,
      tradeId: e.tradeId,
      instrumentId: e.instrumentId,
      price: e.price,
      quantity: e.quantity,
      buyer: e.buyer,
      seller: e.seller,
      executedAt: instant(e.executedAt),
    };
  }
  return {
    type: 'deal_version',
    seq: e.seq,
    dealId: e.dealId,
    version: e.version,
    trader: e.trader,
    counterparty: e.counterparty,
    instrumentId: e.instrumentId,
    side: e.side,
    price: e.price,
    quantity: e.quantity,
    deliveryStart: instant(e.deliveryStart),
    deliveryEnd: instant(e.deliveryEnd),
    status: e.status,
    updatedAt: instant(e.updatedAt),
  };
}
