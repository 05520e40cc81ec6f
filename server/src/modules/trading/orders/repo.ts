import { sql } from 'kysely';
import type { OrdersRow, TradesRow, TradingDb } from '../tables.js';
import type { LogBatch } from './group-commit.js';

/** SQL of the order event log, orders and trades; every function takes a connection or transaction. */

/**
 * Appends a batch in a single statement, hence a single implicit transaction
 * and a single round trip: the commands (numbered in batch order), the orders
 * they changed and the trades they made, each trade pointing at the sequence
 * number of its command. Nothing of the batch is visible unless all of it is.
 */
export async function appendBatch(db: TradingDb, batch: LogBatch): Promise<void> {
  if (batch.commands.length === 0) return;
  const commands = JSON.stringify(
    batch.commands.map((c, i) => ({
      i,
      instrument_id: c.instrumentId,
      kind: c.kind,
      order_id: c.orderId,
      payload: c.payload,
      at_ms: c.at,
    })),
  );
  await sql`
    with input as materialized (
      select c.i, c.instrument_id, c.kind, c.order_id, c.payload, c.at_ms, nextval(pg_get_serial_sequence('order_commands', 'seq')) as seq
      from (select * from jsonb_to_recordset(${commands}::jsonb) as x(i int, instrument_id text, kind text, order_id text, payload jsonb, at_ms bigint) order by i) c
    ), appended as (
      insert into order_commands (seq, instrument_id, kind, order_id, payload, at_ms)
      select seq, instrument_id, kind, order_id, payload, at_ms from input
    ), changed as (
      insert into orders select * from jsonb_populate_recordset(null::orders, ${JSON.stringify(batch.orders)}::jsonb)
      on conflict (id) do update set price = excluded.price, quantity = excluded.quantity,
        filled_quantity = excluded.filled_quantity, filled_notional = excluded.filled_notional,
        status = excluded.status, reject_reason = excluded.reject_reason, updated_at = excluded.updated_at
    )
    insert into trades (id, instrument_id, price, quantity, aggressor_side, buy_order_id, sell_order_id, buyer, seller, command_seq, executed_at)
    select t.id, t.instrument_id, t.price, t.quantity, t.aggressor_side, t.buy_order_id, t.sell_order_id, t.buyer, t.seller, input.seq, t.executed_at
    from jsonb_populate_recordset(null::trades, ${JSON.stringify(batch.trades)}::jsonb) t
    join input on input.i = t.command_seq`.execute(db);
}

/** PostgreSQL's data exceptions (SQLSTATE class 22): the values were refused, not the connection. */
export function isUnstorableData(error: unknown): boolean {
  const code =
    typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;
  return typeof code === 'string' && code.startsWith('22');
}

export async function ensureBook(
  db: TradingDb,
  instrumentId: string,
  gateClosureMs: number | null,
): Promise<number | null> {
  await db
    .insertInto('trading_books')
    .values({ instrument_id: instrumentId, gate_closure_ms: gateClosureMs })
    .onConflict((oc) => oc.column('instrument_id').doNothing())
    .execute();
  const row = await db
    .selectFrom('trading_books')
    .select('gate_closure_ms')
    .where('instrument_id', '=', instrumentId)
    .executeTakeFirstOrThrow();
  return row.gate_closure_ms === null ? null : Number(row.gate_closure_ms);
}

/** Opens the books that have no row yet, each with its gate, and returns every book's gate. */
export async function ensureBooks(
  db: TradingDb,
  books: readonly { id: string; gateClosureMs: number | null }[],
): Promise<Map<string, number | null>> {
  if (books.length > 0) {
    await db
      .insertInto('trading_books')
      .values(books.map((b) => ({ instrument_id: b.id, gate_closure_ms: b.gateClosureMs })))
      .onConflict((oc) => oc.column('instrument_id').doNothing())
      .execute();
  }
  const rows = await db
    .selectFrom('trading_books')
    .select(['instrument_id', 'gate_closure_ms'])
    .execute();
  return new Map(
    rows.map((r) => [
      r.instrument_id,
      r.gate_closure_ms === null ? null : Number(r.gate_closure_ms),
    ]),
  );
}

export async function commandsAfter(db: TradingDb, instrumentId: string, afterSeq: number) {
  return db
    .selectFrom('order_commands')
    .select(['seq', 'instrument_id', 'kind', 'payload'])
    .where('instrument_id', '=', instrumentId)
    .where('seq', '>', afterSeq)
    .orderBy('seq')
    .execute();
}

/** The number of a book's latest command, 0 before its first. */
export async function lastCommandSeq(db: TradingDb, instrumentId: string): Promise<number> {
  const row = await db
    .selectFrom('order_commands')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .where('instrument_id', '=', instrumentId)
    .executeTakeFirst();
  return row?.seq === null || row?.seq === undefined ? 0 : Number(row.seq);
}

export async function bookSnapshots(db: TradingDb, instrumentId?: string) {
  let q = db.selectFrom('book_snapshots').select(['instrument_id', 'last_seq', 'image']);
  if (instrumentId !== undefined) q = q.where('instrument_id', '=', instrumentId);
  return q.execute();
}

