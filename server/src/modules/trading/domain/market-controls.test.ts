import { describe, expect, it } from 'vitest';
import { GATE, limit, market, openTestBook, T0 } from './book-fixtures.js';
import { TradingDesk } from './desk.js';

describe('price bands', () => {
  it('refuses limit prices outside the band around the reference price', () => {
    const { book } = openTestBook({ priceBand: { referencePrice: 5000, bandTicks: 250 } });
    expect(book.submit(limit('b1', 'buy', 1, 4750))).toBeNull();
    expect(book.submit(limit('a1', 'sell', 1, 5250))).toBeNull();
    expect(book.submit(limit('b2', 'buy', 1, 4749))).toBe('price_band');
    expect(book.submit(limit('a2', 'sell', 1, 5251))).toBe('price_band');
  });

  it('moves the band with the reference price', () => {
    const { book } = openTestBook({ priceBand: { referencePrice: 5000, bandTicks: 250 } });
    book.setReferencePrice(6000);
    expect(book.submit(limit('b1', 'buy', 1, 5000))).toBe('price_band');
    expect(book.submit(limit('b2', 'buy', 1, 5800))).toBeNull();
  });
});

describe('halts and the kill switch', () => {
  it('refuses new orders and changes while halted but still lets traders cancel', () => {
    const { book } = openTestBook();
    book.submit(limit('b1', 'buy', 2, 4990));
    book.halt(T0);
    expect(book.submit(limit('b2', 'buy', 1, 4990))).toBe('halted');
    expect(book.modify('b1', { quantity: 1 }, T0)).toBe('halted');
    expect(book.cancel('b1', T0)).toBeNull();
    book.resume(T0);
    expect(book.submit(limit('b3', 'buy', 1, 4990))).toBeNull();
  });

  it('halts every book of the desk with the kill switch and keeps instrument halts on release', () => {
    const desk = new TradingDesk();
    const h15 = desk.openBook({ instrumentId: 'H15', gateClosureAt: GATE }, T0);
    const h16 = desk.openBook({ instrumentId: 'H16', gateClosureAt: GATE }, T0);
    h16.halt(T0);
    desk.engageKillSwitch(T0);
    const h17 = desk.openBook({ instrumentId: 'H17', gateClosureAt: GATE }, T0);
    for (const book of [h15, h16, h17])
      expect(book.submit(limit('b1', 'buy', 1, 4990))).toBe('kill_switch');

    desk.releaseKillSwitch(T0);
    expect(h15.submit(limit('b1', 'buy', 1, 4990))).toBeNull();
    expect(h16.submit(limit('b1', 'buy', 1, 4990))).toBe('halted');
    expect(h17.submit(limit('b1', 'buy', 1, 4990))).toBeNull();
  });
});

describe('gate closure', () => {
  it('refuses orders arriving at or after gate closure', () => {
    const { book } = openTestBook();
    expect(book.submit(limit('b1', 'buy', 1, 4990, { at: GATE - 1 }))).toBeNull();
    expect(book.submit(limit('b2', 'buy', 1, 4990, { at: GATE }))).toBe('gate_closed');
    expect(book.submit(market('m1', 'sell', 1, { at: GATE + 1 }))).toBe('gate_closed');
    expect(book.modify('b1', { quantity: 2 }, GATE)).toBe('gate_closed');
  });

  it('expires every resting order and waiting stop at gate closure, and nothing before', () => {
    const { book, recorder } = openTestBook();
    book.submit(limit('b1', 'buy', 2, 4990));
    book.submit(limit('a1', 'sell', 3, 5010, { peak: 1 }));
    book.submit({ ...limit('s1', 'buy', 1, 5100), type: 'stop_limit', stopPrice: 5050 });
    book.expireAtGateClosure(GATE - 1);
    expect(recorder.ofType('expired')).toEqual([]);

    book.expireAtGateClosure(GATE);
    expect(recorder.ofType('expired').map((e) => [e.orderId, e.quantity, e.reason])).toEqual([
      ['b1', 2, 'gate_closure'],
      ['a1', 3, 'gate_closure'],
      ['s1', 1, 'gate_closure'],
    ]);
    expect(book.depth()).toEqual({ bids: [], asks: [] });
    expect(book.waitingStops()).toEqual([]);
  });
});
