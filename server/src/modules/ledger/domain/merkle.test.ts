import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { appendLeaves, borderOf, rootOfBorder } from './compact-range.js';
import {
  EMPTY_ROOT,
  leafHash,
  nodesOfRange,
  rangeHash,
  rootOfLeaves,
  toHex,
  type Hash,
} from './merkle.js';

// Written out by hand from RFC 9162 §2.1.1, with node:crypto and no code of the module.
const H = (...parts: (number[] | Hash)[]) => {
  const h = createHash('sha256');
  for (const p of parts) h.update(Uint8Array.from(p));
  return new Uint8Array(h.digest());
};
const leaf = (bytes: number[]) => H([0x00], bytes);
const node = (l: Hash, r: Hash) => H([0x01], l, r);

// The leaf inputs transparency-dev's and RFC 6962's reference tests use.
const inputs = [
  [],
  [0x00],
  [0x10],
  [0x20, 0x21],
  [0x30, 0x31],
  [0x40, 0x41, 0x42, 0x43],
  [0x50, 0x51, 0x52, 0x53, 0x54, 0x55, 0x56, 0x57],
];
const leaves = inputs.map((b) => leaf(b));
const [a, b, c, d, e, f, g] = leaves as [Hash, Hash, Hash, Hash, Hash, Hash, Hash];

describe('the Merkle tree hash', () => {
  it('hashes the empty tree as SHA-256 of nothing and a one-leaf tree as its leaf hash', () => {
    expect(toHex(EMPTY_ROOT)).toBe(
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    );
    expect(toHex(leafHash(new Uint8Array(0)))).toBe(
      '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
    );
    expect(rootOfLeaves([a])).toEqual(a);
  });

  it('promotes the odd leaf of a three-leaf tree instead of pairing it with a copy of itself', () => {
    const expected = node(node(a, b), c);
    expect(rootOfLeaves([a, b, c])).toEqual(expected);
    expect(rootOfLeaves([a, b, c])).not.toEqual(node(node(a, b), node(c, c)));
    // The CVE-2012-2459 collision: with duplication, [a,b,c] and [a,b,c,c] would share a root.
    expect(rootOfLeaves([a, b, c])).not.toEqual(rootOfLeaves([a, b, c, c]));
  });

  it('splits at the largest power of two below the size, for five and seven leaves', () => {
    expect(rootOfLeaves([a, b, c, d, e])).toEqual(node(node(node(a, b), node(c, d)), e));
    expect(rootOfLeaves(leaves)).toEqual(node(node(node(a, b), node(c, d)), node(node(e, f), g)));
  });

  it('matches the published root of the reference tree of eight leaves', () => {
    const h = leaf([
      0x60, 0x61, 0x62, 0x63, 0x64, 0x65, 0x66, 0x67, 0x68, 0x69, 0x6a, 0x6b, 0x6c, 0x6d, 0x6e,
      0x6f,
    ]);
    expect(toHex(rootOfLeaves([...leaves, h]))).toBe(
      '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
    );
  });
});

describe('appending through the right border', () => {
  it('keeps one perfect subtree per set bit of the size', () => {
    expect(borderOf(0)).toEqual([]);
    expect(borderOf(6)).toEqual([
      { level: 2, index: 0 },
      { level: 1, index: 2 },
    ]);
    expect(borderOf(7)).toEqual([
      { level: 2, index: 0 },
      { level: 1, index: 2 },
      { level: 0, index: 6 },
    ]);
  });

  it('reaches the definition root at every size, appending one leaf or many at a time', () => {
    const hashes = Array.from({ length: 70 }, (_, i) => leafHash(new Uint8Array([i, i >> 8])));
    let state = appendLeaves(0, [], []);
    const stored = new Map<string, Hash>();
    for (let n = 0; n < hashes.length; n++) {
      state = appendLeaves(state.size, state.border, [hashes[n]!]);
      for (const x of state.nodes) stored.set(`${x.level}/${x.index}`, x.hash);
      expect(rootOfBorder(state.border)).toEqual(rootOfLeaves(hashes.slice(0, n + 1)));
      expect(state.border.map(({ level, index }) => ({ level, index }))).toEqual(borderOf(n + 1));
    }
    const batch = appendLeaves(0, [], hashes);
    expect(rootOfBorder(batch.border)).toEqual(rootOfLeaves(hashes));
    // Every subtree an append stores is enough to hash any prefix of the log.
    const lookup = (level: number, index: number) => stored.get(`${level}/${index}`)!;
    for (const n of [1, 2, 3, 31, 32, 33, 64, 70]) {
      expect(rangeHash(0, n, lookup)).toEqual(rootOfLeaves(hashes.slice(0, n)));
      expect(nodesOfRange(0, n).length).toBe(borderOf(n).length);
    }
  });
});
