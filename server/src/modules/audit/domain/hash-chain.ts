import { createHash, createHmac } from 'node:crypto';
import type { ChainKeyring } from './chain-keys.js';

/** The hash before the first entry of the chain. */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * `sha256`: entries written before the chain was keyed, which anyone can recompute.
 * `hmac-sha256`: keyed under a secret the database does not hold.
 */
export type HashAlg = 'sha256' | 'hmac-sha256';

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
  hashAlg: HashAlg;
  /** Which key of the keyring made a keyed hash; null for unkeyed entries. */
  keyId: string | null;
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

/** The unkeyed hash of the entries written before the chain was keyed. */
export function entryHash(prevHash: string, fields: ChainedFields): string {
  return createHash('sha256').update(prevHash).update(canonicalJson(fields)).digest('hex');
}

/** HMAC-SHA-256 over the same bytes as `entryHash`, under one of the keyring's keys. */
export function keyedEntryHash(key: Uint8Array, prevHash: string, fields: ChainedFields): string {
  return createHmac('sha256', key).update(prevHash).update(canonicalJson(fields)).digest('hex');
}

export interface ChainBreak {
  seq: number;
  reason:
    | 'hash_mismatch'
    | 'prev_hash_mismatch'
    | 'sequence_gap'
    | 'unknown_key'
    /** An unkeyed entry after a keyed one: someone downgraded the chain to forge it. */
    | 'unkeyed_after_keyed'
    /**
     * No entry is keyed (an unkeyed entry may only precede keyed ones, so an unkeyed head
     * means all are), and nothing proves the server wrote any of it.
     */
    | 'chain_not_keyed';
}

/** Where a run of entries picks up: the link before it. */
export interface ChainPosition {
  hash: string;
  seq: number;
  /** Whether a keyed entry has been seen; after one, every entry must be keyed. */
  keyed: boolean;
}

export const CHAIN_START: ChainPosition = { hash: GENESIS_HASH, seq: 0, keyed: false };

/**
 * Checks a run of consecutive entries that follows `from`. Returns the first broken
 * link, or undefined when every entry is intact.
 */
export function findChainBreak(
  entries: readonly ChainedEntry[],
  from: ChainPosition,
  keys: ChainKeyring,
): ChainBreak | undefined {
  let expectedPrev = from.hash;
  let expectedSeq = from.seq + 1;
  let keyed = from.keyed;
  for (const e of entries) {
    if (e.seq !== expectedSeq) return { seq: expectedSeq, reason: 'sequence_gap' };
    if (e.prevHash !== expectedPrev) return { seq: e.seq, reason: 'prev_hash_mismatch' };
    const { prevHash: _p, hash, hashAlg, keyId, ...fields } = e;
    if (hashAlg === 'hmac-sha256') {
      const key = keyId === null ? undefined : keys.byId.get(keyId);
      if (!key) return { seq: e.seq, reason: 'unknown_key' };
      if (keyedEntryHash(key, expectedPrev, fields) !== hash)
        return { seq: e.seq, reason: 'hash_mismatch' };
      keyed = true;
    } else {
      if (keyed) return { seq: e.seq, reason: 'unkeyed_after_keyed' };
      if (entryHash(expectedPrev, fields) !== hash) return { seq: e.seq, reason: 'hash_mismatch' };
    }
    expectedPrev = hash;
    expectedSeq += 1;
  }
  return undefined;
}

/** The position after `entries`, which must be intact and follow `from`. */
export function positionAfter(
  entries: readonly ChainedEntry[],
  from: ChainPosition,
): ChainPosition {
  const tail = entries[entries.length - 1];
  if (!tail) return from;
  return {
    hash: tail.hash,
    seq: tail.seq,
    keyed: from.keyed || entries.some((e) => e.hashAlg === 'hmac-sha256'),
  };
}
