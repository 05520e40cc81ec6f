import { describe, expect, it } from 'vitest';
import { fillFromOutbox, fillFromTradeMessage } from './from-trading.js';

describe("surveillance's view of trading's events", () => {
  it('maps an outbox fill, with owners from the register and no aggressor', () => {
    const fill = fillFromOutbox(
      {
        seq: 7,
        kind: 'fill',
        tradeId: '42',
        instrumentId: 'GAS-TTF-FUT-M',
        price: 35.5,
        quantity: 10,
        buyer: 'a',
        seller: 'b',
        executedAt: 1000,
      },
      (account) => (account === 'a' ? 'acme' : account),
    );
    expect(fill).toMatchObject({
      id: 'fill:42',
      at: 1000,
      buyer: { account: 'a', beneficialOwner: 'acme', orderId: null },
      seller: { account: 'b', beneficialOwner: 'b', orderId: null },
      aggressor: null,
    });
  });

  it('maps a bus trade to the same evidence id, with its orders and aggressor', () => {
    const fill = fillFromTradeMessage({
      trade: {
        id: '42',
        instrumentId: 'GAS-TTF-FUT-M',
        price: 35.5,
        quantity: 10,
        aggressorSide: 'sell',
        time: '1970-01-01T00:00:01.000Z',
      },
      buyer: 'a',
      seller: 'b',
      buyOrderId: 'ob',
      sellOrderId: 'os',
    });
    expect(fill).toMatchObject({
      id: 'fill:42',
      at: 1000,
      aggressor: 'sell',
      buyer: { orderId: 'ob' },
      seller: { orderId: 'os' },
    });
  });
});
