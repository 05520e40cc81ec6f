/**
 * First-fit bookkeeping of byte ranges in a heap that only grows (a WebAssembly memory).
 * Blocks are 16-byte aligned so SIMD loads of a block's first element never straddle
 * a vector boundary; freed neighbours are merged so a long-running server that allocates
 * and frees history matrices of varying sizes does not fragment the heap.
 */
export const BLOCK_ALIGNMENT = 16;

interface FreeRange {
  offset: number;
  size: number;
}

export class BlockAllocator {
  /** Free ranges in address order, never adjacent (they would have been merged). */
  private readonly free: FreeRange[] = [];
  private readonly live = new Map<number, number>();
  private end: number;

  /** Manages [start, start + size); start is rounded up to the alignment. */
  constructor(start: number, size: number) {
    const aligned = alignUp(start);
    this.end = start + size;
    if (this.end > aligned) this.free.push({ offset: aligned, size: this.end - aligned });
  }

  /** Offset of a block of at least `bytes`, or undefined when no free range is big enough. */
  allocate(bytes: number): number | undefined {
    if (!Number.isInteger(bytes) || bytes <= 0)
      throw new RangeError(`a block needs a positive whole number of bytes, got ${bytes}`);
    const size = alignUp(bytes);
    const index = this.free.findIndex((range) => range.size >= size);
    if (index < 0) return undefined;
    const range = this.free[index]!;
    const offset = range.offset;
    if (range.size === size) this.free.splice(index, 1);
    else {
      range.offset += size;
      range.size -= size;
    }
    this.live.set(offset, size);
    return offset;
  }

  /** Returns a block; freeing an offset that is not a live block is a bug and throws. */
  release(offset: number): void {
    const size = this.live.get(offset);
    if (size === undefined) throw new RangeError(`no live block starts at ${offset}`);
    this.live.delete(offset);
    this.insertFree(offset, size);
  }

  /** The heap grew by `bytes` at its end; the new space joins the free list. */
  extend(bytes: number): void {
    const offset = this.end;
    this.end += bytes;
    this.insertFree(offset, bytes);
  }

  /** Bytes needed at the end of the heap for a block of `bytes` (what extend must add). */
  shortfall(bytes: number): number {
    const last = this.free[this.free.length - 1];
    const tail = last !== undefined && last.offset + last.size === this.end ? last.size : 0;
    return Math.max(0, alignUp(bytes) - tail);
  }

  get liveBlocks(): number {
    return this.live.size;
  }

  get freeBytes(): number {
    return this.free.reduce((sum, range) => sum + range.size, 0);
  }

  private insertFree(offset: number, size: number): void {
    let index = this.free.findIndex((range) => range.offset > offset);
    if (index < 0) index = this.free.length;
    const before = this.free[index - 1];
    const after = this.free[index];
    if (before !== undefined && before.offset + before.size === offset) {
      before.size += size;
      if (after !== undefined && before.offset + before.size === after.offset) {
        before.size += after.size;
        this.free.splice(index, 1);
      }
    } else if (after !== undefined && offset + size === after.offset) {
      after.offset = offset;
      after.size += size;
    } else {
      this.free.splice(index, 0, { offset, size });
    }
  }
}

const alignUp = (bytes: number): number => Math.ceil(bytes / BLOCK_ALIGNMENT) * BLOCK_ALIGNMENT;
