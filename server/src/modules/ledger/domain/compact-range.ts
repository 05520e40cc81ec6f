import { EMPTY_ROOT, nodeHash, type Hash, type NodeId } from './merkle.js';

/**
 * The right border of a tree of `size` leaves: one perfect subtree per set bit of the size,
 * largest (leftmost) first. It is all an append needs: a new leaf merges with the border's
 * smallest subtrees exactly as a binary counter carries, so appending costs one hash per
 * carry (two on average) and the root is the border folded from the right.
 */
export function borderOf(size: number): NodeId[] {
  const out: NodeId[] = [];
  let start = 0;
  for (let level = Math.floor(Math.log2(Math.max(size, 1))); level >= 0; level--) {
    const width = 2 ** level;
    if (size - start >= width) {
      out.push({ level, index: start / width });
      start += width;
    }
  }
  return out;
}

/** A stored perfect subtree: where it sits and its hash. */
export interface StoredNode extends NodeId {
  hash: Hash;
}

export interface Appended {
  size: number;
  border: StoredNode[];
  /** Every perfect subtree the leaves completed, leaves included (level 0). */
  nodes: StoredNode[];
}

/** Appends leaf hashes to a tree given by its size and border (as `borderOf` orders it). */
export function appendLeaves(
  size: number,
  border: readonly StoredNode[],
  leaves: readonly Hash[],
): Appended {
  const stack = [...border];
  const nodes: StoredNode[] = [];
  let n = size;
  for (const leaf of leaves) {
    let node: StoredNode = { level: 0, index: n, hash: leaf };
    nodes.push(node);
    // Each trailing one bit of the old size is a left sibling waiting on the border.
    let carry = n;
    while (carry % 2 === 1) {
      const left = stack.pop()!;
      node = { level: node.level + 1, index: left.index / 2, hash: nodeHash(left.hash, node.hash) };
      nodes.push(node);
      carry = Math.floor(carry / 2);
    }
    stack.push(node);
    n += 1;
  }
  return { size: n, border: stack, nodes };
}

/** The root of the tree whose border this is. */
export function rootOfBorder(border: readonly StoredNode[]): Hash {
  if (border.length === 0) return EMPTY_ROOT;
  let root = border[border.length - 1]!.hash;
  for (let i = border.length - 2; i >= 0; i--) root = nodeHash(border[i]!.hash, root);
  return root;
}
