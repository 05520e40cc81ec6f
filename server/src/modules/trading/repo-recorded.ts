import type { Db } from '../../platform/db/database.js';
import type { DealVersionEvent, FillEvent } from './repo-events.js';
import { tradingDb } from './tables.js';

/**
 * Trades and deal versions as they are stored now, for checkers that hold a copy made when
 * they were recorded (the ledger's leaves) and must tell whether the stored row still says
 * the same. Same fields and units as the outbox events.
 */

/** A trade's stored row, in the fields of its outbox event. */
export type RecordedTrade = Omit<FillEvent, 'seq' | 'kind'>;

/** A deal version's stored row, in the fields of its outbox event (less the capture time, kept on the deal). */
export type RecordedDealVersion = Omit<DealVersionEvent, 'seq' | 'kind' | 'capturedAt'>;

export async function recordedTrades(
  db: Db,
  ids: readonly string[],
): Promise<Map<string, RecordedTrade>> {
  const out = new Map<string, RecordedTrade>();
  if (ids.length === 0) return out;
  const rows = await tradingDb(db)
    .selectFrom('trades')
    .select(['id', 'instrument_id', 'price', 'quantity', 'buyer', 'seller', 'executed_at'])
    .where('id', 'in', [...ids])
    .execute();
  for (const r of rows) {
    out.set(r.id, {
      tradeId: r.id,
      instrumentId: r.instrument_id,
      price: Number(r.price),
      quantity: Number(r.quantity),
      buyer: r.buyer,
      seller: r.seller,
      executedAt: r.executed_at.getTime(),
    });
  }
  return out;
}

/** Keyed `<deal id>:<version>`. */
export async function recordedDealVersions(
  db: Db,
  refs: readonly { dealId: string; version: number }[],
): Promise<Map<string, RecordedDealVersion>> {
  const out = new Map<string, RecordedDealVersion>();
  if (refs.length === 0) return out;
  const rows = await tradingDb(db)
    .selectFrom('deal_versions')
    .selectAll()
    .where('deal_id', 'in', [...new Set(refs.map((r) => r.dealId))])
    .execute();
  for (const r of rows) {
    out.set(`${r.deal_id}:${r.version}`, {
      dealId: r.deal_id,
      version: r.version,
      trader: r.trader,
      counterparty: r.counterparty,
      instrumentId: r.instrument_id,
      side: r.side,
      price: Number(r.price),
      quantity: Number(r.quantity),
      deliveryStart: r.delivery_start.getTime(),
      deliveryEnd: r.delivery_end.getTime(),
      status: r.status,
      updatedAt: r.updated_at.getTime(),
    });
  }
  return out;
}
