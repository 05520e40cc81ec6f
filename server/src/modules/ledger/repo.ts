import { sql, type Selectable, type Transaction } from 'kysely';
import type { Db } from '../../platform/db/database.js';
import type { PlatformTables } from '../../platform/db/schema.js';
import type { StoredNode } from './domain/compact-range.js';
import type { Hash, NodeId } from './domain/merkle.js';
import type { SignedTreeHead } from './domain/tree-head.js';
import type { RecordType } from './domain/records.js';
import { ledgerDb, type LedgerTreeHeadsRow } from './tables.js';

/** SQL of the ledger's tables; every function takes a connection or a transaction. */

export type Executor = Db | Transaction<PlatformTables>;

export interface LedgerState {
  size: number;
  tradingWatermark: number;
  auditSeq: number;
}

export interface StoredLeaf {
  index: number;
  recordKey: string;
  kind: RecordType;
  record: string;
  leafHash: Hash;
}

const CHUNK = 1000;
const chunks = <T>(xs: readonly T[]): T[][] =>
  Array.from({ length: Math.ceil(xs.length / CHUNK) }, (_, i) =>
    xs.slice(i * CHUNK, (i + 1) * CHUNK),
  );
const bytes = (b: Uint8Array): Uint8Array => new Uint8Array(b);
const nodeKey = (level: number, index: number) => `${level}/${index}`;

const headOf = (r: Selectable<LedgerTreeHeadsRow>): SignedTreeHead => ({
  size: Number(r.size),
  root: bytes(r.root),
  time: Number(r.time_ms),
  mlDsa87: { keyId: r.ml_dsa_87_key_id, signature: bytes(r.ml_dsa_87_signature) },
  ed25519: { keyId: r.ed25519_key_id, signature: bytes(r.ed25519_signature) },
});

const leafOf = (r: {
  idx: string | number;
  record_key: string;
  kind: RecordType;
  record: string;
  leaf_hash: Uint8Array;
}): StoredLeaf => ({
  index: Number(r.idx),
  recordKey: r.record_key,
  kind: r.kind,
  record: r.record,
  leafHash: bytes(r.leaf_hash),
});

