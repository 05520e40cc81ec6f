import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { CompiledQuery, sql, type Kysely } from 'kysely';
import { from as copyFrom } from 'pg-copy-streams';
import type { Database } from '../../platform/db/schema.js';
import type { BarInterval } from './domain/bars.js';
import type { Tick } from './domain/tick.js';

/** Any Kysely handle: the database, the reader, or a transaction. */
export type Executor = Kysely<Database>;

export interface StoredTick {
  instrumentId: string;
  time: Date;
  deliveryStart: Date;
  deliveryEnd: Date;
  price: number;
  volume: number;
}

export interface BarRow {
  time: Date;
  open: number;
  high: number;
  low: number;
  close: number;
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

const toStored = (r: ReturnedRow): StoredTick => ({
  instrumentId: r.instrument_id,
  time: r.ts,
  deliveryStart: r.delivery_start,
  deliveryEnd: r.delivery_end,
  price: r.price,
  volume: r.volume,
});

// 7 parameters a row keeps one statement well under PostgreSQL's 65,535 bind limit.
const INSERT_CHUNK = 2_000;

export function createTickRepo() {
  return {
    /** Creates the monthly partitions a batch needs (a no-op on a hypertable). */
    async ensurePartitions(ex: Executor, months: readonly string[]): Promise<void> {
      for (const month of months) {
        await sql`select md_ensure_tick_partition(${`${month}-01T00:00:00Z`}::timestamptz)`.execute(ex);
      }
    },

    /** Multi-row insert; rows already stored are skipped, so re-sending changes nothing. */
    async insertRows(ex: Executor, ticks: readonly Tick[], source: string): Promise<StoredTick[]> {
      const stored: StoredTick[] = [];
      for (let i = 0; i < ticks.length; i += INSERT_CHUNK) {
        const values = ticks.slice(i, i + INSERT_CHUNK).map(
          (t) =>
            sql`(${t.instrumentId}, ${new Date(t.time)}, ${new Date(t.deliveryStart)}, ${new Date(t.deliveryEnd)}, ${t.price}::numeric, ${t.volume}::numeric, ${source})`,
        );
        const result = await sql<ReturnedRow>`
          insert into md_ticks (instrument_id, ts, delivery_start, delivery_end, price, volume, source)
          values ${sql.join(values)}
          on conflict do nothing ${RETURNING}`.execute(ex);
        stored.push(...result.rows.map(toStored));
      }
      return stored;
    },

    /**
     * PostgreSQL only, inside a transaction. New rows (the usual case) are copied straight
     * into the table; if any is already stored the copy is undone to a savepoint and the
     * batch goes through a staging table and an insert-select that skips stored rows.
     */
    async copyRows(trx: Executor, ticks: readonly Tick[], source: string): Promise<StoredTick[]> {
      const lines = ticks.map(copyLine(source));
      if (!hasRepeatedKey(ticks)) {
        await sql`savepoint md_direct_copy`.execute(trx);
        try {
          await copyInto(trx, `copy md_ticks (${COLUMNS}) from stdin`, lines);
          await sql`release savepoint md_direct_copy`.execute(trx);
          return ticks.map(storedFromTick);
        } catch (err) {
          if ((err as { code?: string }).code !== UNIQUE_VIOLATION) throw err;
          await sql`rollback to savepoint md_direct_copy`.execute(trx);
        }
      }
      return stagedCopy(trx, lines);
    },

    /** OHLC and volume per bucket; buckets align to UTC, daily bars to local days of `timeZone`. */
    async bars(
      ex: Executor,
      q: { instrumentId: string; from: Date; to: Date; interval: BarInterval; timeZone: string },
    ): Promise<BarRow[]> {
      const bucket = bucketExpression(q.interval, q.timeZone);
      const result = await sql<BarRow>`
        select ${bucket} as time,
          (min(array[extract(epoch from ts), extract(epoch from delivery_start), price]))[3]::float8 as open,
          max(price)::float8 as high,
          min(price)::float8 as low,
          (max(array[extract(epoch from ts), extract(epoch from delivery_start), price]))[3]::float8 as close,
          sum(volume)::float8 as volume
        from md_ticks
        where instrument_id = ${q.instrumentId} and ts >= ${q.from} and ts < ${q.to}
        group by 1 order by 1`.execute(ex);
      return result.rows;
    },

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

const storedFromTick = (t: Tick): StoredTick => ({
  instrumentId: t.instrumentId,
  time: new Date(t.time),
  deliveryStart: new Date(t.deliveryStart),
  deliveryEnd: new Date(t.deliveryEnd),
  price: t.price,
  volume: t.volume,
});

function hasRepeatedKey(ticks: readonly Tick[]): boolean {
  const keys = new Set(ticks.map((t) => `${t.instrumentId}|${t.time}|${t.deliveryStart}`));
  return keys.size !== ticks.length;
}

/** COPY into a temporary table, then one insert-select that skips rows already stored. */
async function stagedCopy(trx: Executor, lines: readonly string[]): Promise<StoredTick[]> {
  await sql`create temp table if not exists md_ticks_incoming
    (instrument_id text, ts timestamptz, delivery_start timestamptz,
     delivery_end timestamptz, price numeric, volume numeric, source text)
    on commit delete rows`.execute(trx);
  await copyInto(trx, `copy md_ticks_incoming (${COLUMNS}) from stdin`, lines);
  const result = await sql<ReturnedRow>`
    insert into md_ticks (${sql.raw(COLUMNS)}) select ${sql.raw(COLUMNS)} from md_ticks_incoming
    on conflict do nothing ${RETURNING}`.execute(trx);
  return result.rows.map(toStored);
}

const UTC_BUCKETS: Record<Exclude<BarInterval, '1d'>, string> = {
  '1m': '1 minute',
  '15m': '15 minutes',
  '1h': '1 hour',
};

function bucketExpression(interval: BarInterval, timeZone: string) {
  if (interval === '1d') return sql`date_trunc('day', ts, ${timeZone})`;
  return sql`date_bin(${UTC_BUCKETS[interval]}::interval, ts, timestamptz '2000-01-01T00:00:00Z')`;
}

/**
 * Streams text-format COPY rows through the transaction's own connection. Kysely hides
 * the pg client, but hands the query object to `client.query`, which accepts any
 * submittable: the copy stream is one, so the COPY runs inside the caller's transaction.
 */
export async function copyInto(trx: Executor, statement: string, lines: Iterable<string>): Promise<void> {
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
