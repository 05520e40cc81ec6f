import { describe, expect, it } from 'vitest';
import { allocateResident, heapStatistics, releaseResident, residentOffset } from './wasm-heap.js';

describe('resident heap', () => {
  it('hands out zeroed arrays even where a released block held values', () => {
    const first = allocateResident(1000);
    first.fill(7);
    const offset = residentOffset(first);
    releaseResident(first);
    const second = allocateResident(1000);
    expect(residentOffset(second)).toBe(offset);
    expect(second.every((value) => value === 0)).toBe(true);
    releaseResident(second);
  });

  it('grows without invalidating arrays handed out before', () => {
    const early = allocateResident(16);
    early.set([1, 2, 3]);
    const before = heapStatistics().heapBytes;
    const large = allocateResident(2_000_000);
    expect(heapStatistics().heapBytes).toBeGreaterThan(before);
    expect(Array.from(early.subarray(0, 3))).toEqual([1, 2, 3]);
    large[large.length - 1] = 5;
    expect(large[large.length - 1]).toBe(5);
    releaseResident(large);
    releaseResident(early);
  });

  it('tracks live blocks, and releasing twice or releasing a plain array is harmless', () => {
    const live = heapStatistics().liveBlocks;
    const array = allocateResident(3);
    expect(heapStatistics().liveBlocks).toBe(live + 1);
    releaseResident(array);
    releaseResident(array);
    releaseResident(new Float64Array(3));
    expect(heapStatistics().liveBlocks).toBe(live);
    expect(residentOffset(array)).toBeUndefined();
  });

  it('gives an empty array for length 0 and refuses a negative or fractional length', () => {
    expect(allocateResident(0)).toHaveLength(0);
    expect(() => allocateResident(-1)).toThrow(/non-negative/);
    expect(() => allocateResident(1.5)).toThrow(/whole/);
  });
});
