import { sql, type Transaction } from 'kysely';
import type { Db } from '../../platform/db/database.js';
import type { PlatformTables } from '../../platform/db/schema.js';
import { auditDb } from './tables.js';
import type { ChainedEntry, HashAlg } from './domain/hash-chain.js';

export type Executor = Db | Transaction<PlatformTables>;

// Any fixed number; it serialises appends so that each entry chains to the last one.
const AUDIT_CHAIN_LOCK = 7_262_027;

export interface AuditFilter {
  actor?: string | undefined;
  action?: string | undefined;
  target?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
}

export function createAuditRepo() {
  function toEntry(row: {
    seq: number;
    at: Date;
    actor: string;
    action: string;
    target: string | null;
    request_id: string | null;
    ip: string | null;
    details: Record<string, unknown>;
    prev_hash: string;
    hash: string;
    hash_alg: HashAlg;
    key_id: string | null;
  }): ChainedEntry {
    return {
      seq: row.seq,
      at: row.at.toISOString(),
      actor: row.actor,
      action: row.action,
      target: row.target,
      requestId: row.request_id,
      ip: row.ip,
      details: row.details,
      prevHash: row.prev_hash,
      hash: row.hash,
      hashAlg: row.hash_alg,
      keyId: row.key_id,
    };
  }

  const columns = [
    'seq',
    'at',
    'actor',
    'action',
    'target',
    'request_id',
    'ip',
    'details',
    'prev_hash',
    'hash',
    'hash_alg',
    'key_id',
  ] as const;

  return {
    async lockChain(trx: Transaction<PlatformTables>): Promise<void> {
      await sql`select pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`.execute(trx);
    },

    async last(
      db: Executor,
    ): Promise<{ seq: number; hash: string; hash_alg: HashAlg } | undefined> {
      return auditDb(db)
        .selectFrom('audit_log')
        .select(['seq', 'hash', 'hash_alg'])
        .orderBy('seq', 'desc')
        .limit(1)
        .executeTakeFirst();
    },

    async insert(db: Executor, e: ChainedEntry): Promise<void> {
      await auditDb(db)
        .insertInto('audit_log')
        .values({
          seq: e.seq,
          at: e.at,
          actor: e.actor,
          action: e.action,
          target: e.target,
          request_id: e.requestId,
          ip: e.ip,
          details: JSON.stringify(e.details),
          prev_hash: e.prevHash,
          hash: e.hash,
          hash_alg: e.hashAlg,
          key_id: e.keyId,
        })
        .execute();
    },

    async list(db: Db, f: AuditFilter, limit: number, offset: number) {
      let q = auditDb(db).selectFrom('audit_log');
      if (f.actor) q = q.where('actor', '=', f.actor);
      if (f.action) q = q.where('action', '=', f.action);
      if (f.target) q = q.where('target', '=', f.target);
      if (f.from) q = q.where('at', '>=', f.from);
      if (f.to) q = q.where('at', '<', f.to);
      const [rows, count] = await Promise.all([
        q
          .select([...columns, 'id'])
          .orderBy('seq', 'desc')
          .limit(limit)
          .offset(offset)
          .execute(),
        q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      ]);
      return {
        items: rows.map((r) => ({ id: r.id, ...toEntry(r) })),
        total: Number(count.n),
      };
    },

    async page(db: Db, afterSeq: number, size: number): Promise<ChainedEntry[]> {
      const rows = await auditDb(db)
        .selectFrom('audit_log')
        .select(columns)
        .where('seq', '>', afterSeq)
        .orderBy('seq', 'asc')
        .limit(size)
        .execute();
      return rows.map(toEntry);
    },
  };
}

export type AuditRepo = ReturnType<typeof createAuditRepo>;
