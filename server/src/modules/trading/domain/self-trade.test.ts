import { describe, expect, it } from 'vitest';
import { blotter, limit, openTestBook, queues } from './book-fixtures.js';

/** Two resting offers, the first from the same account as the incoming bid. */
function bookWithOwnOffer() {
  const fixture = openTestBook();
  fixture.book.submit(limit('own', 'sell', 4, 5000, { account: 'utility-a' }));
  fixture.book.submit(limit('other', 'sell', 4, 5000, { account: 'utility-b' }));
  return fixture;
}

const incoming = (selfTrade: 'cancel_resting' | 'cancel_incoming' | 'cancel_both') =>
  limit('bid', 'buy', 6, 5000, { account: 'utility-a', selfTrade });

describe('self-trade prevention', () => {
  it('cancels the resting own order and keeps matching in cancel-resting mode', () => {
    const { book, recorder } = bookWithOwnOffer();
    book.submit(incoming('cancel_resting'));
    expect(recorder.ofType('cancelled').map((e) => [e.orderId, e.reason])).toEqual([
      ['own', 'self_trade'],
    ]);
    expect(blotter(recorder)).toEqual(['other->bid 4@5000']);
    expect(queues(book, 'bids')).toEqual([['bid']]);
    expect(book.order('bid')?.remaining).toBe(2);
  });

  it('cancels the incoming order and leaves the book alone in cancel-incoming mode', () => {
    const { book, recorder } = bookWithOwnOffer();
    book.submit(incoming('cancel_incoming'));
    expect(recorder.ofType('cancelled').map((e) => [e.orderId, e.quantity])).toEqual([['bid', 6]]);
    expect(blotter(recorder)).toEqual([]);
    expect(queues(book, 'asks')).toEqual([['own', 'other']]);
  });

  it('cancels both orders in cancel-both mode', () => {
    const { book, recorder } = bookWithOwnOffer();
    book.submit(incoming('cancel_both'));
    expect(recorder.ofType('cancelled').map((e) => e.orderId)).toEqual(['own', 'bid']);
    expect(queues(book, 'asks')).toEqual([['other']]);
    expect(queues(book, 'bids')).toEqual([]);
  });

  it('uses the book default when the order names no mode', () => {
    const { book, recorder } = openTestBook({ defaultSelfTrade: 'cancel_resting' });
    book.submit(limit('own', 'sell', 4, 5000, { account: 'utility-a' }));
    book.submit(limit('bid', 'buy', 4, 5000, { account: 'utility-a' }));
    expect(recorder.ofType('cancelled').map((e) => e.orderId)).toEqual(['own']);
    expect(queues(book, 'bids')).toEqual([['bid']]);
  });
});
