import type { Db } from '../../platform/db/database.js';
import { lastTradingEventSeq, tradingEventsAfter } from '../trading/index.js';
import { appendLeaves, borderOf, type StoredNode } from './domain/compact-range.js';
import { leafHash } from './domain/merkle.js';
import { recordBytes, recordKeyOf, recordText, type LedgerRecord } from './domain/records.js';
import { nodeKey, type Executor, type LedgerRepo, type LedgerState } from './repo.js';
import { recordOfTradingEvent } from './trading-records.js';

/** Trading events read and appended per transaction while catching up. */
const BATCH = 2000;

/** The log's right border at its current size, read from the stored subtrees. */
export async function borderAt(
  db: Executor,
  repo: LedgerRepo,
  size: number,
): Promise<StoredNode[]> {
  const ids = borderOf(size);
  const found = await repo.nodes(db, ids);
  return ids.map((n) => {
    const hash = found.get(nodeKey(n.level, n.index));
    if (!hash) throw new Error(`ledger subtree ${n.level}/${n.index} is missing`);
    return { ...n, hash };
  });
}

/**
 * Appends records at the end of the log inside the caller's transaction (which holds the
 * ledger lock): one hash per leaf, one per subtree it completes, and only the border read.
 */
export async function appendRecords(
  trx: Executor,
  repo: LedgerRepo,
  state: LedgerState,
  records: readonly LedgerRecord[],
): Promise<{ size: number; border: StoredNode[] }> {
  const border = await borderAt(trx, repo, state.size);
  if (records.length === 0) return { size: state.size, border };
  const leaves = records.map((r, i) => {
    const bytes = recordBytes(r);
    return {
      index: state.size + i,
      recordKey: recordKeyOf(r),
      kind: r.type,
      record: recordText(r),
      leafHash: leafHash(bytes),
    };
  });
  const appended = appendLeaves(
    state.size,
    border,
    leaves.map((l) => l.leafHash),
  );
  await repo.append(trx, leaves, appended.nodes);
  return { size: appended.size, border: appended.border };
}

/** Appends the trading events after the watermark (one batch) and moves it; returns how many. */
export async function appendTradingBatch(trx: Db, repo: LedgerRepo): Promise<number> {
  const state = await repo.state(trx);
  const events = await tradingEventsAfter(trx, state.tradingWatermark, BATCH);
  if (events.length === 0) return 0;
  const { size } = await appendRecords(trx, repo, state, events.map(recordOfTradingEvent));
  await repo.setState(trx, { ...state, size, tradingWatermark: events[events.length - 1]!.seq });
  return events.length;
}

/**
 * Keeps the log up to date with trading's outbox, as portfolio's projector does: one batch
 * per transaction under the ledger lock, the watermark moved with the leaves, so each trade
 * and deal version is appended once, whichever instance or caller gets there first.
 */
export function createAppender(deps: { db: Db; repo: LedgerRepo }) {
  const { db, repo } = deps;
  let running: Promise<number> | undefined;

  async function drain(): Promise<number> {
    let total = 0;
    for (;;) {
      const n = await db.transaction().execute(async (trx) => {
        await repo.lock(trx);
        return appendTradingBatch(trx, repo);
      });
      total += n;
      if (n < BATCH) return total;
    }
  }

  return {
    async catchUp(): Promise<number> {
      let total = 0;
      for (;;) {
        if (running) {
          total += await running;
          continue;
        }
        const [newest, state] = await Promise.all([lastTradingEventSeq(db), repo.state(db)]);
        if (running) continue;
        if (newest <= state.tradingWatermark) return total;
        running = drain().finally(() => {
          running = undefined;
        });
      }
    },
    async settled(): Promise<void> {
      await running?.catch(() => undefined);
    },
  };
}

export type Appender = ReturnType<typeof createAppender>;
