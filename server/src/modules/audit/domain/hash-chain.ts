import { createHash } from 'node:crypto';

/** The hash before the first entry of the chain. */
export const GENESIS_HASH = '0'.repeat(64);

export interface ChainedFields {
  seq: number;
  at: string;
  actor: string;
  action: string;
  target: string | null;
  requestId: string | null;
  ip: string | null;
  details: Record<string, unknown>;
}

export interface ChainedEntry extends ChainedFields {
  prevHash: string;
  hash: string;
}

/**
 * JSON with object keys sorted at every level, so that the same entry always hashes
 * the same however its details were built or stored (jsonb reorders keys).
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) return 'null';
    return JSON.stringify(value) ?? 'null';
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export function entryHash(prevHash: string, fields: ChainedFields): string {
  return createHash('sha256').update(prevHash).update(canonicalJson(fields)).digest('hex');
}

export interface ChainBreak {
  seq: number;
  reason: 'hash_mismatch' | 'prev_hash_mismatch' | 'sequence_gap';
}

/**
 * Checks a run of consecutive entries that follows `prevHash` (and `prevSeq`). Returns
 * the first broken link, or undefined when every entry is intact.
 */
export function findChainBreak(
  entries: readonly ChainedEntry[],
  prevHash: string,
  prevSeq: number,
): ChainBreak | undefined {
  let expectedPrev = prevHash;
  let expectedSeq = prevSeq + 1;
  for (const e of entries) {
    if (e.seq !== expectedSeq) return { seq: expectedSeq, reason: 'sequence_gap' };
    if (e.prevHash !== expectedPrev) return { seq: e.seq, reason: 'prev_hash_mismatch' };
    const { prevHash: _p, hash, ...fields } = e;
    if (entryHash(expectedPrev, fields) !== hash) return { seq: e.seq, reason: 'hash_mismatch' };
    expectedPrev = hash;
    expectedSeq += 1;
  }
  return undefined;
}
