import { createHash } from 'node:crypto';

/**
 * RFC 9162 §2.1.1 Merkle tree hash over SHA-256. Leaves and inner nodes carry different
 * prefixes (0x00, 0x01) so a leaf can never pass for a node. A tree whose size is not a
 * power of two splits at the largest power of two below its size; the right part is a
 * smaller tree of its own, never padded with a copy of its last leaf, so two different
 * leaf lists never share a root (the duplicated-last-leaf flaw of CVE-2012-2459).
 */

export type Hash = Uint8Array;

const LEAF = Buffer.from([0x00]);
const NODE = Buffer.from([0x01]);

// Plain Uint8Array views, so hashes compare and serialise alike whatever made them.
const view = (b: Buffer): Hash => new Uint8Array(b.buffer, b.byteOffset, b.byteLength);

export function sha256(bytes: Uint8Array): Hash {
  return view(createHash('sha256').update(bytes).digest());
}

export function leafHash(data: Uint8Array): Hash {
  return view(createHash('sha256').update(LEAF).update(data).digest());
}

export function nodeHash(left: Hash, right: Hash): Hash {
  return view(createHash('sha256').update(NODE).update(left).update(right).digest());
}

/** The root of the empty tree: SHA-256 of nothing. */
export const EMPTY_ROOT: Hash = sha256(new Uint8Array(0));

/** The largest power of two strictly below n (n ≥ 2): where RFC 9162 splits a tree. */
export function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/**
 * A perfect subtree: the 2^level leaves from index × 2^level. Every node a log stores, and
 * every hash a proof needs, is one of these or is folded from a few of them.
 */
export interface NodeId {
  level: number;
  index: number;
}

/** Hashes of perfect subtrees by position; throws if asked for one it lacks. */
export type NodeLookup = (level: number, index: number) => Hash;

function perfectOf(start: number, end: number): NodeId | null {
  const width = end - start;
  // Math.log2 is exact on powers of two, and bitwise tricks stop at 2^31.
  if (!Number.isInteger(Math.log2(width))) return null;
  if (start % width !== 0) return null;
  return { level: Math.log2(width), index: start / width };
}

/** The perfect subtrees whose hashes make up MTH(D[start:end]). */
export function nodesOfRange(start: number, end: number, out: NodeId[] = []): NodeId[] {
  const perfect = perfectOf(start, end);
  if (perfect) {
    out.push(perfect);
    return out;
  }
  const k = splitPoint(end - start);
  nodesOfRange(start, start + k, out);
  nodesOfRange(start + k, end, out);
  return out;
}

/** MTH(D[start:end]) from stored perfect subtrees (start < end). */
export function rangeHash(start: number, end: number, lookup: NodeLookup): Hash {
  const perfect = perfectOf(start, end);
  if (perfect) return lookup(perfect.level, perfect.index);
  const k = splitPoint(end - start);
  return nodeHash(rangeHash(start, start + k, lookup), rangeHash(start + k, end, lookup));
}

/** MTH of a whole list of leaf hashes, straight from the definition (tests and small trees). */
export function rootOfLeaves(leaves: readonly Hash[]): Hash {
  if (leaves.length === 0) return EMPTY_ROOT;
  const mth = (a: number, b: number): Hash => {
    if (b - a === 1) return leaves[a]!;
    const k = splitPoint(b - a);
    return nodeHash(mth(a, a + k), mth(a + k, b));
  };
  return mth(0, leaves.length);
}

export const toHex = (h: Uint8Array): string => Buffer.from(h).toString('hex');
export const fromHex = (s: string): Hash => new Uint8Array(Buffer.from(s, 'hex'));

export function sameHash(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!;
  return diff === 0;
}
