import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../platform/errors.js';
import { holdsPosition, isFinalDeal, moveDeal } from './deal-lifecycle.js';

describe('deal lifecycle', () => {
  it('confirms a captured deal, sends an amendment back for confirmation and settles only a confirmed deal', () => {
    expect(moveDeal('d', 'captured', 'confirm')).toBe('confirmed');
    expect(moveDeal('d', 'confirmed', 'amend')).toBe('amended');
    expect(moveDeal('d', 'amended', 'confirm')).toBe('confirmed');
    expect(moveDeal('d', 'confirmed', 'settle')).toBe('settled');
    expect(() => moveDeal('d', 'amended', 'settle')).toThrow(DomainError);
  });

  it('refuses every move out of a cancelled, voided or settled deal, naming the move', () => {
    for (const final of ['cancelled', 'voided', 'settled'] as const) {
      expect(isFinalDeal(final)).toBe(true);
      try {
        moveDeal('d-1', final, 'amend');
        expect.unreachable();
      } catch (error) {
        expect(error).toMatchObject({
          code: 'illegal_deal_transition',
          extra: { dealId: 'd-1', from: final, move: 'amend', to: 'amended' },
        });
      }
    }
  });

  it('refuses confirming a deal twice', () => {
    expect(() => moveDeal('d', 'confirmed', 'confirm')).toThrow(/cannot confirm: it is confirmed/);
  });

  it('counts a deal in positions unless it was cancelled or voided', () => {
    expect([
      holdsPosition('captured'),
      holdsPosition('settled'),
      holdsPosition('cancelled'),
      holdsPosition('voided'),
    ]).toEqual([true, true, false, false]);
  });
});
