import { describe, expect, it } from 'vitest';
import { reasonText } from './reasons';

describe('saying why an order was refused', () => {
  it('explains the engine reason codes in words', () => {
    expect(reasonText('post_only_would_cross')).toMatch(/post-only order would have crossed/);
    expect(reasonText('gate_closed')).toMatch(/gate .* has closed/);
    expect(reasonText('tick_size')).toMatch(/ticks/);
    expect(reasonText('fok_unfillable')).toMatch(/fill-or-kill/);
  });

  it('still shows a code it does not know, made readable', () => {
    expect(reasonText('counterparty_suspended')).toBe('Counterparty suspended.');
  });

  it('says the order was rejected when no reason came with it', () => {
    expect(reasonText(null)).toBe('The order was rejected.');
    expect(reasonText('')).toBe('The order was rejected.');
  });
});
