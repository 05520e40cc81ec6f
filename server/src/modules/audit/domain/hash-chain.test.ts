import { describe, expect, it } from 'vitest';
import { chainKeyring } from './chain-keys.js';
import {
  CHAIN_START,
  GENESIS_HASH,
  canonicalJson,
  entryHash,
  findChainBreak,
  keyedEntryHash,
  type ChainedEntry,
  type ChainedFields,
} from './hash-chain.js';

const keys = chainKeyring(['the-server-audit-key-0123456789abcdef']);

/** Entries 1..n; those from `keyedFrom` on are keyed (all of them by default). */
function chain(n: number, keyedFrom = 1): ChainedEntry[] {
  const out: ChainedEntry[] = [];
  let prev = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq++) {
    const fields: ChainedFields = {
      seq,
      at: new Date(Date.UTC(2026, 0, 1, 0, seq)).toISOString(),
      actor: 'user:admin',
      action: 'user.create',
      target: `user:u${seq}`,
      requestId: `r${seq}`,
      ip: '127.0.0.1',
      details: { roles: ['trader'], n: seq },
    };
    const keyed = seq >= keyedFrom;
    const hash = keyed ? keyedEntryHash(keys.current.key, prev, fields) : entryHash(prev, fields);
    out.push({
      ...fields,
      prevHash: prev,
      hash,
      hashAlg: keyed ? 'hmac-sha256' : 'sha256',
      keyId: keyed ? keys.current.id : null,
    });
    prev = hash;
  }
  return out;
}

describe('canonical JSON', () => {
  it('orders keys at every depth so that key order never changes a hash', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[1,{"y":2,"z":1}]},"b":1}',
    );
    expect(canonicalJson({ a: 1, b: 2 })).toBe(canonicalJson({ b: 2, a: 1 }));
  });

  it('drops undefined members as JSON does', () => {
    expect(canonicalJson({ a: undefined, b: 'x' })).toBe('{"b":"x"}');
  });
});

describe('audit hash chain', () => {
  it('accepts an untouched chain', () => {
    expect(findChainBreak(chain(5), CHAIN_START, keys)).toBeUndefined();
  });

  it('reports the first entry whose content was edited', () => {
    const entries = chain(5);
    entries[2] = { ...entries[2]!, actor: 'user:mallory' };
    expect(findChainBreak(entries, CHAIN_START, keys)).toEqual({ seq: 3, reason: 'hash_mismatch' });
  });

  it('reports a deleted entry as a gap in the sequence', () => {
    const entries = chain(5);
    entries.splice(1, 1);
    expect(findChainBreak(entries, CHAIN_START, keys)).toEqual({ seq: 2, reason: 'sequence_gap' });
  });

  it('reports an entry whose hash was recomputed to hide an edit at the next link', () => {
    const entries = chain(4);
    const edited = { ...entries[1]!, details: { roles: ['admin'] } };
    const { prevHash: _p, hash: _h, hashAlg: _a, keyId: _k, ...fields } = edited;
    entries[1] = { ...edited, hash: keyedEntryHash(keys.current.key, edited.prevHash, fields) };
    expect(findChainBreak(entries, CHAIN_START, keys)).toEqual({
      seq: 3,
      reason: 'prev_hash_mismatch',
    });
  });

  it('accepts unkeyed entries written before the chain was keyed, followed by keyed ones', () => {
    expect(findChainBreak(chain(6, 4), CHAIN_START, keys)).toBeUndefined();
  });

  it('refuses an unkeyed entry after a keyed one, so that a rewrite cannot downgrade the chain', () => {
    const entries = chain(4);
    const { prevHash, hash: _h, hashAlg: _a, keyId: _k, ...fields } = entries[3]!;
    entries[3] = {
      ...fields,
      prevHash,
      hash: entryHash(prevHash, fields),
      hashAlg: 'sha256',
      keyId: null,
    };
    expect(findChainBreak(entries, CHAIN_START, keys)).toEqual({
      seq: 4,
      reason: 'unkeyed_after_keyed',
    });
  });

  it('refuses an entry keyed under a key the verifier does not hold', () => {
    const other = chainKeyring(['somebody-elses-key-0123456789abcdef']);
    expect(findChainBreak(chain(3), CHAIN_START, other)).toEqual({ seq: 1, reason: 'unknown_key' });
  });

  it('verifies entries keyed under a key since rotated out', () => {
    const rotated = chainKeyring([
      'the-next-audit-key-0123456789abcdef',
      'the-server-audit-key-0123456789abcdef',
    ]);
    expect(findChainBreak(chain(3), CHAIN_START, rotated)).toBeUndefined();
  });
});