export function createLedgerRepo() {
  return {
    /** Serialises appends per schema, so two instances never hand out one index twice. */
    async lock(trx: Executor): Promise<void> {
      await sql`select pg_advisory_xact_lock(hashtext(current_schema() || '.ledger'))`.execute(trx);
    },

    async state(db: Executor): Promise<LedgerState> {
      const r = await ledgerDb(db)
        .selectFrom('ledger_state')
        .selectAll()
        .where('id', '=', 1)
        .executeTakeFirstOrThrow();
      return {
        size: Number(r.size),
        tradingWatermark: Number(r.trading_watermark),
        auditSeq: Number(r.audit_seq),
      };
    },

    async setState(trx: Executor, s: LedgerState): Promise<void> {
      await ledgerDb(trx)
        .updateTable('ledger_state')
        .set({ size: s.size, trading_watermark: s.tradingWatermark, audit_seq: s.auditSeq })
        .where('id', '=', 1)
        .execute();
    },

    /** The hashes of the given perfect subtrees; level 0 reads the leaves. */
    async nodes(db: Executor, ids: readonly NodeId[]): Promise<Map<string, Hash>> {
      const out = new Map<string, Hash>();
      const leaves = [...new Set(ids.filter((n) => n.level === 0).map((n) => n.index))];
      const inner = ids.filter((n) => n.level > 0);
      for (const part of chunks(leaves)) {
        const rows = await ledgerDb(db)
          .selectFrom('ledger_leaves')
          .select(['idx', 'leaf_hash'])
          .where('idx', 'in', part)
          .execute();
        for (const r of rows) out.set(nodeKey(0, Number(r.idx)), bytes(r.leaf_hash));
      }
      for (const part of chunks(inner)) {
        const rows = await ledgerDb(db)
          .selectFrom('ledger_nodes')
          .select(['level', 'idx', 'hash'])
          .where((eb) =>
            eb.or(part.map((n) => eb.and([eb('level', '=', n.level), eb('idx', '=', n.index)]))),
          )
          .execute();
        for (const r of rows) out.set(nodeKey(r.level, Number(r.idx)), bytes(r.hash));
      }
      return out;
    },

    async append(
      trx: Executor,
      leaves: readonly {
        index: number;
        recordKey: string;
        kind: RecordType;
        record: string;
        leafHash: Hash;
      }[],
      nodes: readonly StoredNode[],
    ): Promise<void> {
      for (const part of chunks(leaves)) {
        await ledgerDb(trx)
          .insertInto('ledger_leaves')
          .values(
            part.map((l) => ({
              idx: l.index,
              record_key: l.recordKey,
              kind: l.kind,
              record: l.record,
              leaf_hash: l.leafHash,
            })),
          )
          .execute();
      }
      for (const part of chunks(nodes.filter((n) => n.level > 0))) {
        await ledgerDb(trx)
          .insertInto('ledger_nodes')
          .values(part.map((n) => ({ level: n.level, idx: n.index, hash: n.hash })))
          .execute();
      }
    },

    async leafByKey(db: Executor, recordKey: string): Promise<StoredLeaf | undefined> {
      const r = await ledgerDb(db)
        .selectFrom('ledger_leaves')
        .select(['idx', 'record_key', 'kind', 'record', 'leaf_hash'])
        .where('record_key', '=', recordKey)
        .executeTakeFirst();
      return r ? leafOf(r) : undefined;
    },

    /** Leaves from `fromIndex` on, in index order: the walk of `ledger verify`. */
    async leavesFrom(db: Executor, fromIndex: number, limit: number): Promise<StoredLeaf[]> {
      const rows = await ledgerDb(db)
        .selectFrom('ledger_leaves')
        .select(['idx', 'record_key', 'kind', 'record', 'leaf_hash'])
        .where('idx', '>=', fromIndex)
        .orderBy('idx')
        .limit(limit)
        .execute();
      return rows.map(leafOf);
    },

    async leafCount(db: Executor): Promise<number> {
      const r = await ledgerDb(db)
        .selectFrom('ledger_leaves')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow();
      return Number(r.n);
    },

    /** Stored inner nodes from a level, in order: what `ledger verify` recomputes. */
    async nodesOfLevel(
      db: Executor,
      level: number,
      fromIndex: number,
      limit: number,
    ): Promise<StoredNode[]> {
      const rows = await ledgerDb(db)
        .selectFrom('ledger_nodes')
        .select(['level', 'idx', 'hash'])
        .where('level', '=', level)
        .where('idx', '>=', fromIndex)
        .orderBy('idx')
        .limit(limit)
        .execute();
      return rows.map((r) => ({ level: r.level, index: Number(r.idx), hash: bytes(r.hash) }));
    },

    async insertHead(trx: Executor, h: SignedTreeHead): Promise<void> {
      await ledgerDb(trx)
        .insertInto('ledger_tree_heads')
        .values({
          size: h.size,
          root: h.root,
          time_ms: h.time,
          ml_dsa_87_key_id: h.mlDsa87.keyId,
          ml_dsa_87_signature: h.mlDsa87.signature,
          ed25519_key_id: h.ed25519.keyId,
          ed25519_signature: h.ed25519.signature,
        })
        .execute();
    },

    async latestHead(db: Executor): Promise<SignedTreeHead | undefined> {
      const r = await ledgerDb(db)
        .selectFrom('ledger_tree_heads')
        .selectAll()
        .orderBy('size', 'desc')
        .limit(1)
        .executeTakeFirst();
      return r ? headOf(r) : undefined;
    },

    async headAt(db: Executor, size: number): Promise<SignedTreeHead | undefined> {
      const r = await ledgerDb(db)
        .selectFrom('ledger_tree_heads')
        .selectAll()
        .where('size', '=', size)
        .executeTakeFirst();
      return r ? headOf(r) : undefined;
    },

    /** Heads newest first, below `beforeSize` when given. */
    async heads(db: Executor, limit: number, beforeSize?: number): Promise<SignedTreeHead[]> {
      let q = ledgerDb(db).selectFrom('ledger_tree_heads').selectAll();
      if (beforeSize !== undefined) q = q.where('size', '<', beforeSize);
      const rows = await q.orderBy('size', 'desc').limit(limit).execute();
      return rows.map(headOf);
    },
  };
}

export type LedgerRepo = ReturnType<typeof createLedgerRepo>;
export { nodeKey };
