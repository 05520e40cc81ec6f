import type { Db } from '../../platform/db/database.js';
import { DomainError, notFound } from '../../platform/errors.js';
import { nodesOfRange, rangeHash, type Hash } from './domain/merkle.js';
import {
  consistencyRanges,
  inclusionRanges,
  ProofRequestError,
  type LeafRange,
} from './domain/proofs.js';
import type { SignedTreeHead } from './domain/tree-head.js';
import { nodeKey, type LedgerRepo, type StoredLeaf } from './repo.js';
import type { Appender } from './service-append.js';
import type { TreeHeads } from './service-heads.js';

export interface InclusionProof {
  leaf: StoredLeaf;
  head: SignedTreeHead;
  path: Hash[];
}

export interface ConsistencyProof {
  first: number;
  head: SignedTreeHead;
  /** The head published at the first size, when there is one. */
  firstHead: SignedTreeHead | null;
  path: Hash[];
}

const badField = (field: string, rule: string, message: string) =>
  new DomainError('validation', 'validation_failed', message, [{ field, rule, message }]);

/**
 * Proofs answer against a published tree head, never a bare root: a path fixes a leaf's
 * place only together with the size and root it was computed for, and the head's
 * signatures are what a verifier checks first.
 */
export function createProofs(deps: {
  db: Db;
  repo: LedgerRepo;
  appender: Appender;
  heads: TreeHeads;
}) {
  const { db, repo, appender, heads } = deps;

  async function hashesOf(ranges: readonly LeafRange[]): Promise<Hash[]> {
    const ids = ranges.flatMap((r) => nodesOfRange(r.start, r.end));
    const found = await repo.nodes(db, ids);
    return ranges.map((r) =>
      rangeHash(r.start, r.end, (level, index) => {
        const h = found.get(nodeKey(level, index));
        if (!h) throw new Error(`ledger subtree ${level}/${index} is missing`);
        return h;
      }),
    );
  }

  async function headFor(size: number | undefined, field: string): Promise<SignedTreeHead> {
    if (size !== undefined) {
      const head = await heads.at(size);
      if (!head)
        throw badField(field, 'published_size', `no tree head was published at size ${size}`);
      return head;
    }
    return (await heads.latest()) ?? (await heads.publish()).head;
  }

  const asField = (e: unknown, fields: Record<string, string>): never => {
    if (e instanceof ProofRequestError)
      throw badField(fields[e.field] ?? e.field, e.rule, e.message);
    throw e;
  };

  return {
    /** The proof that a record is in the log, against the latest head (or the one at `size`). */
    async inclusion(recordKey: string, size?: number): Promise<InclusionProof> {
      await appender.catchUp();
      const leaf = await repo.leafByKey(db, recordKey);
      if (!leaf) throw notFound(`ledger record ${recordKey}`, 'ledger_record_not_found');
      let head = await headFor(size, 'size');
      // A record newer than the last head gets a head of its own now rather than waiting.
      if (size === undefined && leaf.index >= head.size) head = (await heads.publish()).head;
      if (leaf.index >= head.size) {
        throw badField(
          'size',
          'covers_record',
          `the head at size ${head.size} does not cover record ${recordKey} (index ${leaf.index})`,
        );
      }
      let ranges: LeafRange[] = [];
      try {
        ranges = inclusionRanges(leaf.index, head.size);
      } catch (e) {
        asField(e, { index: 'record', size: 'size' });
      }
      return { leaf, head, path: await hashesOf(ranges) };
    },

    /** The proof that the log at `second` (default: the latest head) extends the log at `first`. */
    async consistency(first: number, second?: number): Promise<ConsistencyProof> {
      const head = await headFor(second, 'second');
      if (first > head.size) {
        throw badField(
          'first',
          'at_most_second',
          `first (${first}) must be at most the second size (${head.size})`,
        );
      }
      let ranges: LeafRange[] = [];
      try {
        ranges = consistencyRanges(first, head.size);
      } catch (e) {
        asField(e, {});
      }
      return {
        first,
        head,
        firstHead: (await heads.at(first)) ?? null,
        path: await hashesOf(ranges),
      };
    },
  };
}

export type Proofs = ReturnType<typeof createProofs>;
