import { describe, expect, it } from 'vitest';
import { aggregateLevels, buildLadder } from './ladder';

describe('building the depth ladder', () => {
  it('sorts bids from the highest price and asks from the lowest', () => {
    const bids = aggregateLevels(
      [
        { price: 44, quantity: 1, orders: 1 },
        { price: 45, quantity: 2, orders: 1 },
        { price: 43.5, quantity: 3, orders: 2 },
      ],
      'bid',
    );
    expect(bids.map((l) => l.price)).toEqual([45, 44, 43.5]);
    const asks = aggregateLevels(
      [
        { price: 47, quantity: 1, orders: 1 },
        { price: 46, quantity: 2, orders: 1 },
      ],
      'ask',
    );
    expect(asks.map((l) => l.price)).toEqual([46, 47]);
  });

  it('sums levels at the same price and drops empty ones', () => {
    const levels = aggregateLevels(
      [
        { price: 45, quantity: 2, orders: 1 },
        { price: 45, quantity: 3, orders: 2 },
        { price: 44, quantity: 0, orders: 0 },
      ],
      'bid',
    );
    expect(levels).toEqual([{ price: 45, quantity: 5, orders: 3 }]);
  });

  it('puts the best ask next to the spread and marks the best price on each side', () => {
    const ladder = buildLadder(
      {
        bids: [
          { price: 44, quantity: 4, orders: 1 },
          { price: 45, quantity: 2, orders: 1 },
        ],
        asks: [
          { price: 47, quantity: 8, orders: 3 },
          { price: 46, quantity: 1, orders: 1 },
        ],
      },
      10,
    );
    expect(ladder.asks.map((r) => [r.price, r.best])).toEqual([
      [47, false],
      [46, true],
    ]);
    expect(ladder.bids.map((r) => [r.price, r.best])).toEqual([
      [45, true],
      [44, false],
    ]);
    expect(ladder.spread).toBe(1);
    expect(ladder.mid).toBe(45.5);
  });

  it('scales bars against the largest level on either side and accumulates from the best price', () => {
    const ladder = buildLadder(
      {
        bids: [
          { price: 45, quantity: 2, orders: 1 },
          { price: 44, quantity: 4, orders: 1 },
        ],
        asks: [{ price: 46, quantity: 8, orders: 1 }],
      },
      10,
    );
    expect(ladder.asks[0]?.share).toBe(1);
    expect(ladder.bids.map((r) => r.share)).toEqual([0.25, 0.5]);
    expect(ladder.bids.map((r) => r.cumulative)).toEqual([2, 6]);
  });

  it('keeps only the requested depth and has no spread for a one-sided book', () => {
    const bids = [45, 44, 43, 42].map((price) => ({ price, quantity: 1, orders: 1 }));
    const ladder = buildLadder({ bids, asks: [] }, 2);
    expect(ladder.bids.map((r) => r.price)).toEqual([45, 44]);
    expect(ladder.spread).toBeNull();
    expect(ladder.mid).toBeNull();
  });
});
