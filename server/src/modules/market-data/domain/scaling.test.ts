import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { standardCatalogue } from './catalogue.js';
import { STANDARD_INSTRUMENTS } from './standard-instruments.js';
import { lotsToQuantity, priceToTicks, quantityToLots, ticksToPrice } from './scaling.js';

function captureError(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  throw new Error('expected the action to throw');
}

describe('price and quantity scaling', () => {
  it('counts ticks exactly where floating point would not', () => {
    expect(priceToTicks('85.12', '0.01')).toBe(8512);
    expect(priceToTicks(0.3, '0.1')).toBe(3);
    expect(priceToTicks('-12.345', '0.005')).toBe(-2469);
    expect(ticksToPrice(-2469, '0.005')).toBe('-12.345');
    expect(ticksToPrice(8500, '0.01')).toBe('85');
  });

  it('rejects a price that is not a whole number of ticks, naming the rule', () => {
    expect(() => priceToTicks('85.123', '0.01')).toThrow(/not a multiple of 0.01/);
    const error = captureError(() =>
      priceToTicks('12.3456', standardCatalogue.get('GAS-TTF-FUT-M').tickSize),
    );
    expect(error).toMatchObject({
      kind: 'validation',
      fieldIssues: [{ field: 'price', rule: 'tick_multiple' }],
    });
    expect(() => priceToTicks('abc', '0.01')).toThrow(/not a decimal number/);
    expect(() => priceToTicks(Number.NaN, '0.01')).toThrow(/finite/);
  });

  it('converts quantities to lots and back, rejecting odd lots', () => {
    expect(quantityToLots('7200', '720')).toBe(10);
    expect(lotsToQuantity(3, '0.1')).toBe('0.3');
    expect(() => quantityToLots('1500', '1000')).toThrow(/not a multiple of 1000/);
  });

  it('round-trips any whole number of ticks for every catalogue tick size', () => {
    const tickSizes = [...new Set(STANDARD_INSTRUMENTS.map((instrument) => instrument.tickSize))];
    fc.assert(
      fc.property(
        fc.integer({ min: -1e9, max: 1e9 }),
        fc.constantFrom(...tickSizes),
        (ticks, tickSize) => {
          expect(priceToTicks(ticksToPrice(ticks, tickSize), tickSize)).toBe(ticks);
        },
      ),
    );
  });
});
