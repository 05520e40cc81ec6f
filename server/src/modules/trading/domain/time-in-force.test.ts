import { describe, expect, it } from 'vitest';
import { blotter, limit, market, openTestBook, queues, T0 } from './book-fixtures.js';

const MINUTE = 60_000;

describe('time in force', () => {
  it('keeps a GTC order resting until it is cancelled', () => {
    const { book, recorder } = openTestBook();
    book.submit(limit('b1', 'buy', 5, 4990));
    book.expireGoodTillDate(T0 + 60 * MINUTE);
    expect(queues(book, 'bids')).toEqual([['b1']]);
    expect(book.cancel('b1', T0 + 61 * MINUTE)).toBeNull();
    expect(recorder.ofType('cancelled')).toEqual([
      { type: 'cancelled', orderId: 'b1', quantity: 5, reason: 'requested', at: T0 + 61 * MINUTE },
    ]);
    expect(book.depth().bids).toEqual([]);
  });

  it('fills what it can of an IOC order and cancels the rest instead of resting it', () => {
    const { book, recorder } = openTestBook();
    book.submit(limit('a1', 'sell', 3, 5000));
    book.submit(limit('b1', 'buy', 8, 5000, { timeInForce: 'IOC' }));
    expect(blotter(recorder)).toEqual(['a1->b1 3@5000']);
    expect(recorder.ofType('cancelled').map((e) => [e.orderId, e.quantity, e.reason])).toEqual([
      ['b1', 5, 'unfilled_remainder'],
    ]);
    expect(book.depth().bids).toEqual([]);
  });

  it('fills a FOK order completely when the book holds enough within its limit', () => {
    const { book, recorder } = openTestBook();
    book.submit(limit('a1', 'sell', 3, 5000));
    book.submit(limit('a2', 'sell', 3, 5005));
    book.submit(limit('b1', 'buy', 6, 5005, { timeInForce: 'FOK' }));
    expect(blotter(recorder)).toEqual(['a1->b1 3@5000', 'a2->b1 3@5005']);
  });

  it('rejects a FOK order the book cannot fill in full and leaves the book untouched', () => {
    const { book, recorder } = openTestBook();
    book.submit(limit('a1', 'sell', 3, 5000));
    book.submit(limit('a2', 'sell', 3, 5010));
    expect(book.submit(limit('b1', 'buy', 6, 5005, { timeInForce: 'FOK' }))).toBe('fok_unfillable');
    expect(blotter(recorder)).toEqual([]);
    expect(book.depth().asks.map((l) => l.quantity)).toEqual([3, 3]);
  });

  it('counts an own order as unfillable for a FOK order that would stop at it', () => {
    const { book } = openTestBook();
    book.submit(limit('a1', 'sell', 3, 5000, { account: 'north' }));
    book.submit(limit('a2', 'sell', 3, 5000));
    const fok = limit('b1', 'buy', 4, 5000, { account: 'north', timeInForce: 'FOK' });
    expect(book.submit(fok)).toBe('fok_unfillable');
    expect(book.submit({ ...fok, selfTrade: 'cancel_resting' })).toBe('fok_unfillable');
    expect(book.submit({ ...fok, quantity: 3, selfTrade: 'cancel_resting' })).toBeNull();
  });

  it('expires a GTD order once its time has passed', () => {
    const { book, recorder } = openTestBook();
    book.submit(limit('b1', 'buy', 5, 4990, { timeInForce: 'GTD', expireAt: T0 + 30 * MINUTE }));
    book.submit(limit('b2', 'buy', 5, 4980, { timeInForce: 'GTD', expireAt: T0 + 90 * MINUTE }));
    book.expireGoodTillDate(T0 + 29 * MINUTE);
    expect(recorder.ofType('expired')).toEqual([]);
    book.expireGoodTillDate(T0 + 30 * MINUTE);
    expect(recorder.ofType('expired')).toEqual([
      { type: 'expired', orderId: 'b1', quantity: 5, reason: 'gtd', at: T0 + 30 * MINUTE },
    ]);
    expect(queues(book, 'bids')).toEqual([['b2']]);
  });

  it('never fills a GTD order past its expiry even before the expiry sweep has run', () => {
    const { book, recorder } = openTestBook();
    book.submit(limit('a1', 'sell', 5, 5000, { timeInForce: 'GTD', expireAt: T0 + MINUTE }));
    book.submit(limit('a2', 'sell', 5, 5010));
    book.submit(market('m1', 'buy', 5, { at: T0 + 2 * MINUTE }));
    expect(blotter(recorder)).toEqual(['a2->m1 5@5010']);
    expect(recorder.ofType('expired').map((e) => e.orderId)).toEqual(['a1']);
  });

  it('counts only the shown peak of an iceberg queued ahead of an own order', () => {
    const { book } = openTestBook();
    book.submit(limit('ice', 'sell', 6, 5000, { peak: 2 }));
    book.submit(limit('own', 'sell', 1, 5000, { account: 'north' }));
    const fok = limit('b1', 'buy', 3, 5000, { account: 'north', timeInForce: 'FOK' });
    // The iceberg's refreshed peak would queue behind `own`, where matching stops.
    expect(book.submit(fok)).toBe('fok_unfillable');
    expect(book.submit({ ...fok, quantity: 2 })).toBeNull();
  });

  it('does not count an expired GTD order as liquidity for a FOK order', () => {
    const { book } = openTestBook();
    book.submit(limit('a1', 'sell', 5, 5000, { timeInForce: 'GTD', expireAt: T0 + MINUTE }));
    book.submit(limit('a2', 'sell', 5, 5000));
    const fok = limit('b1', 'buy', 10, 5000, { timeInForce: 'FOK', at: T0 + MINUTE });
    expect(book.submit(fok)).toBe('fok_unfillable');
  });

  it('expires a GTD stop-limit order that is still waiting for its trigger', () => {
    const { book, recorder } = openTestBook();
    const stop = limit('s1', 'buy', 2, 5100, { timeInForce: 'GTD', expireAt: T0 + MINUTE });
    book.submit({ ...stop, type: 'stop_limit', stopPrice: 5050 });
    book.expireGoodTillDate(T0 + MINUTE);
    expect(recorder.ofType('expired').map((e) => [e.orderId, e.reason])).toEqual([['s1', 'gtd']]);
    expect(book.waitingStops()).toEqual([]);
  });

  it('rejects a GTD order without an expiry in the future', () => {
    const { book } = openTestBook();
    expect(book.submit(limit('b1', 'buy', 1, 4990, { timeInForce: 'GTD' }))).toBe('invalid_expiry');
    expect(book.submit(limit('b2', 'buy', 1, 4990, { timeInForce: 'GTD', expireAt: T0 }))).toBe(
      'invalid_expiry',
    );
  });
});
