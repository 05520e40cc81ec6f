import { describe, expect, it } from 'vitest';
import { applyFill, flatPosition, tidy, unrealisedAt } from './positions.js';

interface Fill {
  side: 'buy' | 'sell';
  price: number;
  quantity: number;
}

const fill = (side: 'buy' | 'sell', price: number, quantity: number): Fill => ({
  side,
  price,
  quantity,
});

/** Folds fills oldest first and marks what is left, as the position table reads it. */
function positionsFrom(fills: readonly Fill[], marks: ReadonlyMap<string, number>) {
  const p = flatPosition();
  for (const f of fills) applyFill(p, f.side, f.price, f.quantity);
  const mark = marks.get('X') ?? null;
  return [
    {
      netQuantity: p.net,
      averagePrice: p.net === 0 ? null : tidy(p.average),
      realisedPnl: tidy(p.realised),
      unrealisedPnl: unrealisedAt(p, mark),
      markPrice: mark,
    },
  ];
}

describe('the average-cost position', () => {
  it('averages the price of fills that add to a position', () => {
    const [p] = positionsFrom([fill('buy', 80, 10), fill('buy', 90, 30)], new Map());
    expect(p).toMatchObject({
      netQuantity: 40,
      averagePrice: 87.5,
      realisedPnl: 0,
      unrealisedPnl: null,
    });
  });

  it('realises profit on the part of a fill that reduces the position and keeps the average', () => {
    const [p] = positionsFrom([fill('buy', 80, 10), fill('sell', 85, 4)], new Map([['X', 90]]));
    expect(p).toMatchObject({
      netQuantity: 6,
      averagePrice: 80,
      realisedPnl: 20,
      unrealisedPnl: 60,
      markPrice: 90,
    });
  });

  it('opens the remainder at the fill price when a fill crosses through flat', () => {
    const [p] = positionsFrom([fill('sell', 50, 5), fill('buy', 45, 8)], new Map([['X', 40]]));
    expect(p).toMatchObject({
      netQuantity: 3,
      averagePrice: 45,
      realisedPnl: 25,
      unrealisedPnl: -15,
    });
  });

  it('reports a flat position with its realised P&L and no average', () => {
    const [p] = positionsFrom([fill('buy', 10, 2), fill('sell', 12, 2)], new Map([['X', 11]]));
    expect(p).toMatchObject({
      netQuantity: 0,
      averagePrice: null,
      realisedPnl: 4,
      unrealisedPnl: 0,
    });
  });
});
