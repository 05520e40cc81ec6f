import { sql, type Insertable, type Selectable } from 'kysely';
import type { Db } from '../../platform/db/database.js';
import {
  positionKey,
  type PositionTrade,
  type ProjectedPosition,
  type ProjectionChanges,
} from './domain/position-projection.js';
import { portfolioDb, type PositionsRow, type PositionTradesRow } from './tables.js';

/** SQL of the position table and what keeps it: every function takes a connection or transaction. */

const CHUNK = 1000;
const chunks = <T>(xs: readonly T[]): T[][] =>
  Array.from({ length: Math.ceil(xs.length / CHUNK) }, (_, i) =>
    xs.slice(i * CHUNK, (i + 1) * CHUNK),
  );
const splitKey = (key: string): [string, string, string] =>
  key.split('\n') as [string, string, string];

const positionOf = (r: Selectable<PositionsRow>): ProjectedPosition => ({
  book: r.book,
  instrumentId: r.instrument_id,
  period: { label: r.period, firstDay: r.first_day, lastDay: r.last_day },
  running: {
    net: Number(r.net_quantity),
    average: Number(r.average_price),
    realised: Number(r.realised_pnl),
  },
  exchange: Number(r.exchange_quantity),
  otc: Number(r.otc_quantity),
  lastAt: Number(r.last_at_ms),
  lastOrderSeq: Number(r.last_order_seq),
  lastSeq: Number(r.last_seq),
});

const rowOf = (p: ProjectedPosition): Insertable<PositionsRow> => ({
  book: p.book,
  instrument_id: p.instrumentId,
  period: p.period.label,
  first_day: p.period.firstDay,
  last_day: p.period.lastDay,
  // String(x) is the shortest text that reads back as the same double.
  net_quantity: String(p.running.net),
  average_price: String(p.running.average),
  realised_pnl: String(p.running.realised),
  exchange_quantity: String(p.exchange),
  otc_quantity: String(p.otc),
  last_at_ms: p.lastAt,
  last_order_seq: p.lastOrderSeq,
  last_seq: p.lastSeq,
});

const tradeOf = (r: Selectable<PositionTradesRow>): PositionTrade => ({
  book: r.book,
  source: r.source,
  ref: r.ref,
  version: r.version,
  instrumentId: r.instrument_id,
  period: { label: r.period, firstDay: r.first_day, lastDay: r.last_day },
  side: r.side,
  price: Number(r.price),
  quantity: Number(r.quantity),
  at: Number(r.at_ms),
  orderSeq: Number(r.order_seq),
});

const tradeRow = (t: PositionTrade): Insertable<PositionTradesRow> => ({
  book: t.book,
  source: t.source,
  ref: t.ref,
  version: t.version,
  instrument_id: t.instrumentId,
  period: t.period.label,
  first_day: t.period.firstDay,
  last_day: t.period.lastDay,
  side: t.side,
  price: String(t.price),
  quantity: String(t.quantity),
  at_ms: t.at,
  order_seq: t.orderSeq,
});

