import { describe, expect, it } from 'vitest';
import { BookWriter, type BookState } from './book-writer.js';
import { replayState } from './desk-state.js';
import type { OrderRecord } from '../order-record.js';
import type { UnitOfWork } from './unit-of-work.js';

const submit = (id: string, side: 'buy' | 'sell', price: number) => {
  const record: OrderRecord = {
    id,
    clientOrderId: id,
    account: side === 'buy' ? 'b' : 's',
    instrumentId: 'X',
    side,
    type: 'limit',
    priceTicks: price,
    stopPriceTicks: null,
    quantityLots: 1,
    displayLots: null,
    filledLots: 0,
    filledNotional: 0,
    timeInForce: 'GTC',
    expiresAt: null,
    postOnly: false,
    status: 'new',
    rejectReason: null,
    createdAt: 0,
    updatedAt: 0,
    submittedTerms: null,
  };
  return {
    kind: 'submit' as const,
    record,
    request: {
      orderId: id,
      account: record.account,
      side,
      type: 'limit' as const,
      quantity: 1,
      timeInForce: 'GTC' as const,
      at: 0,
      price,
    },
    check: () => Promise.resolve(undefined),
    requestId: `req-${id}`,
  };
};

describe('book writer', () => {
  it('records the commands around one the database refuses, in their order, and names the refused request', async () => {
    const committed: string[] = [];
    const failures: { ids: string[]; retrying: boolean }[] = [];
    const fresh = (): BookState =>
      replayState(
        'X',
        null,
        committed.map((payload) => ({
          instrument_id: 'X',
          kind: 'submit',
          payload: JSON.parse(payload) as unknown,
        })),
        [],
      );
    const writer = new BookWriter({
      instrumentId: 'X',
      state: fresh(),
      persist: (uow: UnitOfWork) => {
        if (uow.commands.some((c) => c.orderId === 'bad'))
          return Promise.reject(new Error('refused'));
        for (const c of uow.commands) committed.push(JSON.stringify(c.payload));
        return Promise.resolve();
      },
      restore: () => Promise.resolve(fresh()),
      committed: () => undefined,
      failed: (_error, ids, retrying) => void failures.push({ ids, retrying }),
    });
    const results = await Promise.allSettled([
      writer.run(submit('s1', 'sell', 100)),
      writer.run(submit('bad', 'buy', 100)),
      writer.run(submit('b1', 'buy', 100)),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    const taker = results[2];
    expect(taker.status === 'fulfilled' && taker.value.order?.status).toBe('filled');
    expect(
      committed.map((c) => (JSON.parse(c) as { order: { orderId: string } }).order.orderId),
    ).toEqual(['s1', 'b1']);
    expect(failures).toEqual([
      { ids: ['req-bad', 'req-b1'], retrying: true },
      { ids: ['req-bad'], retrying: false },
    ]);
    expect(writer.state.book.depth(5)).toMatchObject({ bids: [], asks: [] });
  });
});
