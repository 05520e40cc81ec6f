import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InProcessBus } from '../../../platform/bus/bus.js';
import { openPlatform, type Platform } from '../../../platform/runtime.js';
import type { BookLease } from './book-lease.js';
import { ownedElsewhere } from './book-lease-rules.js';
import { BOOK_TOPIC, Desk, type BookMessage } from '../desk.js';
import { tradableInstrument } from '../instruments.js';
import { FUTURE } from '../test-support.js';

/** A desk on an instance that owns none of its books, as the second instance of two is. */
const ownsNothing: BookLease = {
  instanceId: 'api-b',
  sharesBooks: true,
  write: () =>
    Promise.reject(ownedElsewhere(FUTURE, { kind: 'elsewhere', owner: 'api-a' }, 'api-b')),
  owns: () => false,
  refusal: (id) => ownedElsewhere(id, { kind: 'elsewhere', owner: 'api-a' }, 'api-b'),
  start: async () => undefined,
  keepTaking: () => undefined,
  stop: async () => undefined,
};

describe('a desk whose books another instance owns', () => {
  let platform: Platform;
  const bus = new InProcessBus();
  let desk: Desk;
  beforeAll(async () => {
    platform = await openPlatform({ dataDir: 'memory' });
    desk = new Desk({
      db: platform.dbs.db,
      bus,
      instruments: [tradableInstrument(FUTURE)],
      lease: ownsNothing,
      onPublishError: () => undefined,
    });
    await desk.start();
  });
  afterAll(async () => {
    await desk.stop();
    await platform.close();
  });

  it('refuses order entry with the owner named, and leaves its books out of the expiry sweep', () => {
    expect(() => desk.ownedWriter(FUTURE)).toThrow(
      expect.objectContaining({
        code: 'book_owned_elsewhere',
        extra: expect.objectContaining({ owner: 'api-a' }),
      }),
    );
    expect([...desk.ownedWriters()]).toEqual([]);
  });

  it('shows the depth the owner last published rather than its own copy of the book', async () => {
    expect(desk.depth(FUTURE, 5).bids).toEqual([]);
    const levels = Array.from({ length: 10 }, (_, i) => ({
      price: 80 - i,
      quantity: 5,
      orders: 1,
    }));
    const published: BookMessage = {
      instrumentId: FUTURE,
      bids: levels,
      asks: [],
      lastTradePrice: 81,
      halted: false,
    };
    await bus.publish(BOOK_TOPIC, published);
    expect(desk.depth(FUTURE, 3)).toEqual({ ...published, bids: levels.slice(0, 3) });
  });
});