/** Replaces the book's snapshot; only the latest is kept, since the log holds the rest. */
export async function saveBookSnapshot(
  db: TradingDb,
  instrumentId: string,
  lastSeq: number,
  image: unknown,
): Promise<void> {
  const json = JSON.stringify(image);
  await db
    .insertInto('book_snapshots')
    .values({ instrument_id: instrumentId, last_seq: lastSeq, image: json })
    .onConflict((oc) =>
      oc
        .column('instrument_id')
        .doUpdateSet({ last_seq: lastSeq, image: json, taken_at: new Date() }),
    )
    .execute();
}

export async function openOrders(db: TradingDb, instrumentId?: string): Promise<OrdersRow[]> {
  let q = db
    .selectFrom('orders')
    .selectAll()
    .where('status', 'in', ['new', 'accepted', 'partially_filled']);
  if (instrumentId !== undefined) q = q.where('instrument_id', '=', instrumentId);
  return q.execute();
}

/** The order an account placed under a client order id, if any: the unique index makes it at most one. */
export async function orderByClientOrderId(
  db: TradingDb,
  account: string,
  clientOrderId: string,
): Promise<OrdersRow | undefined> {
  return db
    .selectFrom('orders')
    .selectAll()
    .where('account', '=', account)
    .where('client_order_id', '=', clientOrderId)
    .executeTakeFirst();
}

/** The unique index on (account, client_order_id) refused a second order: another placement won. */
export function isDuplicateKey(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === '23505';
}

export async function orderById(db: TradingDb, id: string): Promise<OrdersRow | undefined> {
  return db.selectFrom('orders').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Trades in which the order was the aggressor: what its submission produced. */
export async function tradesTakenBy(
  db: TradingDb,
  order: Pick<OrdersRow, 'id' | 'side'>,
): Promise<TradesRow[]> {
  const column = order.side === 'buy' ? 'buy_order_id' : 'sell_order_id';
  return db
    .selectFrom('trades')
    .selectAll()
    .where(column, '=', order.id)
    .where('aggressor_side', '=', order.side)
    .orderBy('command_seq')
    .orderBy('id')
    .execute();
}

export async function listOrders(
  db: TradingDb,
  filter: {
    account: string;
    status: 'open' | 'final' | 'all';
    instrumentId?: string | undefined;
    limit: number;
    offset: number;
  },
): Promise<{ rows: OrdersRow[]; total: number }> {
  let q = db.selectFrom('orders').where('account', '=', filter.account);
  const open = ['new', 'accepted', 'partially_filled'];
  if (filter.status === 'open') q = q.where('status', 'in', open);
  if (filter.status === 'final') q = q.where('status', 'not in', open);
  if (filter.instrumentId !== undefined) q = q.where('instrument_id', '=', filter.instrumentId);
  const [rows, count] = await Promise.all([
    q
      .selectAll()
      .orderBy('created_at', 'desc')
      .orderBy('id')
      .limit(filter.limit)
      .offset(filter.offset)
      .execute(),
    q.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export async function listTrades(
  db: TradingDb,
  filter: { instrumentId?: string | undefined; party?: string | undefined; limit: number },
): Promise<TradesRow[]> {
  let q = db.selectFrom('trades').selectAll();
  if (filter.instrumentId !== undefined) q = q.where('instrument_id', '=', filter.instrumentId);
  if (filter.party !== undefined) {
    const party = filter.party;
    q = q.where((eb) => eb.or([eb('buyer', '=', party), eb('seller', '=', party)]));
  }
  return q
    .orderBy('executed_at', 'desc')
    .orderBy('command_seq', 'desc')
    .orderBy('id', 'desc')
    .limit(filter.limit)
    .execute();
}

export async function loadLimits(db: TradingDb) {
  const [positions, credit] = await Promise.all([
    db.selectFrom('trading_position_limits').selectAll().execute(),
    db.selectFrom('trading_credit_limits').selectAll().execute(),
  ]);
  return { positions, credit };
}

export async function savePositionLimit(
  db: TradingDb,
  account: string,
  instrumentId: string,
  max: string | null,
): Promise<void> {
  if (max === null) {
    await db
      .deleteFrom('trading_position_limits')
      .where('account', '=', account)
      .where('instrument_id', '=', instrumentId)
      .execute();
    return;
  }
  await db
    .insertInto('trading_position_limits')
    .values({ account, instrument_id: instrumentId, max_net_quantity: max })
    .onConflict((oc) =>
      oc.columns(['account', 'instrument_id']).doUpdateSet({ max_net_quantity: max }),
    )
    .execute();
}

export async function saveCreditLimit(
  db: TradingDb,
  account: string,
  limit: string | null,
): Promise<void> {
  if (limit === null) {
    await db.deleteFrom('trading_credit_limits').where('account', '=', account).execute();
    return;
  }
  await db
    .insertInto('trading_credit_limits')
    .values({ account, credit_limit: limit })
    .onConflict((oc) => oc.column('account').doUpdateSet({ credit_limit: limit }))
    .execute();
}
