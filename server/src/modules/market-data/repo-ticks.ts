import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { CompiledQuery, sql } from 'kysely';
import { from as copyFrom } from 'pg-copy-streams';
import type { DatabaseKind, Db } from '../../platform/db/database.js';
import { blobCopyQuery } from '../../platform/db/pglite-dialect.js';
import type { Tick } from './domain/tick.js';
import { bars, refreshHourlyBars } from './repo-bars.js';

export type { BarRow } from './repo-bars.js';

/** Any Kysely handle: the database, the reader, or a transaction. */
export type Executor = Db;

export interface StoredTick {
  instrumentId: string;
  time: Date;
  deliveryStart: Date;
  deliveryEnd: Date;
  price: number;
  volume: number;
}

const MONTH_KEY = (ms: number): string => new Date(ms).toISOString().slice(0, 7);

/** UTC month starts (`YYYY-MM`) that a batch of ticks writes into. */
export const monthsOf = (ticks: readonly Tick[]): string[] =>
  [...new Set(ticks.map((t) => MONTH_KEY(t.time)))].sort();

const RETURNING = sql`returning instrument_id, ts, delivery_start, delivery_end,
  price::float8 as price, volume::float8 as volume`;

interface ReturnedRow {
  instrument_id: string;
  ts: Date;
  delivery_start: Date;
  delivery_end: Date;
  price: number;
  volume: number;
}

const toTick = (r: ReturnedRow): Tick => ({
  instrumentId: r.instrument_id,
  time: r.ts.getTime(),
  deliveryStart: r.delivery_start.getTime(),
  deliveryEnd: r.delivery_end.getTime(),
  price: r.price,
  volume: r.volume,
});

const toStored = (r: ReturnedRow): StoredTick => ({
  instrumentId: r.instrument_id,
  time: r.ts,
  deliveryStart: r.delivery_start,
  deliveryEnd: r.delivery_end,
  price: r.price,
  volume: r.volume,
});

export function createTickRepo() {
  return {
    /** Creates the monthly partitions a batch needs (a no-op on a hypertable). */
    async ensurePartitions(ex: Executor, months: readonly string[]): Promise<void> {
      for (const month of months) {
        await sql`select md_ensure_tick_partition(${`${month}-01T00:00:00Z`}::timestamptz)`.execute(
          ex,
        );
      }
    },

    /**
     * Inside a transaction, on PostgreSQL or PGlite. New rows (the usual case) are copied
     * straight into the table; if any is already stored, or repeated within the batch, the
     * key violation undoes the copy to a savepoint and the batch goes through a staging
     * table and an insert-select that skips stored rows. Returns the new rows.
     */
    async copyRows(
      trx: Executor,
      kind: DatabaseKind,
      ticks: readonly Tick[],
      source: string,
    ): Promise<readonly Tick[]> {
      const lines = ticks.map(copyLine(source));
      await sql`savepoint md_direct_copy`.execute(trx);
      try {
        await copyLines(trx, kind, 'md_ticks', lines);
        await sql`release savepoint md_direct_copy`.execute(trx);
        return ticks;
      } catch (err) {
        if ((err as { code?: string }).code !== UNIQUE_VIOLATION) throw err;
        await sql`rollback to savepoint md_direct_copy`.execute(trx);
      }
      return stagedCopy(trx, kind, lines);
    },

    bars,
    refreshHourlyBars,

    /** The latest tick of each instrument that has one. */
    async latest(ex: Executor, instrumentIds: readonly string[]): Promise<StoredTick[]> {
      if (instrumentIds.length === 0) return [];
      const result = await sql<ReturnedRow>`
        select i.id as instrument_id, t.ts, t.delivery_start, t.delivery_end,
          t.price::float8 as price, t.volume::float8 as volume
        from unnest(${[...instrumentIds]}::text[]) as i(id)
        cross join lateral (
          select ts, delivery_start, delivery_end, price, volume from md_ticks
          where instrument_id = i.id order by ts desc, delivery_start desc limit 1
        ) t
        order by i.id`.execute(ex);
      return result.rows.map(toStored);
    },

    /** The latest tick of each instrument at or before an instant, for those that have one. */
    async latestAtOrBefore(
      ex: Executor,
      instrumentIds: readonly string[],
      at: Date,
    ): Promise<StoredTick[]> {
      if (instrumentIds.length === 0) return [];
      const result = await sql<ReturnedRow>`
        select i.id as instrument_id, t.ts, t.delivery_start, t.delivery_end,
          t.price::float8 as price, t.volume::float8 as volume
        from unnest(${[...instrumentIds]}::text[]) as i(id)
        cross join lateral (
          select ts, delivery_start, delivery_end, price, volume from md_ticks
          where instrument_id = i.id and ts <= ${at} order by ts desc, delivery_start desc limit 1
        ) t
        order by i.id`.execute(ex);
      return result.rows.map(toStored);
    },

    async latestTime(ex: Executor): Promise<Date | null> {
      const result = await sql<{ ts: Date | null }>`select max(ts) as ts from md_ticks`.execute(ex);
      return result.rows[0]?.ts ?? null;
    },
  };
}

