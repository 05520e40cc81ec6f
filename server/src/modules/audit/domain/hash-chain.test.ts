import { describe, expect, it } from 'vitest';
import {
  GENESIS_HASH,
  canonicalJson,
  entryHash,
  findChainBreak,
  type ChainedEntry,
  type ChainedFields,
} from './hash-chain.js';

function chain(n: number): ChainedEntry[] {
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
    const hash = entryHash(prev, fields);
    out.push({ ...fields, prevHash: prev, hash });
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
    expect(findChainBreak(chain(5), GENESIS_HASH, 0)).toBeUndefined();
  });

  it('reports the first entry whose content was edited', () => {
    const entries = chain(5);
    entries[2] = { ...entries[2]!, actor: 'user:mallory' };
    expect(findChainBreak(entries, GENESIS_HASH, 0)).toEqual({ seq: 3, reason: 'hash_mismatch' });
  });

  it('reports a deleted entry as a gap in the sequence', () => {
    const entries = chain(5);
    entries.splice(1, 1);
    expect(findChainBreak(entries, GENESIS_HASH, 0)).toEqual({ seq: 2, reason: 'sequence_gap' });
  });

  it('reports an entry whose hash was recomputed to hide an edit at the next link', () => {
    const entries = chain(4);
    const edited = { ...entries[1]!, details: { roles: ['admin'] } };
    const { prevHash: _p, hash: _h, ...fields } = edited;
    entries[1] = { ...edited, hash: entryHash(edited.prevHash, fields) };
    expect(findChainBreak(entries, GENESIS_HASH, 0)).toEqual({
      seq: 3,
      reason: 'prev_hash_mismatch',
    });
  });
});
