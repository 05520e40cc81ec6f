import { sql } from 'kysely';
import type { Db } from '../../../platform/db/database.js';
import { tradingDb } from '../tables.js';

/** One side of a trade as the account that made it sees it; what positions are built from. */
export interface AccountFill {
  instrumentId: string;
  side: 'buy' | 'sell';
  price: number;
  quantity: number;
  at: string;
}

/** Every fill of an account, oldest first: the whole-history recompute `bench:positions` sets beside the position table. */
export async function accountFills(db: Db, account: string): Promise<AccountFill[]> {
  const rows = await tradingDb(db)
    .selectFrom('trades')
    .select(['instrument_id', 'price', 'quantity', 'buyer', 'executed_at'])
    .where((eb) => eb.or([eb('buyer', '=', account), eb('seller', '=', account)]))
    .orderBy('executed_at')
    .orderBy('command_seq')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    instrumentId: r.instrument_id,
    side: r.buyer === account ? 'buy' : 'sell',
    price: Number(r.price),
    quantity: Number(r.quantity),
    at: new Date(r.executed_at).toISOString(),
  }));
}

/** The last trade price of every instrument that has traded. */
export async function lastTradePrices(db: Db): Promise<Map<string, number>> {
  const rows = await sql<{ instrument_id: string; price: string }>`
    select distinct on (instrument_id) instrument_id, price
    from trades
    order by instrument_id, executed_at desc, command_seq desc, id desc`.execute(db);
  return new Map(rows.rows.map((r) => [r.instrument_id, Number(r.price)]));
}