export type TickRepo = ReturnType<typeof createTickRepo>;

const iso = (ms: number): string => new Date(ms).toISOString();

const COLUMNS = 'instrument_id, ts, delivery_start, delivery_end, price, volume, source';
const UNIQUE_VIOLATION = '23505';

const copyLine =
  (source: string) =>
  (t: Tick): string =>
    `${t.instrumentId}\t${iso(t.time)}\t${iso(t.deliveryStart)}\t${iso(t.deliveryEnd)}\t${t.price}\t${t.volume}\t${source}\n`;

/** COPY into a temporary table, then one insert-select that skips rows already stored. */
async function stagedCopy(
  trx: Executor,
  kind: DatabaseKind,
  lines: readonly string[],
): Promise<Tick[]> {
  await sql`create temp table if not exists md_ticks_incoming
    (instrument_id text, ts timestamptz, delivery_start timestamptz,
     delivery_end timestamptz, price numeric, volume numeric, source text)
    on commit delete rows`.execute(trx);
  await copyLines(trx, kind, 'md_ticks_incoming', lines);
  const result = await sql<ReturnedRow>`
    insert into md_ticks (${sql.raw(COLUMNS)}) select ${sql.raw(COLUMNS)} from md_ticks_incoming
    on conflict do nothing ${RETURNING}`.execute(trx);
  return result.rows.map(toTick);
}

/** COPY of text-format rows into `table`, through the transaction's own connection. */
async function copyLines(
  trx: Executor,
  kind: DatabaseKind,
  table: string,
  lines: readonly string[],
): Promise<void> {
  if (kind === 'pglite') {
    await trx.executeQuery(
      blobCopyQuery(`copy ${table} (${COLUMNS}) from '/dev/blob'`, new Blob(lines as string[])),
    );
  } else {
    await copyInto(trx, `copy ${table} (${COLUMNS}) from stdin`, lines);
  }
}

/**
 * PostgreSQL: streams text-format COPY rows through the transaction's own connection. Kysely hides
 * the pg client, but hands the query object to `client.query`, which accepts any
 * submittable: the copy stream is one, so the COPY runs inside the caller's transaction.
 */
export async function copyInto(
  trx: Executor,
  statement: string,
  lines: Iterable<string>,
): Promise<void> {
  const stream = copyFrom(statement);
  const query = { ...CompiledQuery.raw(''), sql: stream as unknown as string };
  await trx.executeQuery(query);
  await pipeline(Readable.from(batchLines(lines)), stream);
}

function* batchLines(lines: Iterable<string>): Generator<string> {
  let chunk = '';
  for (const line of lines) {
    chunk += line;
    if (chunk.length >= 64 * 1024) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk.length > 0) yield chunk;
}
