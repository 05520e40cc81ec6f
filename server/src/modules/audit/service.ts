import type { Transaction } from 'kysely';
import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import type { PlatformTables } from '../../platform/db/schema.js';
import {
  GENESIS_HASH,
  entryHash,
  findChainBreak,
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
  checked: number;
  firstBrokenSeq: number | null;
  reason: ChainBreak['reason'] | null;
}

export function createAuditTrail(deps: { db: Db; reader: Db; repo: AuditRepo; clock: Clock }) {
  const { db, reader, repo, clock } = deps;

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
    await repo.insert(trx, { ...fields, prevHash, hash: entryHash(prevHash, fields) });
  }

  return {
    /**
     * Appends one entry. Pass the use case's transaction so that the entry commits or
     * rolls back with the change it describes.
     */
    async record(ctx: AuditContext, event: AuditEvent, executor: Executor = db): Promise<void> {
      if (executor.isTransaction) {
        await appendIn(executor as Transaction<PlatformTables>, ctx, event);
      } else {
        await executor.transaction().execute((trx) => appendIn(trx, ctx, event));
      }
      ctx.markRecorded?.();
    },

    list(filter: AuditFilter, limit: number, offset: number) {
      return repo.list(reader, filter, limit, offset);
    },

    /** Walks the whole chain from the start, a page at a time. */
    async verify(onProgress?: (checked: number) => void): Promise<ChainVerification> {
      let prevHash = GENESIS_HASH;
      let prevSeq = 0;
      let checked = 0;
      for (;;) {
        const page = await repo.page(db, prevSeq, 2000);
        if (page.length === 0) return { ok: true, checked, firstBrokenSeq: null, reason: null };
        const broken = findChainBreak(page, prevHash, prevSeq);
        if (broken)
          return { ok: false, checked, firstBrokenSeq: broken.seq, reason: broken.reason };
        checked += page.length;
        onProgress?.(checked);
        const tail = page[page.length - 1]!;
        prevHash = tail.hash;
        prevSeq = tail.seq;
      }
    },
  };
}

export type AuditTrail = ReturnType<typeof createAuditTrail>;
