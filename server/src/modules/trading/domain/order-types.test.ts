import { describe, expect, it } from 'vitest';
import { blotter, limit, market, openTestBook, queues, T0 } from './book-fixtures.js';

describe('limit orders', () => {
  it('rests a limit order that does not cross and shows it in the depth', () => {
    const { book } = openTestBook();
    book.submit(limit('b1', 'buy', 10, 4990));
    book.submit(limit('b2', 'buy', 5, 4990));
    book.submit(limit('a1', 'sell', 7, 5010));
    expect(book.depth()).toEqual({
      bids: [{ price: 4990, quantity: 15, orders: 2 }],
      asks: [{ price: 5010, quantity: 7, orders: 1 }],
    });
  });

  it('fills the best price first and, at one price, the earliest order first', () => {
    const { book, recorder } = openTestBook();
    book.submit(limit('a1', 'sell', 5, 5010));
    book.submit(limit('a2', 'sell', 5, 5000));
    book.submit(limit('a3', 'sell', 5, 5000));
    book.submit(limit('b1', 'buy', 12, 5010));
    expect(blotter(recorder)).toEqual(['a2->b1 5@5000', 'a3->b1 5@5000', 'a1->b1 2@5010']);
    expect(book.depth().asks).toEqual([{ price: 5010, quantity: 3, orders: 1 }]);
  });

  it('rests the unfilled part of a crossing limit order at its limit price', () => {
    const { book, recorder } = openTestBook();
    book.submit(limit('a1', 'sell', 4, 5000));
    book.submit(limit('b1', 'buy', 10, 5005));
    expect(blotter(recorder)).toEqual(['a1->b1 4@5000']);
    expect(book.order('b1')).toMatchObject({
      remaining: 6,
      status: 'partially_filled',
      price: 5005,
    });
    expect(book.depth().asks).toEqual([]);
  });

  it('accepts negative prices, which power markets see on windy holidays', () => {
    const { book, recorder } = openTestBook();
    book.submit(limit('a1', 'sell', 3, -2500));
    book.submit(limit('b1', 'buy', 3, -2000));
    expect(blotter(recorder)).toEqual(['a1->b1 3@-2500']);
  });

  it('rejects a price that is not a whole number of ticks', () => {
    const { book, recorder } = openTestBook();
    expect(book.submit(limit('b1', 'buy', 1, 4990.5))).toBe('tick_size');
    expect(recorder.ofType('rejected')).toEqual([
      { type: 'rejected', command: 'submit', orderId: 'b1', reason: 'tick_size', at: T0 },
    ]);
  });

  it('rejects a quantity that is not a positive whole number of lots', () => {
    const { book } = openTestBook();
    expect(book.submit(limit('b1', 'buy', 0, 4990))).toBe('lot_size');
    expect(book.submit(limit('b2', 'buy', 1.5, 4990))).toBe('lot_size');
    expect(book.submit(limit('b3', 'buy', 2 ** 60, 4990))).toBe('lot_size');
  });

  it('refuses a second live order with the same id', () => {
    const { book } = openTestBook();
    book.submit(limit('b1', 'buy', 1, 4990));
    expect(book.submit(limit('b1', 'buy', 1, 4980))).toBe('duplicate_order_id');
  });

  it('rejects a post-only order that would take liquidity and rests one that would not', () => {
    const { book } = openTestBook();
    book.submit(limit('a1', 'sell', 5, 5000));
    expect(book.submit(limit('b1', 'buy', 5, 5000, { postOnly: true }))).toBe(
      'post_only_would_cross',
    );
    expect(book.submit(limit('b2', 'buy', 5, 4999, { postOnly: true }))).toBeNull();
    expect(queues(book, 'bids')).toEqual([['b2']]);
  });
});

