import { describe, expect, it } from 'vitest';
import { checkCurve } from './curve';

const row = (key: number, price: string, quantity: string) => ({ key, price, quantity });

describe('checking an auction step curve', () => {
  it('orders a bid curve from the highest price and an offer curve from the lowest', () => {
    const rows = [row(1, '40', '5'), row(2, '60', '2'), row(3, '-5', '10')];
    expect(checkCurve(rows, 'bid').steps.map((s) => s.price)).toEqual([60, 40, -5]);
    expect(checkCurve(rows, 'offer').steps.map((s) => s.price)).toEqual([-5, 40, 60]);
  });

  it('skips blank rows but names the row with a missing or non-positive quantity', () => {
    const check = checkCurve([row(1, '', ''), row(2, '50', '0'), row(3, '51', '1')], 'offer');
    expect(check.rowErrors).toEqual({ 2: 'Enter a quantity above zero.' });
    expect(check.steps).toEqual([{ price: 51, quantity: 1 }]);
  });

  it('refuses two steps at one price', () => {
    const check = checkCurve([row(1, '50', '1'), row(2, '50', '2')], 'bid');
    expect(check.rowErrors[2]).toMatch(/already has this price/);
  });

  it('asks for at least one step when every row is blank', () => {
    expect(checkCurve([row(1, '', '')], 'bid').curveError).toMatch(/at least one step/);
  });
});
