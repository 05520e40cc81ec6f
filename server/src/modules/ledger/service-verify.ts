import type { Db } from '../../platform/db/database.js';
import { createAuditRepo } from '../audit/index.js';
import { recordedDealVersions, recordedTrades } from '../trading/index.js';
import { appendLeaves, rootOfBorder, type StoredNode } from './domain/compact-range.js';
import { leafHash, sameHash } from './domain/merkle.js';
import { recordKeyOf, recordText, type LedgerRecord } from './domain/records.js';
import { verifyTreeHead, type PublicKeys, type SignedTreeHead } from './domain/tree-head.js';
import { createLedgerRepo, nodeKey, type StoredLeaf } from './repo.js';
import { recordOfDealVersion, recordOfTrade } from './trading-records.js';

const PAGE = 2000;

export type LedgerBreak =
  | 'bad_tree_head_signature'
  | 'missing_entry'
  | 'leaf_hash_mismatch'
  | 'record_malformed'
  | 'out_of_order'
  | 'record_differs_from_source'
  | 'source_missing'
  | 'subtree_mismatch'
  | 'root_mismatch'
  | 'missing_entries';

export interface LedgerVerification {
  ok: boolean;
  /** Entries verified before the first bad one (all of them when intact). */
  checked: number;
  /** Index of the first bad entry; for a bad head, the first entry it covers that no earlier head vouches for. */
  firstBadIndex: number | null;
  reason: LedgerBreak | null;
  detail: string | null;
  heads: number;
}

class Break extends Error {
  constructor(
    readonly index: number,
    readonly reason: LedgerBreak,
    readonly detail: string,
  ) {
    super(detail);
  }
}

function parsed(leaf: StoredLeaf): LedgerRecord {
  let record: LedgerRecord;
  try {
    record = JSON.parse(leaf.record) as LedgerRecord;
  } catch {
    throw new Break(leaf.index, 'record_malformed', 'record is not JSON');
  }
  if (
    recordText(record) !== leaf.record ||
    recordKeyOf(record) !== leaf.recordKey ||
    record.type !== leaf.kind
  ) {
    throw new Break(
      leaf.index,
      'record_malformed',
      'record is not the canonical JSON of its key and kind',
    );
  }
  return record;
}

/**
 * Walks the whole stored log and names its first bad entry: every leaf's hash against its
 * record, every record against the trade, deal version or audit entry it copies, the
 * outbox order, every stored subtree against the leaves under it, and every signed tree
 * head (its signatures and its root at its size). A log shorter than a head it published,
 * or than a head the caller kept (`against`), has lost its newest entries.
 */
