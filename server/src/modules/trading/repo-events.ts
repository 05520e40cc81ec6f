import type { Db } from '../../platform/db/database.js';
import { tradingDb } from './tables.js';

/**
 * Trading's outbox as other modules read it: every fill and every deal version, numbered
 * in commit order (migration 0012 writes it in the transaction of the trade or version).
 * A reader keeps the last number it applied and asks for what came after; numbers may
 * skip (a rolled-back write) but never arrive out of order.
 */

/** One trade on a continuous book, seen by both its buyer and its seller. */
export interface FillEvent {
  seq: number;
  kind: 'fill';
  tradeId: string;
  instrumentId: string;
  price: number;
  quantity: number;
  buyer: string;
  seller: string;
  executedAt: number;
}

/** One version of an OTC deal; a later version replaces the earlier terms entirely. */
export interface DealVersionEvent {
  seq: number;
  kind: 'deal_version';
  dealId: string;
  version: number;
  trader: string;
  counterparty: string;
  instrumentId: string;
  side: 'buy' | 'sell';
  price: number;
  quantity: number;
  deliveryStart: number;
  deliveryEnd: number;
  status: string;
  updatedAt: number;
  /** When the deal's first version was captured. */
  capturedAt: number;
}

export type TradingEvent = FillEvent | DealVersionEvent;

type Payload = Record<string, unknown>;
const num = (v: unknown): number => Number(v);
const text = (v: unknown): string => String(v);

function eventOf(seq: number, kind: string, p: Payload): TradingEvent {
  if (kind === 'fill') {
    return {
      seq,
      kind,
      tradeId: text(p.tradeId),
      instrumentId: text(p.instrumentId),
      price: num(p.price),
      quantity: num(p.quantity),
      buyer: text(p.buyer),
      seller: text(p.seller),
      executedAt: num(p.executedAt),
    };
  }
  return {
    seq,
    kind: 'deal_version',
    dealId: text(p.dealId),
    version: num(p.version),
    trader: text(p.trader),
    counterparty: text(p.counterparty),
    instrumentId: text(p.instrumentId),
    side: p.side === 'sell' ? 'sell' : 'buy',
    price: num(p.price),
    quantity: num(p.quantity),
    deliveryStart: num(p.deliveryStart),
    deliveryEnd: num(p.deliveryEnd),
    status: text(p.status),
    updatedAt: num(p.updatedAt),
    capturedAt: num(p.capturedAt),
  };
}

/** Up to `limit` events numbered after `seq`, in order. */
export async function tradingEventsAfter(
  db: Db,
  seq: number,
  limit: number,
): Promise<TradingEvent[]> {
  const rows = await tradingDb(db)
    .selectFrom('trading_events')
    .select(['seq', 'kind', 'payload'])
    .where('seq', '>', String(seq))
    .orderBy('seq')
    .limit(limit)
    .execute();
  return rows.map((r) =>
    eventOf(
      Number(r.seq),
      r.kind,
      (typeof r.payload === 'string' ? JSON.parse(r.payload) : r.payload) as Payload,
    ),
  );
}

/** The number of the newest event, 0 when there is none: lets a reader skip an empty catch-up. */
export async function lastTradingEventSeq(db: Db): Promise<number> {
  const row = await tradingDb(db)
    .selectFrom('trading_events')
    .select('seq')
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? Number(row.seq) : 0;
}
