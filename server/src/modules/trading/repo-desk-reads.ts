import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.js';
import type { DealStatus } from './domain/deal-lifecycle.js';
import { tradingDb } from './tables.js';

/**
 * What the portfolio module reads of trading's records beside fills: the current
 * version of OTC deals, the accounts that trade, and trade prices as of an instant or
 * per day, so that positions and daily P&L need no trading tables of their own.
 */

/** A deal's current version, and when its first version was captured. */
export interface DealRecord {
  id: string;
  version: number;
  counterparty: string;
  instrumentId: string;
  side: 'buy' | 'sell';
  price: number;
  quantity: number;
  deliveryStart: number;
  deliveryEnd: number;
  status: DealStatus;
  trader: string;
  capturedAt: number;
}

/** Deals that are neither cancelled nor voided: of the given traders, or every trader's; optionally only those still delivering after an instant. */
export async function liveDeals(
  db: Db,
  filter: { traders?: readonly string[]; deliveringAfter?: Date } = {},
): Promise<DealRecord[]> {
  if (filter.traders && filter.traders.length === 0) return [];
  let q = tradingDb(db)
    .selectFrom('deals as d')
    .innerJoin('deal_versions as first', (join) =>
      join.onRef('first.deal_id', '=', 'd.id').on('first.version', '=', 1),
    )
    .select([
      'd.id',
      'd.version',
      'd.counterparty',
      'd.instrument_id',
      'd.side',
      'd.price',
      'd.quantity',
      'd.delivery_start',
      'd.delivery_end',
      'd.status',
      'd.trader',
      'first.updated_at as captured_at',
    ])
    .where('d.status', 'not in', ['cancelled', 'voided']);
  if (filter.traders) q = q.where('d.trader', 'in', [...filter.traders]);
  if (filter.deliveringAfter) q = q.where('d.delivery_end', '>', filter.deliveringAfter);
  const rows = await q.orderBy('first.updated_at').orderBy('d.id').execute();
  return rows.map((r) => ({
    id: r.id,
    version: r.version,
    counterparty: r.counterparty,
    instrumentId: r.instrument_id,
    side: r.side,
    price: Number(r.price),
    quantity: Number(r.quantity),
    deliveryStart: new Date(r.delivery_start).getTime(),
    deliveryEnd: new Date(r.delivery_end).getTime(),
    status: r.status,
    trader: r.trader,
    capturedAt: new Date(r.captured_at).getTime(),
  }));
}

/** Every account that has traded on a book or captured a deal. */
export async function tradingAccounts(db: Db): Promise<string[]> {
  const rows = await sql<{ account: string }>`
    select buyer as account from trades
    union select seller from trades
    union select trader from deals
    order by account`.execute(db);
  return rows.rows.map((r) => r.account);
}

export interface PricedTrade {
  instrumentId: string;
  price: number;
  at: number;
}

/** The last trade of each instrument at or before an instant. */
export async function lastTradesAsOf(db: Db, asOf: Date): Promise<PricedTrade[]> {
  const rows = await sql<{ instrument_id: string; price: string; executed_at: Date }>`
    select distinct on (instrument_id) instrument_id, price, executed_at
    from trades
    where executed_at <= ${asOf}
    order by instrument_id, executed_at desc, command_seq desc, id desc`.execute(db);
  return rows.rows.map((r) => ({
    instrumentId: r.instrument_id,
    price: Number(r.price),
    at: new Date(r.executed_at).getTime(),
  }));
}

/** The last trade of each instrument on each UTC day in [from, to): daily closes for P&L history. */
export async function dailyLastTrades(db: Db, from: Date, to: Date): Promise<PricedTrade[]> {
  const rows = await sql<{ instrument_id: string; price: string; executed_at: Date }>`
    select distinct on (instrument_id, (executed_at at time zone 'UTC')::date) instrument_id, price, executed_at
    from trades
    where executed_at >= ${from} and executed_at < ${to}
    order by instrument_id, (executed_at at time zone 'UTC')::date, executed_at desc, command_seq desc, id desc`.execute(
    db,
  );
  return rows.rows.map((r) => ({
    instrumentId: r.instrument_id,
    price: Number(r.price),
    at: new Date(r.executed_at).getTime(),
  }));
}
