import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { appendLeaves } from './compact-range.js';
import { leafHash, nodeHash, rangeHash, rootOfLeaves, type Hash } from './merkle.js';
import {
  consistencyRanges,
  inclusionRanges,
  ProofRequestError,
  verifyConsistency,
  verifyInclusion,
} from './proofs.js';

const leavesOf = (n: number): Hash[] =>
  Array.from({ length: n }, (_, i) => leafHash(new Uint8Array([i & 255, i >> 8, 7])));

/** A tree of n leaves with every perfect subtree stored, as the log keeps it. */
function treeOf(n: number) {
  const leaves = leavesOf(n);
  const stored = new Map<string, Hash>();
  for (const x of appendLeaves(0, [], leaves).nodes) stored.set(`${x.level}/${x.index}`, x.hash);
  const lookup = (level: number, index: number) => {
    const h = stored.get(`${level}/${index}`);
    if (!h) throw new Error(`no node ${level}/${index}`);
    return h;
  };
  const hashes = (ranges: { start: number; end: number }[]) =>
    ranges.map((r) => rangeHash(r.start, r.end, lookup));
  const root = (size: number) => rootOfLeaves(leaves.slice(0, size));
  return { leaves, hashes, root };
}

const flip = (h: Hash, at: number): Hash => {
  const out = Uint8Array.from(h);
  out[at % out.length]! ^= 1;
  return out;
};

describe('inclusion proofs, by hand for small trees', () => {
  const { leaves, hashes, root } = treeOf(7);
  const [a, b, c, d, e, f, g] = leaves as [Hash, Hash, Hash, Hash, Hash, Hash, Hash];

  it('proves the promoted last leaf of seven with the two subtrees to its left', () => {
    expect(hashes(inclusionRanges(6, 7))).toEqual([
      nodeHash(e, f),
      nodeHash(nodeHash(a, b), nodeHash(c, d)),
    ]);
  });

  it('proves leaf 2 of seven with its sibling, its left pair and the right part of the tree', () => {
    expect(hashes(inclusionRanges(2, 7))).toEqual([d, nodeHash(a, b), nodeHash(nodeHash(e, f), g)]);
    expect(verifyInclusion(2, 7, c, hashes(inclusionRanges(2, 7)), root(7))).toEqual({ ok: true });
  });

  it('needs an empty path for the only leaf of a one-leaf tree', () => {
    expect(inclusionRanges(0, 1)).toEqual([]);
    expect(verifyInclusion(0, 1, a, [], a)).toEqual({ ok: true });
  });

  it('refuses an index at or past the size, naming the index', () => {
    expect(() => inclusionRanges(7, 7)).toThrow(ProofRequestError);
    expect(() => inclusionRanges(7, 7)).toThrow(/index 7 is not below size 7/);
    expect(() => inclusionRanges(0, 0)).toThrow(/size must be at least 1/);
    expect(verifyInclusion(7, 7, a, [], root(7)).ok).toBe(false);
  });
});

describe('consistency proofs, by hand for small trees', () => {
  const { leaves, hashes, root } = treeOf(7);
  const [a, b, c, d, e, f, g] = leaves as [Hash, Hash, Hash, Hash, Hash, Hash, Hash];

  it('proves three leaves grew into seven as RFC 9162 §2.1.4.1 lists', () => {
    expect(hashes(consistencyRanges(3, 7))).toEqual([
      c,
      d,
      nodeHash(a, b),
      nodeHash(nodeHash(e, f), g),
    ]);
  });

  it('leaves out the first root when the first tree is a perfect subtree', () => {
    expect(hashes(consistencyRanges(4, 7))).toEqual([nodeHash(nodeHash(e, f), g)]);
    expect(verifyConsistency(4, 7, root(4), root(7), hashes(consistencyRanges(4, 7)))).toEqual({
      ok: true,
    });
  });

  it('refuses a proof from size 0 and a second size below the first', () => {
    expect(() => consistencyRanges(0, 5)).toThrow(/empty tree/);
    expect(() => consistencyRanges(5, 4)).toThrow(ProofRequestError);
    expect(verifyConsistency(0, 5, root(0), root(5), []).ok).toBe(false);
  });

  it('needs an empty path between equal sizes, and refuses one that is not', () => {
    expect(consistencyRanges(5, 5)).toEqual([]);
    expect(verifyConsistency(5, 5, root(5), root(5), [])).toEqual({ ok: true });
    expect(verifyConsistency(5, 5, root(5), root(5), [a]).ok).toBe(false);
    expect(verifyConsistency(5, 5, root(5), root(6), []).ok).toBe(false);
  });

  it('refuses an empty path between different sizes', () => {
    expect(verifyConsistency(4, 7, root(4), root(7), []).ok).toBe(false);
  });
});

