import { describe, expect, it } from 'vitest';
import { emptyTicket, orderFromTicket, validateTicket, type TicketDraft } from './ticket';

const power = { tickSize: '0.01', lotSize: '0.1' };
const now = new Date('2026-03-02T10:00:00Z');

function draft(change: Partial<TicketDraft>): TicketDraft {
  return { ...emptyTicket, price: '45.30', quantity: '5', ...change };
}

describe('validating the order ticket against the contract terms', () => {
  it('accepts a limit order on whole ticks and lots, including ones that are not exact in binary', () => {
    expect(validateTicket(draft({ price: '45.3', quantity: '0.3' }), power, now)).toEqual({});
  });

  it('names the field and the nearest ticks when the price is between ticks', () => {
    const errors = validateTicket(draft({ price: '45.305' }), power, now);
    expect(errors.price).toContain('tick 0.01');
    expect(errors.price).toContain('45.30');
    expect(errors.price).toContain('45.31');
    expect(errors.quantity).toBeUndefined();
  });

  it('refuses a quantity that is not a whole number of lots', () => {
    expect(validateTicket(draft({ quantity: '0.25' }), power, now).quantity).toContain('lot 0.1');
  });

  it('refuses a zero or missing quantity', () => {
    expect(validateTicket(draft({ quantity: '0' }), power, now).quantity).toMatch(/more than zero/);
    expect(validateTicket(draft({ quantity: '' }), power, now).quantity).toMatch(/Enter/);
  });

  it('accepts a negative power price on a whole tick', () => {
    expect(validateTicket(draft({ price: '-12.50' }), power, now)).toEqual({});
  });

  it('asks for a stop price on a stop-limit order and checks it against the tick', () => {
    const missing = validateTicket(draft({ type: 'stop_limit' }), power, now);
    expect(missing.stopPrice).toMatch(/Enter a stop price/);
    const offTick = validateTicket(draft({ type: 'stop_limit', stopPrice: '44.999' }), power, now);
    expect(offTick.stopPrice).toContain('tick');
  });

  it('does not ask a market order for a price, but refuses to let it rest', () => {
    const errors = validateTicket(draft({ type: 'market', price: '' }), power, now);
    expect(errors.price).toBeUndefined();
    expect(errors.timeInForce).toMatch(/IOC or FOK/);
    expect(
      validateTicket(draft({ type: 'market', price: '', timeInForce: 'IOC' }), power, now),
    ).toEqual({});
  });

  it('requires a future expiry for a good-till-date order', () => {
    expect(validateTicket(draft({ timeInForce: 'GTD' }), power, now).expiresAt).toMatch(/Enter/);
    const past = validateTicket(
      draft({ timeInForce: 'GTD', expiresAt: '2026-03-01T09:00' }),
      power,
      now,
    );
    expect(past.expiresAt).toMatch(/future/);
    expect(
      validateTicket(draft({ timeInForce: 'GTD', expiresAt: '2026-03-09T09:00' }), power, now),
    ).toEqual({});
  });

  it('refuses post-only on an order that cannot rest', () => {
    expect(
      validateTicket(draft({ postOnly: true, timeInForce: 'IOC' }), power, now).postOnly,
    ).toBeDefined();
    expect(validateTicket(draft({ postOnly: true }), power, now)).toEqual({});
  });

  it('requires an iceberg to show fewer lots than it holds, in whole lots', () => {
    expect(validateTicket(draft({ displayQuantity: '5' }), power, now).displayQuantity).toMatch(
      /less/,
    );
    expect(validateTicket(draft({ displayQuantity: '1.05' }), power, now).displayQuantity).toMatch(
      /lot/,
    );
    expect(validateTicket(draft({ displayQuantity: '1' }), power, now)).toEqual({});
  });
});

describe('turning a ticket into an order request', () => {
  it('sends only the fields the order type uses', () => {
    const order = orderFromTicket(
      draft({ type: 'stop', stopPrice: '50', price: '45.30', timeInForce: 'IOC' }),
      'PWR-DE-LU-FUT-M',
      'c-1',
    );
    expect(order).toEqual({
      clientOrderId: 'c-1',
      instrumentId: 'PWR-DE-LU-FUT-M',
      side: 'buy',
      type: 'stop',
      stopPrice: 50,
      quantity: 5,
      timeInForce: 'IOC',
    });
  });

  it('sends the expiry as an instant and the iceberg display quantity', () => {
    const order = orderFromTicket(
      draft({
        timeInForce: 'GTD',
        expiresAt: '2026-03-09T09:00',
        displayQuantity: '1',
        postOnly: true,
      }),
      'X',
      'c-2',
    );
    expect(order.expiresAt).toBe(new Date('2026-03-09T09:00').toISOString());
    expect(order.displayQuantity).toBe(1);
    expect(order.postOnly).toBe(true);
    expect(order.price).toBe(45.3);
  });
});
