import { describe, expect, it } from 'vitest';
import { orderEventsFromViews, type OrderViewLike } from './from-order-views.js';

const view = (over: Partial<OrderViewLike>): OrderViewLike => ({
  id: 'o1',
  instrumentId: 'GAS-TTF-FUT-M',
  account: 'trader',
  side: 'buy',
  price: 35,
  quantity: 10,
  filledQuantity: 0,
  remainingQuantity: 10,
  status: 'accepted',
  updatedAt: '2026-01-05T08:00:00.000Z',
  ...over,
});

describe('order events from order views', () => {
  it('reads a placement, a price change, a fill (ignored) and a cancellation of the rest', () => {
    const next = orderEventsFromViews();
    expect(next(view({})).map((e) => e.kind)).toEqual(['order_placed']);
    const modified = next(view({ price: 35.1, updatedAt: '2026-01-05T08:00:01.000Z' }));
    expect(modified).toMatchObject([{ kind: 'order_modified', price: 35.1, remaining: 10 }]);
    expect(
      next(
        view({ price: 35.1, filledQuantity: 4, remainingQuantity: 6, status: 'partially_filled' }),
      ),
    ).toEqual([]);
    expect(
      next(view({ price: 35.1, filledQuantity: 4, remainingQuantity: 0, status: 'cancelled' })),
    ).toMatchObject([{ kind: 'order_cancelled', quantity: 6 }]);
  });

  it('ignores a rejected order and forgets an order once it has ended', () => {
    const next = orderEventsFromViews();
    expect(next(view({ status: 'rejected' }))).toEqual([]);
    next(view({ id: 'o2' }));
    next(view({ id: 'o2', status: 'filled', filledQuantity: 10, remainingQuantity: 0 }));
    expect(next(view({ id: 'o2' })).map((e) => e.kind)).toEqual(['order_placed']);
  });
});
