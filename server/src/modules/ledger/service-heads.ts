import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import { createAuditRepo } from '../audit/index.js';
import { rootOfBorder } from './domain/compact-range.js';
import { signTreeHead, type SignedTreeHead, type SigningKeys } from './domain/tree-head.js';
import { appendRecords, appendTradingBatch, type Appender } from './service-append.js';
import type { LedgerRepo } from './repo.js';

/**
 * Publishing a tree head: the log first takes in what trading recorded and the audit
 * trail's newest entry (so each head also fixes the audit chain's head, which deleting the
 * newest audit entries would otherwise leave unnoticed), then signs its size, root and time.
 * A log that has not grown since its last head keeps that head.
 */
export function createTreeHeads(deps: {
  db: Db;
  repo: LedgerRepo;
  appender: Appender;
  keys: SigningKeys;
  clock: Clock;
}) {
  const { db, repo, appender, keys, clock } = deps;
  const audit = createAuditRepo();

  async function publish(): Promise<{ head: SignedTreeHead; published: boolean }> {
    await appender.catchUp();
    return db.transaction().execute(async (trx) => {
      await repo.lock(trx);
      // Events recorded since the catch-up above, so the head covers everything before it.
      for (let n = 1; n > 0;) n = await appendTradingBatch(trx, repo);
      const state = await repo.state(trx);
      const auditHead = await audit.last(trx);
      const records =
        auditHead && auditHead.seq !== state.auditSeq
          ? [{ type: 'audit_head' as const, seq: auditHead.seq, hash: auditHead.hash }]
          : [];
      const { size, border } = await appendRecords(trx, repo, state, records);
      if (records.length > 0)
        await repo.setState(trx, { ...state, size, auditSeq: auditHead!.seq });
      const latest = await repo.latestHead(trx);
      if (latest && latest.size === size) return { head: latest, published: false };
      const head = signTreeHead({ size, root: rootOfBorder(border), time: clock.now() }, keys);
      await repo.insertHead(trx, head);
      return { head, published: true };
    });
  }

  return {
    publish,
    latest: () => repo.latestHead(db),
    at: (size: number) => repo.headAt(db, size),
    list: (limit: number, beforeSize?: number) => repo.heads(db, limit, beforeSize),
  };
}

export type TreeHeads = ReturnType<typeof createTreeHeads>;
