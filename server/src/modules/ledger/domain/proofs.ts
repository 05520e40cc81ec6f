import { nodeHash, sameHash, type Hash } from './merkle.js';

/**
 * Inclusion and consistency proofs of RFC 9162 §2.1.3 and §2.1.4. Building a proof is
 * split from hashing it: the builders name the leaf ranges whose MTH the proof lists, so a
 * store can fetch exactly the subtree hashes those ranges need in one read. Verification
 * follows the RFC's iterative algorithms, with the edge cases transparency-dev's verifier
 * enforces: an index at or past the size, a proof from the empty tree, and equal sizes
 * with a non-empty path are all refused.
 */

/** A half-open run of leaves [start, end) whose Merkle tree hash a proof carries. */
export interface LeafRange {
  start: number;
  end: number;
}

export class ProofRequestError extends Error {
  constructor(
    readonly field: 'index' | 'size' | 'first' | 'second',
    readonly rule: string,
    message: string,
  ) {
    super(message);
    this.name = 'ProofRequestError';
  }
}

const split = (n: number): number => {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
};

const isSize = (n: number) => Number.isSafeInteger(n) && n >= 0;

/** PATH(index, D[0:size]): sibling ranges, deepest first. */
export function inclusionRanges(index: number, size: number): LeafRange[] {
  if (!isSize(size) || size === 0)
    throw new ProofRequestError('size', 'min', 'size must be at least 1');
  if (!isSize(index) || index >= size) {
    throw new ProofRequestError('index', 'below_size', `index ${index} is not below size ${size}`);
  }
  const out: LeafRange[] = [];
  let start = 0;
  let end = size;
  // Walk root to leaf, then reverse: the RFC lists the leaf's sibling first.
  while (end - start > 1) {
    const k = split(end - start);
    if (index - start < k) {
      out.push({ start: start + k, end });
      end = start + k;
    } else {
      out.push({ start, end: start + k });
      start += k;
    }
  }
  return out.reverse();
}

/** PROOF(first, D[0:second]) of RFC 9162 §2.1.4.1, as ranges. */
export function consistencyRanges(first: number, second: number): LeafRange[] {
  if (!isSize(first) || first === 0) {
    throw new ProofRequestError(
      'first',
      'min',
      'a consistency proof from the empty tree is refused',
    );
  }
  if (!isSize(second) || second < first) {
    throw new ProofRequestError(
      'second',
      'at_least_first',
      `second (${second}) must be at least first (${first})`,
    );
  }
  const out: LeafRange[] = [];
  if (first === second) return out;
  let m = first;
  let start = 0;
  let end = second;
  let whole = true;
  for (;;) {
    const n = end - start;
    if (m === n) {
      if (!whole) out.push({ start, end });
      break;
    }
    const k = split(n);
    if (m <= k) {
      out.push({ start: start + k, end });
      end = start + k;
    } else {
      out.push({ start, end: start + k });
      m -= k;
      start += k;
      whole = false;
    }
  }
  return out.reverse();
}

const odd = (n: number) => n % 2 === 1;
const half = (n: number) => Math.floor(n / 2);

/** Why a proof failed, in words a report can carry. */
export type ProofCheck = { ok: true } | { ok: false; reason: string };

const fail = (reason: string): ProofCheck => ({ ok: false, reason });

/** RFC 9162 §2.1.3.2: does `path` lead from the leaf at `index` to `root` of a tree of `size`? */
export function verifyInclusion(
  index: number,
  size: number,
  leaf: Hash,
  path: readonly Hash[],
  root: Hash,
): ProofCheck {
  if (!isSize(size) || !isSize(index) || index >= size)
    return fail('index is not below the tree size');
  let fn = index;
  let sn = size - 1;
  let r = leaf;
  for (const p of path) {
    if (sn === 0) return fail('path is longer than the tree is deep');
    if (odd(fn) || fn === sn) {
      r = nodeHash(p, r);
      if (!odd(fn)) {
        while (!odd(fn) && fn !== 0) {
          fn = half(fn);
          sn = half(sn);
        }
      }
    } else {
      r = nodeHash(r, p);
    }
    fn = half(fn);
    sn = half(sn);
  }
  if (sn !== 0) return fail('path is shorter than the tree is deep');
  return sameHash(r, root) ? { ok: true } : fail('path does not lead to the root');
}

/** RFC 9162 §2.1.4.2: is the tree of `second` leaves an append-only extension of `first`? */
export function verifyConsistency(
  first: number,
  second: number,
  firstRoot: Hash,
  secondRoot: Hash,
  path: readonly Hash[],
): ProofCheck {
  if (!isSize(first) || !isSize(second)) return fail('sizes must be non-negative integers');
  if (first === 0) return fail('a consistency proof from the empty tree is refused');
  if (second < first) return fail('second size is below the first');
  if (first === second) {
    if (path.length > 0) return fail('equal sizes need an empty path');
    return sameHash(firstRoot, secondRoot) ? { ok: true } : fail('roots of equal sizes differ');
  }
  if (path.length === 0) return fail('path is empty');
  // When the first tree is a perfect subtree of the second, its root is the path's start.
  const nodes = Number.isInteger(Math.log2(first)) ? [firstRoot, ...path] : [...path];
  let fn = first - 1;
  let sn = second - 1;
  while (odd(fn)) {
    fn = half(fn);
    sn = half(sn);
  }
  let fr = nodes[0]!;
  let sr = nodes[0]!;
  for (const c of nodes.slice(1)) {
    if (sn === 0) return fail('path is longer than needed');
    if (odd(fn) || fn === sn) {
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
      if (!odd(fn)) {
        while (!odd(fn) && fn !== 0) {
          fn = half(fn);
          sn = half(sn);
        }
      }
    } else {
      sr = nodeHash(sr, c);
    }
    fn = half(fn);
    sn = half(sn);
  }
  if (sn !== 0) return fail('path is shorter than needed');
  if (!sameHash(fr, firstRoot)) return fail('path does not lead to the first root');
  if (!sameHash(sr, secondRoot)) return fail('path does not lead to the second root');
  return { ok: true };
}