export async function verifyLedger(opts: {
  db: Db;
  keys: PublicKeys;
  against?: readonly SignedTreeHead[];
  onProgress?: (checked: number) => void;
}): Promise<LedgerVerification> {
  const { db } = opts;
  const repo = createLedgerRepo();
  const audit = createAuditRepo();
  const stored = (await repo.heads(db, Number.MAX_SAFE_INTEGER)).reverse();
  const heads = [...stored, ...(opts.against ?? [])].sort((a, b) => a.size - b.size);
  let checked = 0;
  try {
    for (const h of heads) {
      const check = verifyTreeHead(h, opts.keys);
      if (!check.ok) {
        const vouched = heads.filter((x) => x.size < h.size).at(-1)?.size ?? 0;
        throw new Break(
          vouched,
          'bad_tree_head_signature',
          `tree head at size ${h.size}: ${check.reason}`,
        );
      }
    }
    let size = 0;
    let border: StoredNode[] = [];
    let lastSeq = 0;
    let nextHead = 0;
    let vouched = 0;
    while (nextHead < heads.length && heads[nextHead]!.size === 0) {
      if (!sameHash(rootOfBorder([]), heads[nextHead]!.root)) {
        throw new Break(0, 'root_mismatch', 'the empty log’s root is not the signed one');
      }
      nextHead++;
    }
    // Outbox numbers by index (NaN for audit heads), to find where a reordering began.
    let seqs = new Float64Array(1024);
    for (;;) {
      const leaves = await repo.leavesFrom(db, size, PAGE);
      if (leaves.length === 0) break;
      const records: LedgerRecord[] = [];
      for (const leaf of leaves) {
        const at = size + records.length;
        if (leaf.index !== at) throw new Break(at, 'missing_entry', `entry ${at} is missing`);
        if (!sameHash(leafHash(new TextEncoder().encode(leaf.record)), leaf.leafHash)) {
          throw new Break(
            at,
            'leaf_hash_mismatch',
            'stored leaf hash does not cover the stored record',
          );
        }
        const record = parsed(leaf);
        if (at >= seqs.length) {
          const grown = new Float64Array(seqs.length * 2);
          grown.set(seqs);
          seqs = grown;
        }
        seqs[at] = record.type === 'audit_head' ? Number.NaN : record.seq;
        if (record.type !== 'audit_head') {
          if (record.seq <= lastSeq) {
            throw new Break(
              firstAfter(seqs, at, record.seq),
              'out_of_order',
              `outbox number ${record.seq} comes after ${lastSeq}`,
            );
          }
          lastSeq = record.seq;
        }
        records.push(record);
      }
      await compareWithSources(db, audit, leaves, records);
      // Subtrees as the leaves make them, against the ones stored.
      const appended = appendLeaves(
        size,
        border,
        leaves.map((l) => l.leafHash),
      );
      const inner = appended.nodes.filter((n) => n.level > 0);
      const found = await repo.nodes(db, inner);
      for (const n of inner) {
        const h = found.get(nodeKey(n.level, n.index));
        if (!h || !sameHash(h, n.hash)) {
          const first = n.index * 2 ** n.level;
          throw new Break(
            first,
            'subtree_mismatch',
            `stored subtree of entries ${first}..${first + 2 ** n.level - 1} differs from its leaves`,
          );
        }
      }
      // Roots at each head size inside this page: replay the page leaf by leaf up to it.
      let s = size;
      let b = border;
      while (nextHead < heads.length && heads[nextHead]!.size <= appended.size) {
        const head = heads[nextHead]!;
        const step = appendLeaves(
          s,
          b,
          leaves.slice(s - size, head.size - size).map((l) => l.leafHash),
        );
        s = step.size;
        b = step.border;
        if (!sameHash(rootOfBorder(b), head.root)) {
          throw new Break(
            vouched,
            'root_mismatch',
            `the log's root at size ${head.size} is not the signed one`,
          );
        }
        vouched = head.size;
        nextHead++;
      }
      size = appended.size;
      border = appended.border;
      checked = size;
      opts.onProgress?.(checked);
    }
    const latest = heads.at(-1);
    if (latest && latest.size > size) {
      throw new Break(
        size,
        'missing_entries',
        `the log has ${size} entries but a tree head signed ${latest.size}`,
      );
    }
    return {
      ok: true,
      checked,
      firstBadIndex: null,
      reason: null,
      detail: null,
      heads: heads.length,
    };
  } catch (e) {
    if (!(e instanceof Break)) throw e;
    return {
      ok: false,
      checked: e.index,
      firstBadIndex: e.index,
      reason: e.reason,
      detail: e.detail,
      heads: heads.length,
    };
  }
}

/** The earliest entry before `at` that a record numbered `seq` should have followed. */
function firstAfter(seqs: Float64Array, at: number, seq: number): number {
  let first = at;
  for (let i = at - 1; i >= 0; i--) {
    const s = seqs[i]!;
    if (Number.isNaN(s)) continue;
    if (s <= seq) break;
    first = i;
  }
  return first;
}

async function compareWithSources(
  db: Db,
  audit: ReturnType<typeof createAuditRepo>,
  leaves: readonly StoredLeaf[],
  records: readonly LedgerRecord[],
): Promise<void> {
  const trades = await recordedTrades(
    db,
    records.flatMap((r) => (r.type === 'trade' ? [r.tradeId] : [])),
  );
  const deals = await recordedDealVersions(
    db,
    records.flatMap((r) => (r.type === 'deal_version' ? [r] : [])),
  );
  for (let i = 0; i < records.length; i++) {
    const r = records[i]!;
    const at = leaves[i]!.index;
    let source: LedgerRecord | undefined;
    if (r.type === 'trade') {
      const t = trades.get(r.tradeId);
      source = t && recordOfTrade(r.seq, t);
    } else if (r.type === 'deal_version') {
      const v = deals.get(`${r.dealId}:${r.version}`);
      source = v && recordOfDealVersion(r.seq, v);
    } else {
      const [entry] = await audit.page(db, r.seq - 1, 1);
      source =
        entry?.seq === r.seq ? { type: 'audit_head', seq: entry.seq, hash: entry.hash } : undefined;
    }
    if (!source)
      throw new Break(at, 'source_missing', `${leaves[i]!.recordKey} is no longer stored`);
    if (recordText(source) !== leaves[i]!.record) {
      throw new Break(
        at,
        'record_differs_from_source',
        `${leaves[i]!.recordKey} as stored now differs from the ledger's record`,
      );
    }
  }
}
