import { describe, expect, it } from 'vitest';
import { BLOCK_ALIGNMENT, BlockAllocator } from './block-allocator.js';

describe('BlockAllocator', () => {
  it('hands out aligned, non-overlapping blocks first-fit', () => {
    const heap = new BlockAllocator(5, 1000);
    const a = heap.allocate(10)!;
    const b = heap.allocate(40)!;
    expect(a % BLOCK_ALIGNMENT).toBe(0);
    expect(a).toBeGreaterThanOrEqual(5);
    expect(b).toBeGreaterThanOrEqual(a + 16);
    expect(b % BLOCK_ALIGNMENT).toBe(0);
    expect(heap.liveBlocks).toBe(2);
  });

  it('answers undefined when no free range is large enough, and extend makes room', () => {
    const heap = new BlockAllocator(0, 64);
    expect(heap.allocate(48)).toBe(0);
    expect(heap.allocate(32)).toBeUndefined();
    expect(heap.shortfall(32)).toBe(16);
    heap.extend(16);
    expect(heap.allocate(32)).toBe(48);
  });

  it('merges a freed block with both neighbours so a large block fits again', () => {
    const heap = new BlockAllocator(0, 96);
    const a = heap.allocate(32)!;
    const b = heap.allocate(32)!;
    const c = heap.allocate(32)!;
    expect(heap.allocate(16)).toBeUndefined();
    heap.release(a);
    heap.release(c);
    expect(heap.allocate(64)).toBeUndefined();
    heap.release(b);
    expect(heap.freeBytes).toBe(96);
    expect(heap.allocate(96)).toBe(0);
  });

  it('reuses a freed hole before the end of the heap', () => {
    const heap = new BlockAllocator(0, 128);
    const a = heap.allocate(32)!;
    heap.allocate(32);
    heap.release(a);
    expect(heap.allocate(16)).toBe(a);
  });

  it('refuses a size that is not a positive whole number and a double free', () => {
    const heap = new BlockAllocator(0, 128);
    expect(() => heap.allocate(0)).toThrow(/positive whole number/);
    expect(() => heap.allocate(2.5)).toThrow(/positive whole number/);
    const a = heap.allocate(8)!;
    heap.release(a);
    expect(() => heap.release(a)).toThrow(/no live block/);
  });
});