export function createPositionsRepo() {
  return {
    /** Call inside a transaction: one projector at a time, across instances. */
    async lock(trx: Db): Promise<void> {
      await sql`select pg_advisory_xact_lock(hashtext(current_schema() || '.portfolio_positions'))`.execute(
        trx,
      );
    },

    async watermark(db: Db): Promise<number> {
      const row = await portfolioDb(db)
        .selectFrom('portfolio_projection')
        .select('last_seq')
        .where('name', '=', 'positions')
        .executeTakeFirst();
      return Number(row?.last_seq ?? 0);
    },

    async positionsAt(db: Db, keys: readonly string[]): Promise<Map<string, ProjectedPosition>> {
      const out = new Map<string, ProjectedPosition>();
      for (const part of chunks(keys)) {
        const rows = await portfolioDb(db)
          .selectFrom('portfolio_positions')
          .selectAll()
          .where((eb) =>
            eb(
              eb.refTuple('book', 'instrument_id', 'period'),
              'in',
              part.map((k) => eb.tuple(...splitKey(k))),
            ),
          )
          .execute();
        for (const r of rows)
          out.set(positionKey(r.book, r.instrument_id, r.period), positionOf(r));
      }
      return out;
    },

    async tradesAt(db: Db, keys: readonly string[]): Promise<Map<string, PositionTrade[]>> {
      const out = new Map<string, PositionTrade[]>(keys.map((k) => [k, []]));
      for (const part of chunks(keys)) {
        const rows = await portfolioDb(db)
          .selectFrom('portfolio_position_trades')
          .selectAll()
          .where((eb) =>
            eb(
              eb.refTuple('book', 'instrument_id', 'period'),
              'in',
              part.map((k) => eb.tuple(...splitKey(k))),
            ),
          )
          .execute();
        for (const r of rows)
          out.get(positionKey(r.book, r.instrument_id, r.period))?.push(tradeOf(r));
      }
      return out;
    },

    /** The current contribution of each deal; deals without one are absent. */
    async dealTrades(db: Db, dealIds: readonly string[]): Promise<Map<string, PositionTrade>> {
      const out = new Map<string, PositionTrade>();
      for (const part of chunks(dealIds)) {
        const rows = await portfolioDb(db)
          .selectFrom('portfolio_position_trades')
          .selectAll()
          .where('source', '=', 'otc')
          .where('ref', 'in', part)
          .execute();
        for (const r of rows) out.set(r.ref, tradeOf(r));
      }
      return out;
    },

    async write(trx: Db, c: ProjectionChanges): Promise<void> {
      const p = portfolioDb(trx);
      for (const part of chunks(c.removedDeals))
        await p
          .deleteFrom('portfolio_position_trades')
          .where('source', '=', 'otc')
          .where('ref', 'in', part)
          .execute();
      for (const part of chunks(c.addedTrades))
        await p.insertInto('portfolio_position_trades').values(part.map(tradeRow)).execute();
      for (const part of chunks(c.removedPositions)) {
        await p
          .deleteFrom('portfolio_positions')
          .where((eb) =>
            eb(
              eb.refTuple('book', 'instrument_id', 'period'),
              'in',
              part.map((k) => eb.tuple(...splitKey(k))),
            ),
          )
          .execute();
      }
      for (const part of chunks(c.positions)) {
        await p
          .insertInto('portfolio_positions')
          .values(part.map(rowOf))
          .onConflict((oc) =>
            oc.columns(['book', 'instrument_id', 'period']).doUpdateSet((eb) => ({
              first_day: eb.ref('excluded.first_day'),
              last_day: eb.ref('excluded.last_day'),
              net_quantity: eb.ref('excluded.net_quantity'),
              average_price: eb.ref('excluded.average_price'),
              realised_pnl: eb.ref('excluded.realised_pnl'),
              exchange_quantity: eb.ref('excluded.exchange_quantity'),
              otc_quantity: eb.ref('excluded.otc_quantity'),
              last_at_ms: eb.ref('excluded.last_at_ms'),
              last_order_seq: eb.ref('excluded.last_order_seq'),
              last_seq: eb.ref('excluded.last_seq'),
            })),
          )
          .execute();
      }
      if (c.books.length > 0)
        await p
          .insertInto('portfolio_books')
          .values(c.books.map((book) => ({ book })))
          .onConflict((oc) => oc.column('book').doNothing())
          .execute();
      if (c.lastTrades.length > 0)
        await sql`
          insert into portfolio_last_trades (instrument_id, price, at_ms, seq)
          select * from jsonb_to_recordset(${JSON.stringify(c.lastTrades)}::jsonb)
            as x("instrumentId" text, price numeric, at bigint, seq bigint)
          on conflict (instrument_id) do update set price = excluded.price, at_ms = excluded.at_ms, seq = excluded.seq
          where excluded.at_ms >= portfolio_last_trades.at_ms`.execute(trx);
      await p
        .updateTable('portfolio_projection')
        .set({ last_seq: c.watermark })
        .where('name', '=', 'positions')
        .execute();
    },

    /** Empties the projection for a rebuild from the outbox; deletes, so readers keep the old rows until commit. */
    async clear(trx: Db): Promise<void> {
      const p = portfolioDb(trx);
      await p.deleteFrom('portfolio_position_trades').execute();
      await p.deleteFrom('portfolio_positions').execute();
      await p.deleteFrom('portfolio_books').execute();
      await p.deleteFrom('portfolio_last_trades').execute();
      await portfolioDb(trx)
        .updateTable('portfolio_projection')
        .set({ last_seq: 0 })
        .where('name', '=', 'positions')
        .execute();
    },

    async positionsOf(db: Db, books: readonly string[]): Promise<ProjectedPosition[]> {
      if (books.length === 0) return [];
      const rows = await portfolioDb(db)
        .selectFrom('portfolio_positions')
        .selectAll()
        .where('book', 'in', [...books])
        .execute();
      return rows.map(positionOf);
    },

    /** Every position, in key order: what a rebuild is compared against. */
    async allPositions(db: Db): Promise<ProjectedPosition[]> {
      const rows = await portfolioDb(db)
        .selectFrom('portfolio_positions')
        .selectAll()
        .orderBy('book')
        .orderBy('instrument_id')
        .orderBy('period')
        .execute();
      return rows.map(positionOf);
    },

    /** Every trade the books hold (fills, and deals at their current version), oldest first. */
    async tradesOf(db: Db, books: readonly string[]): Promise<PositionTrade[]> {
      if (books.length === 0) return [];
      const rows = await portfolioDb(db)
        .selectFrom('portfolio_position_trades')
        .selectAll()
        .where('book', 'in', [...books])
        .orderBy('at_ms')
        .orderBy('order_seq')
        .execute();
      return rows.map(tradeOf);
    },

    async books(db: Db): Promise<string[]> {
      const rows = await portfolioDb(db)
        .selectFrom('portfolio_books')
        .select('book')
        .orderBy('book')
        .execute();
      return rows.map((r) => r.book);
    },

    async lastTrades(db: Db): Promise<{ instrumentId: string; price: number; at: number }[]> {
      const rows = await portfolioDb(db).selectFrom('portfolio_last_trades').selectAll().execute();
      return rows.map((r) => ({
        instrumentId: r.instrument_id,
        price: Number(r.price),
        at: Number(r.at_ms),
      }));
    },
  };
}

export type PositionsRepo = ReturnType<typeof createPositionsRepo>;
