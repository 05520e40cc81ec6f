import { describe, expect, it } from 'vitest';
import { amendmentOf } from './amendment';

const terms = { tickSize: '0.01', lotSize: '0.1' };
const working = { id: 'o1', price: 45.3, quantity: 5, filledQuantity: 1 };

describe('amending a working order inline', () => {
  it('sends only the price when only the price changed', () => {
    expect(amendmentOf(working, '45.35', '5', terms)).toEqual({
      change: { id: 'o1', price: 45.35 },
      errors: {},
    });
  });

  it('sends nothing when nothing changed', () => {
    expect(amendmentOf(working, '45.30', '5.0', terms).change).toBeNull();
  });

  it('refuses a price between ticks and a quantity at or below what has filled', () => {
    const { change, errors } = amendmentOf(working, '45.305', '1', terms);
    expect(change).toBeNull();
    expect(errors.price).toMatch(/Tick is 0.01/);
    expect(errors.quantity).toMatch(/above the 1 filled/);
  });

  it('ignores the price of an order that has none, such as a stop', () => {
    expect(amendmentOf({ ...working, price: null }, '', '4', terms)).toEqual({
      change: { id: 'o1', quantity: 4 },
      errors: {},
    });
  });
});