describe('market orders', () => {
  it('sweeps price levels and cancels what the book cannot fill', () => {
    const { book, recorder } = openTestBook();
    book.submit(limit('a1', 'sell', 3, 5000));
    book.submit(limit('a2', 'sell', 4, 5020));
    book.submit(market('m1', 'buy', 10));
    expect(blotter(recorder)).toEqual(['a1->m1 3@5000', 'a2->m1 4@5020']);
    expect(recorder.ofType('cancelled')).toEqual([
      { type: 'cancelled', orderId: 'm1', quantity: 3, reason: 'unfilled_remainder', at: T0 },
    ]);
    expect(book.order('m1')).toBeUndefined();
  });

  it('rejects a market order that asks to rest until cancelled', () => {
    const { book } = openTestBook();
    expect(book.submit(market('m1', 'sell', 1, { timeInForce: 'GTC' }))).toBe(
      'invalid_combination',
    );
  });
});

describe('stop orders', () => {
  it('rejects a stop order whose trigger is on the wrong side of the market', () => {
    const { book } = openTestBook();
    book.submit(limit('a1', 'sell', 1, 5000));
    book.submit(limit('b1', 'buy', 1, 5000));
    expect(book.submit({ ...market('s1', 'buy', 1), type: 'stop', stopPrice: 4990 })).toBe(
      'stop_wrong_side',
    );
    expect(book.submit({ ...market('s2', 'sell', 1), type: 'stop', stopPrice: 5010 })).toBe(
      'stop_wrong_side',
    );
  });

  it('fires a buy stop when a trade prints at its trigger and then buys at market', () => {
    const { book, recorder } = openTestBook();
    book.submit(limit('a1', 'sell', 1, 5000));
    book.submit(limit('b1', 'buy', 1, 5000));
    book.submit({ ...market('s1', 'buy', 4), type: 'stop', stopPrice: 5010 });
    book.submit(limit('a2', 'sell', 2, 5010));
    book.submit(limit('a3', 'sell', 5, 5030));
    expect(recorder.ofType('stop_triggered')).toEqual([]);

    book.submit(limit('b2', 'buy', 1, 5010));
    expect(recorder.ofType('stop_triggered').map((e) => [e.orderId, e.lastTradePrice])).toEqual([
      ['s1', 5010],
    ]);
    expect(blotter(recorder).slice(1)).toEqual(['a2->b2 1@5010', 'a2->s1 1@5010', 'a3->s1 3@5030']);
  });

  it('turns a triggered stop-limit into a resting limit order at its limit price', () => {
    const { book, recorder } = openTestBook();
    book.submit(limit('a1', 'sell', 1, 5000));
    book.submit(limit('b1', 'buy', 1, 5000));
    book.submit({ ...limit('s1', 'sell', 6, 4950), type: 'stop_limit', stopPrice: 4980 });
    book.submit(limit('b2', 'buy', 2, 4980));
    book.submit(limit('b3', 'buy', 2, 4940));
    book.submit(market('m1', 'sell', 1));
    expect(blotter(recorder).slice(1)).toEqual(['b2->m1 1@4980', 'b2->s1 1@4980']);
    expect(book.order('s1')).toMatchObject({
      remaining: 5,
      price: 4950,
      status: 'partially_filled',
    });
    expect(queues(book, 'asks')).toEqual([['s1']]);
  });

  it('cascades: a stop whose trades fire another stop fires that one too', () => {
    const { book, recorder } = openTestBook();
    book.submit(limit('a0', 'sell', 1, 5000));
    book.submit(limit('b0', 'buy', 1, 5000));
    book.submit({ ...market('s1', 'buy', 2), type: 'stop', stopPrice: 5010 });
    book.submit({ ...market('s2', 'buy', 1), type: 'stop', stopPrice: 5020 });
    book.submit(limit('a1', 'sell', 2, 5010));
    book.submit(limit('a2', 'sell', 1, 5020));
    book.submit(limit('a3', 'sell', 1, 5030));
    book.submit(limit('b1', 'buy', 1, 5010));
    expect(recorder.ofType('stop_triggered').map((e) => [e.orderId, e.lastTradePrice])).toEqual([
      ['s1', 5010],
      ['s2', 5020],
    ]);
    expect(blotter(recorder).slice(1)).toEqual([
      'a1->b1 1@5010',
      'a1->s1 1@5010',
      'a2->s1 1@5020',
      'a3->s2 1@5030',
    ]);
  });
});
