import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test-support/harness.js';
import { loadState, replayState } from './desk-state.js';
import { snapshotBook } from '../domain/index.js';
import { createTradingModule } from '../index.js';
import { knownInstrument } from '../instruments.js';
import { tradingDb } from '../tables.js';
import { limitOrder, twoTraders } from '../test-support.js';

/** Books start from their latest snapshot plus the commands after it, and come out as a full replay would. */
describe('book snapshots', () => {
  let t: TestApp;
  let alice: Record<string, string>;
  let bob: Record<string, string>;
  const book = 'PWR-DE-LU-FUT-Q-BASE';

  beforeAll(async () => {
    t = await startTestApp({ modules: [createTradingModule({ snapshotEvery: 7 })] });
    ({ alice, bob } = await twoTraders(t.app));
  });
  afterAll(async () => t.close());

  const place = (headers: Record<string, string>, order: Record<string, unknown>) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/orders',
      headers,
      payload: { ...order, instrumentId: book },
    });

  it('keeps a snapshot every few commands and rebuilds from it the book a full replay rebuilds', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 30; i++) {
      const res = await place(
        i % 3 === 0 ? bob : alice,
        limitOrder(
          i % 3 === 0 ? 'buy' : 'sell',
          80 + (i % 5),
          1 + (i % 4),
          i % 7 === 1 && i % 4 > 0 ? { displayQuantity: 1 } : {},
        ),
      );
      expect(res.statusCode).toBe(201);
      ids.push(res.json<{ order: { id: string } }>().order.id);
      if (i % 8 === 5)
        await t.app.inject({
          method: 'DELETE',
          url: `/api/v1/orders/${ids[i - 1]}`,
          headers: alice,
        });
    }
    const db = tradingDb(t.platform.dbs.db);
    const snapshot = await db
      .selectFrom('book_snapshots')
      .selectAll()
      .where('instrument_id', '=', book)
      .executeTakeFirst();
    expect(snapshot).toBeDefined();
    const after = await db
      .selectFrom('order_commands')
      .select('seq')
      .where('instrument_id', '=', book)
      .where('seq', '>', snapshot!.last_seq)
      .execute();
    expect(after.length).toBeLessThan(7 + 2);

    const instrument = knownInstrument(book);
    const fromSnapshot = await loadState(db, instrument);
    const log = await db
      .selectFrom('order_commands')
      .select(['instrument_id', 'kind', 'payload'])
      .where('instrument_id', '=', book)
      .orderBy('seq')
      .execute();
    const full = replayState(book, null, log, []);
    expect(snapshotBook(fromSnapshot.book)).toEqual(snapshotBook(full.book));
    expect(fromSnapshot.book.image()).toEqual(full.book.image());
    expect([...fromSnapshot.net].sort()).toEqual([...full.net].sort());
  });
});
