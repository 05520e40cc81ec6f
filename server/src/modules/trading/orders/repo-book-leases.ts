import { sql } from 'kysely';
import type { Db } from '../../../platform/db/database.js';

/**
 * SQL of the book leases: session advisory locks, one per book, keyed by the
 * schema too so that deployments (and test runs) sharing a database stay apart.
 * Run on the order-entry session only: a session lock belongs to the session
 * that took it.
 */
const leaseKey = (ids: readonly string[]) =>
  sql`(select id, hashtextextended(current_schema() || '/trading-book/' || id, 0) as k from unnest(${[...ids]}::text[]) as id)`;

/** Tries each book's lease without waiting; returns the books won. */
export async function tryBookLeases(db: Db, instrumentIds: readonly string[]): Promise<string[]> {
  const { rows } = await sql<{ id: string; won: boolean }>`
    select w.id, pg_try_advisory_lock(w.k) as won from ${leaseKey(instrumentIds)} w`.execute(db);
  return rows.filter((r) => r.won).map((r) => r.id);
}

export async function releaseBookLease(db: Db, instrumentId: string): Promise<void> {
  await sql`select pg_advisory_unlock(w.k) from ${leaseKey([instrumentId])} w`.execute(db);
}

/** Who holds each book's lease: the holding session's application name, which is its instance id. */
export async function bookLeaseHolders(
  db: Db,
  instrumentIds: readonly string[],
): Promise<Map<string, string | null>> {
  const { rows } = await sql<{ id: string; owner: string | null }>`
    select w.id, a.application_name as owner
    from ${leaseKey(instrumentIds)} w
    join pg_locks l on l.locktype = 'advisory' and l.granted and l.objsubid = 1
      and l.database = (select oid from pg_database where datname = current_database())
      and l.classid = ((w.k >> 32) & 4294967295)::oid and l.objid = (w.k & 4294967295)::oid
    left join pg_stat_activity a on a.pid = l.pid`.execute(db);
  return new Map(rows.map((r) => [r.id, r.owner]));
}

export async function pingSession(db: Db): Promise<void> {
  await sql`select 1`.execute(db);
}
