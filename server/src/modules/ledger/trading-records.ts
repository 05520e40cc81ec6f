import type { RecordedDealVersion, RecordedTrade, TradingEvent } from '../trading/index.js';
import {
  instant,
  type DealVersionRecord,
  type LedgerRecord,
  type TradeRecord,
} from './domain/records.js';

/** A trade as the ledger records it, numbered by its place in trading's outbox. */
export const recordOfTrade = (seq: number, t: RecordedTrade): TradeRecord => ({
  type: 'trade',
  seq,
  tradeId: t.tradeId,
  instrumentId: t.instrumentId,
  price: t.price,
  quantity: t.quantity,
  buyer: t.buyer,
  seller: t.seller,
  executedAt: instant(t.executedAt),
});

export const recordOfDealVersion = (seq: number, v: RecordedDealVersion): DealVersionRecord => ({
  type: 'deal_version',
  seq,
  dealId: v.dealId,
  version: v.version,
  trader: v.trader,
  counterparty: v.counterparty,
  instrumentId: v.instrumentId,
  side: v.side,
  price: v.price,
  quantity: v.quantity,
  deliveryStart: instant(v.deliveryStart),
  deliveryEnd: instant(v.deliveryEnd),
  status: v.status,
  updatedAt: instant(v.updatedAt),
});

/** A trading outbox event as the ledger records it. */
export function recordOfTradingEvent(e: TradingEvent): LedgerRecord {
  return e.kind === 'fill' ? recordOfTrade(e.seq, e) : recordOfDealVersion(e.seq, e);
}
