import { describe, expect, it } from 'vitest';
import { blotter, limit, openTestBook, queues, T0 } from './book-fixtures.js';

function threeBidsAt4990() {
  const fixture = openTestBook();
  for (const id of ['b1', 'b2', 'b3']) fixture.book.submit(limit(id, 'buy', 10, 4990));
  return fixture;
}

describe('modifying an order', () => {
  it('keeps the queue place of an order whose quantity is lowered', () => {
    const { book, recorder } = threeBidsAt4990();
    expect(book.modify('b1', { quantity: 4 }, T0)).toBeNull();
    expect(queues(book, 'bids')).toEqual([['b1', 'b2', 'b3']]);
    expect(book.depth().bids).toEqual([{ price: 4990, quantity: 24, orders: 3 }]);
    expect(recorder.ofType('modified')).toEqual([
      {
        type: 'modified',
        orderId: 'b1',
        price: 4990,
        previousRemaining: 10,
        remaining: 4,
        priorityKept: true,
        at: T0,
      },
    ]);
  });

  it('sends an order whose quantity is raised to the back of the queue', () => {
    const { book } = threeBidsAt4990();
    book.modify('b1', { quantity: 11 }, T0);
    expect(queues(book, 'bids')).toEqual([['b2', 'b3', 'b1']]);
    expect(book.depth().bids[0]?.quantity).toBe(31);
  });

  it('sends an order whose price changes to the back of the queue at its new price', () => {
    const { book } = threeBidsAt4990();
    book.submit(limit('b4', 'buy', 1, 4995));
    book.modify('b2', { price: 4995 }, T0);
    book.modify('b1', { price: 4989 }, T0);
    book.modify('b1', { price: 4990 }, T0);
    expect(queues(book, 'bids')).toEqual([
      ['b4', 'b2'],
      ['b3', 'b1'],
    ]);
  });

  it('trades at once when the new price crosses the spread', () => {
    const { book, recorder } = threeBidsAt4990();
    book.submit(limit('a1', 'sell', 4, 5000));
    book.modify('b3', { price: 5000 }, T0);
    expect(blotter(recorder)).toEqual(['a1->b3 4@5000']);
    expect(queues(book, 'bids')).toEqual([['b3'], ['b1', 'b2']]);
    expect(book.order('b3')).toMatchObject({ remaining: 6, price: 5000 });
  });

  it('refuses to reprice a post-only order across the spread', () => {
    const { book } = openTestBook();
    book.submit(limit('a1', 'sell', 4, 5000));
    book.submit(limit('b1', 'buy', 4, 4990, { postOnly: true }));
    expect(book.modify('b1', { price: 5000 }, T0)).toBe('post_only_would_cross');
    expect(book.order('b1')?.price).toBe(4990);
  });

  it('refuses changes that change nothing, break the lot size or leave the price band', () => {
    const { book } = openTestBook({ priceBand: { referencePrice: 5000, bandTicks: 100 } });
    book.submit(limit('b1', 'buy', 4, 4990));
    expect(book.modify('b1', { price: 4990, quantity: 4 }, T0)).toBe('no_change');
    expect(book.modify('b1', { quantity: 0 }, T0)).toBe('lot_size');
    expect(book.modify('b1', { price: 4899 }, T0)).toBe('price_band');
    expect(book.modify('nope', { quantity: 1 }, T0)).toBe('unknown_order');
  });

  it('does not modify a stop order that is still waiting for its trigger', () => {
    const { book } = openTestBook();
    book.submit({ ...limit('s1', 'buy', 1, 5100), type: 'stop_limit', stopPrice: 5050 });
    expect(book.modify('s1', { quantity: 2 }, T0)).toBe('not_modifiable');
  });
});

describe('cancelling an order', () => {
  it('removes a resting order and reports the quantity it takes off the book', () => {
    const { book, recorder } = threeBidsAt4990();
    book.cancel('b2', T0);
    expect(queues(book, 'bids')).toEqual([['b1', 'b3']]);
    expect(recorder.ofType('cancelled').map((e) => [e.orderId, e.quantity])).toEqual([['b2', 10]]);
  });

  it('cancels a waiting stop order', () => {
    const { book, recorder } = openTestBook();
    book.submit({ ...limit('s1', 'buy', 1, 5100), type: 'stop_limit', stopPrice: 5050 });
    expect(book.cancel('s1', T0)).toBeNull();
    expect(book.waitingStops()).toEqual([]);
    expect(recorder.ofType('cancelled').map((e) => e.orderId)).toEqual(['s1']);
  });

  it('rejects the cancel of an order the book does not hold, with its reason', () => {
    const { book, recorder } = openTestBook();
    book.submit(limit('a1', 'sell', 1, 5000));
    book.submit(limit('b1', 'buy', 1, 5000));
    expect(book.cancel('a1', T0)).toBe('unknown_order');
    expect(recorder.ofType('rejected')).toEqual([
      { type: 'rejected', command: 'cancel', orderId: 'a1', reason: 'unknown_order', at: T0 },
    ]);
  });
});