describe('proofs, for every tree up to 40 leaves', () => {
  it('verifies every inclusion proof and every consistency proof between m < n', () => {
    for (let n = 1; n <= 40; n++) {
      const { leaves, hashes, root } = treeOf(n);
      for (let i = 0; i < n; i++) {
        const path = hashes(inclusionRanges(i, n));
        expect(verifyInclusion(i, n, leaves[i]!, path, root(n)), `leaf ${i} of ${n}`).toEqual({
          ok: true,
        });
      }
      for (let m = 1; m <= n; m++) {
        const path = hashes(consistencyRanges(m, n));
        expect(verifyConsistency(m, n, root(m), root(n), path), `${m} → ${n}`).toEqual({
          ok: true,
        });
      }
    }
  });
});

describe('proofs, properties over larger trees', () => {
  const size = fc.integer({ min: 2, max: 300 });

  it('fails an inclusion proof with any byte altered, or at another index or size', () => {
    fc.assert(
      fc.property(size, fc.nat(), fc.nat(), fc.nat(), (n, i0, which, at) => {
        const i = i0 % n;
        const { leaves, hashes, root } = treeOf(n);
        const path = hashes(inclusionRanges(i, n));
        expect(verifyInclusion(i, n, leaves[i]!, path, root(n)).ok).toBe(true);
        expect(verifyInclusion(i, n, flip(leaves[i]!, at), path, root(n)).ok).toBe(false);
        expect(verifyInclusion(i, n, leaves[i]!, path, flip(root(n), at)).ok).toBe(false);
        if (path.length > 0) {
          const bad = path.map((p, k) => (k === which % path.length ? flip(p, at) : p));
          expect(verifyInclusion(i, n, leaves[i]!, bad, root(n)).ok).toBe(false);
          expect(verifyInclusion(i, n, leaves[i]!, path.slice(1), root(n)).ok).toBe(false);
        }
        expect(verifyInclusion(i, n, leaves[i]!, [...path, leaves[0]!], root(n)).ok).toBe(false);
        expect(verifyInclusion((i + 1) % n, n, leaves[i]!, path, root(n)).ok).toBe(false);
      }),
      { numRuns: 60 },
    );
  });

  it('fails a consistency proof with any byte altered, or against another size', () => {
    fc.assert(
      fc.property(size, fc.nat(), fc.nat(), fc.nat(), (n, m0, which, at) => {
        const m = 1 + (m0 % (n - 1));
        const { hashes, root } = treeOf(n);
        const path = hashes(consistencyRanges(m, n));
        expect(verifyConsistency(m, n, root(m), root(n), path).ok).toBe(true);
        expect(verifyConsistency(m, n, flip(root(m), at), root(n), path).ok).toBe(false);
        expect(verifyConsistency(m, n, root(m), flip(root(n), at), path).ok).toBe(false);
        const bad = path.map((p, k) => (k === which % path.length ? flip(p, at) : p));
        expect(verifyConsistency(m, n, root(m), root(n), bad).ok).toBe(false);
        expect(verifyConsistency(m, n, root(m), root(n), path.slice(0, -1)).ok).toBe(false);
        expect(verifyConsistency(m, n, root(m), root(n), [...path, root(m)]).ok).toBe(false);
      }),
      { numRuns: 60 },
    );
  });

  it('does not let a changed leaf keep its root (no two leaf lists share one)', () => {
    fc.assert(
      fc.property(size, fc.nat(), (n, i0) => {
        const { leaves } = treeOf(n);
        const changed = [...leaves];
        changed[i0 % n] = flip(changed[i0 % n]!, 0);
        expect(rootOfLeaves(changed)).not.toEqual(rootOfLeaves(leaves));
        // Nor the list with its last leaf repeated.
        expect(rootOfLeaves([...leaves, leaves[n - 1]!])).not.toEqual(rootOfLeaves(leaves));
      }),
      { numRuns: 40 },
    );
  });
});
