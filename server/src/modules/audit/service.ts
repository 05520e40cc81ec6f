import type { Transaction } from 'kysely';
import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import type { PlatformTables } from '../../platform/db/schema.js';
import type { ChainKeyring } from './domain/chain-keys.js';
import {
  CHAIN_START,
  GENESIS_HASH,
  findChainBreak,
  keyedEntryHash,
  positionAfter,
  type ChainBreak,
  type ChainedFields,
} from './domain/hash-chain.js';
import type { AuditFilter, AuditRepo, Executor } from './repo.js';

/** Who did it and through which request; routes build it, services pass it on. */
export interface AuditContext {
  actor: string;
  requestId?: string | null;
  ip?: string | null;
  /** Tells the request's generic audit hook that a use case has described it. */
  markRecorded?: () => void;
}

export interface AuditEvent {
  action: string;
  target?: string | null;
  details?: Record<string, unknown>;
}

export interface ChainVerification {
  ok: boolean;
  /** Entries verified before the first broken link (all of them when intact). */
  checked: number;
  firstBrokenSeq: number | null;
  reason: ChainBreak['reason'] | null;
}

export function createAuditTrail(deps: {
  db: Db;
  reader: Db;
  repo: AuditRepo;
  clock: Clock;
  keys: ChainKeyring;
}) {
  const { db, reader, repo, clock, keys } = deps;

  async function appendIn(trx: Transaction<PlatformTables>, ctx: AuditContext, event: AuditEvent) {
    await repo.lockChain(trx);
    const last = await repo.last(trx);
    const fields: ChainedFields = {
      seq: (last?.seq ?? 0) + 1,
      at: new Date(clock.now()).toISOString(),
      actor: ctx.actor,
      action: event.action,
      target: event.target ?? null,
      requestId: ctx.requestId ?? null,
      ip: ctx.ip ?? null,
      details: event.details ?? {},
    };
    const prevHash = last?.hash ?? GENESIS_HASH;
    await repo.insert(trx, {
      ...fields,
      prevHash,
      hash: keyedEntryHash(keys.current.key, prevHash, fields),
      hashAlg: 'hmac-sha256',
      keyId: keys.current.id,
    });
  }

  async function record(
    ctx: AuditContext,
    event: AuditEvent,
    executor: Executor = db,
  ): Promise<void> {
    if (executor.isTransaction) {
      await appendIn(executor as Transaction<PlatformTables>, ctx, event);
    } else {
      await executor.transaction().execute((trx) => appendIn(trx, ctx, event));
    }
    ctx.markRecorded?.();
  }

  return {
    /**
     * Appends one entry. Pass the use case's transaction so that the entry commits or
     * rolls back with the change it describes.
     */
    record,

    list(filter: AuditFilter, limit: number, offset: number) {
      return repo.list(reader, filter, limit, offset);
    },

    /**
     * A chain written before entries were keyed ends in an unkeyed entry, which anyone
     * with the database could have forged; one keyed entry on top seals what came before
     * (its HMAC covers the old head), so that from here on a rewrite shows.
     */
    async sealUnkeyedChain(): Promise<boolean> {
      return db.transaction().execute(async (trx) => {
        await repo.lockChain(trx);
        const last = await repo.last(trx);
        if (!last || last.hash_alg === 'hmac-sha256') return false;
        await appendIn(
          trx,
          { actor: 'system' },
          { action: 'audit.chain_keyed', details: { unkeyedHeadSeq: last.seq } },
        );
        return true;
      });
    },

    /** Walks the whole chain from the start, a page at a time. */
    async verify(onProgress?: (checked: number) => void): Promise<ChainVerification> {
      let at = CHAIN_START;
      for (;;) {
        const page = await repo.page(db, at.seq, 2000);
        if (page.length === 0) {
          // Nothing keyed means nothing shows the server wrote this chain: anyone with the
          // database could have written every entry of it.
          if (at.seq > 0 && !at.keyed) {
            return { ok: false, checked: 0, firstBrokenSeq: 1, reason: 'chain_not_keyed' };
          }
          return { ok: true, checked: at.seq, firstBrokenSeq: null, reason: null };
        }
        const broken = findChainBreak(page, at, keys);
        if (broken) {
          return {
            ok: false,
            checked: broken.seq - 1,
            firstBrokenSeq: broken.seq,
            reason: broken.reason,
          };
        }
        at = positionAfter(page, at);
        onProgress?.(at.seq);
      }
    },
  };
}

export type AuditTrail = ReturnType<typeof createAuditTrail>;
