import { describe, expect, it } from 'vitest';
import { blotter, limit, openTestBook, queues } from './book-fixtures.js';

describe('iceberg orders', () => {
  it('shows only the peak in the depth', () => {
    const { book } = openTestBook();
    book.submit(limit('ice', 'sell', 50, 5000, { peak: 10 }));
    expect(book.depth().asks).toEqual([{ price: 5000, quantity: 10, orders: 1 }]);
    expect(book.order('ice')).toMatchObject({ remaining: 50, displayed: 10 });
  });

  it('refreshes the peak at the back of the queue once the shown part is filled', () => {
    const { book, recorder } = openTestBook();
    book.submit(limit('ice', 'sell', 25, 5000, { peak: 10 }));
    book.submit(limit('plain', 'sell', 5, 5000));
    book.submit(limit('b1', 'buy', 12, 5000));
    // The peak of 10 fills first; its refresh queues behind `plain`, which fills next.
    expect(blotter(recorder)).toEqual(['ice->b1 10@5000', 'plain->b1 2@5000']);
    expect(queues(book, 'asks')).toEqual([['plain', 'ice']]);
    expect(book.depth().asks).toEqual([{ price: 5000, quantity: 13, orders: 2 }]);
  });

  it('lets a large aggressor eat through refreshed peaks, hidden quantity included', () => {
    const { book, recorder } = openTestBook();
    book.submit(limit('ice', 'sell', 25, 5000, { peak: 10 }));
    book.submit(limit('b1', 'buy', 30, 5000));
    expect(blotter(recorder)).toEqual(['ice->b1 10@5000', 'ice->b1 10@5000', 'ice->b1 5@5000']);
    expect(queues(book, 'bids')).toEqual([['b1']]);
    expect(book.depth().bids).toEqual([{ price: 5000, quantity: 5, orders: 1 }]);
  });

  it('rests an aggressive iceberg with only its peak shown', () => {
    const { book } = openTestBook();
    book.submit(limit('a1', 'sell', 5, 5000));
    book.submit(limit('ice', 'buy', 40, 5000, { peak: 8 }));
    expect(book.depth().bids).toEqual([{ price: 5000, quantity: 8, orders: 1 }]);
    expect(book.order('ice')?.remaining).toBe(35);
  });

  it('rejects a peak that is not smaller than the order or an iceberg that cannot rest', () => {
    const { book } = openTestBook();
    expect(book.submit(limit('i1', 'sell', 10, 5000, { peak: 10 }))).toBe('invalid_peak');
    expect(book.submit(limit('i2', 'sell', 10, 5000, { peak: 0 }))).toBe('invalid_peak');
    expect(book.submit(limit('i3', 'sell', 10, 5000, { peak: 2, timeInForce: 'IOC' }))).toBe(
      'invalid_combination',
    );
  });
});
