import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../platform/errors.js';
import { canTransition, isTerminal, transition } from './lifecycle.js';

describe('order lifecycle', () => {
  it('lets an accepted order fill in parts and then in full', () => {
    let status = transition('o1', 'new', 'accepted');
    status = transition('o1', status, 'partially_filled');
    status = transition('o1', status, 'partially_filled');
    expect(transition('o1', status, 'filled')).toBe('filled');
  });

  it('refuses to fill an order that has expired, naming the order and the move', () => {
    expect(() => transition('o7', 'expired', 'filled')).toThrowError(DomainError);
    try {
      transition('o7', 'expired', 'filled');
    } catch (error) {
      expect(error).toMatchObject({
        code: 'illegal_order_transition',
        extra: { orderId: 'o7', from: 'expired', to: 'filled' },
      });
    }
  });

  it('never lets a new order skip acceptance', () => {
    expect(canTransition('new', 'filled')).toBe(false);
    expect(canTransition('new', 'rejected')).toBe(true);
  });

  it('treats filled, cancelled, expired and rejected as final', () => {
    expect(
      ['filled', 'cancelled', 'expired', 'rejected'].every((s) => isTerminal(s as 'filled')),
    ).toBe(true);
    expect(isTerminal('partially_filled')).toBe(false);
  });
});
