/**
 * A heap of Float64 arrays inside one WebAssembly memory, so the SIMD kernels
 * (kernels.ts) can read large matrices where they already are instead of copying them in
 * on every call: copying a 4 MB history costs as much as the product itself.
 *
 * The memory is shared (backed by a SharedArrayBuffer) for one reason: growing a shared
 * memory leaves every array already handed out valid, where growing an ordinary one
 * would detach them all. Nothing here is shared between threads.
 *
 * Blocks are given back explicitly (releaseResident) where a caller owns a matrix for one
 * computation, or else when the garbage collector reclaims the array. A block is tied to
 * the array object handed out: a subarray of it does not keep it alive, so resident
 * arrays are for matrices the caller indexes directly.
 */
import { BlockAllocator } from './block-allocator.js';

const PAGE_BYTES = 65_536;
/** 2 GiB, the largest the kernels' import declares; beyond it arrays fall back to the JS heap. */
export const MAX_HEAP_PAGES = 32_768;
const INITIAL_PAGES = 16;
/** Offset 0 stays unused so that no block ever looks like a null pointer. */
const FIRST_BLOCK = 16;

export const heapMemory = new WebAssembly.Memory({
  initial: INITIAL_PAGES,
  maximum: MAX_HEAP_PAGES,
  shared: true,
});
const allocator = new BlockAllocator(FIRST_BLOCK, INITIAL_PAGES * PAGE_BYTES - FIRST_BLOCK);
const offsets = new WeakMap<Float64Array, number>();
const reclaim = new FinalizationRegistry<number>((offset) => allocator.release(offset));

const grow = (bytes: number): boolean => {
  const pages = Math.ceil(allocator.shortfall(bytes) / PAGE_BYTES);
  try {
    heapMemory.grow(pages);
  } catch {
    return false;
  }
  allocator.extend(pages * PAGE_BYTES);
  return true;
};

/**
 * A zero-filled array of `length` doubles in the heap; an ordinary Float64Array when the
 * heap cannot grow any further (the kernels then fall back to JavaScript).
 */
export const allocateResident = (length: number): Float64Array => {
  if (!Number.isInteger(length) || length < 0)
    throw new RangeError(`an array needs a whole, non-negative length, got ${length}`);
  if (length === 0) return new Float64Array(0);
  const bytes = length * Float64Array.BYTES_PER_ELEMENT;
  const offset = allocator.allocate(bytes) ?? (grow(bytes) ? allocator.allocate(bytes) : undefined);
  if (offset === undefined) return new Float64Array(length);
  const array = new Float64Array(heapMemory.buffer, offset, length);
  array.fill(0);
  offsets.set(array, offset);
  reclaim.register(array, offset, array);
  return array;
};

/** Gives an array's block back now; the array must not be used afterwards. No-op for others. */
export const releaseResident = (array: Float64Array): void => {
  const offset = offsets.get(array);
  if (offset === undefined) return;
  offsets.delete(array);
  reclaim.unregister(array);
  allocator.release(offset);
};

/** Byte offset of an array handed out by allocateResident and not yet released. */
export const residentOffset = (array: Float64Array): number | undefined => offsets.get(array);

export const heapStatistics = (): { liveBlocks: number; heapBytes: number; freeBytes: number } => ({
  liveBlocks: allocator.liveBlocks,
  heapBytes: heapMemory.buffer.byteLength,
  freeBytes: allocator.freeBytes,
});
