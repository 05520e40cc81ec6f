import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deliveryHours } from './energy.js';
import { cascadeChildren, listedContracts } from './listing.js';
import { PRODUCTS } from './products.js';

const tradingDay = fc
  .integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2032, 11, 31) })
  .map((ms) => {
    const d = new Date(ms);
    return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
  });
const cascading = PRODUCTS.filter((p) => Object.keys(p.cascade).length > 0);

describe('listing and cascade properties', () => {
  it('cascades a contract into children that partition its delivery hours exactly', () => {
    fc.assert(
      fc.property(fc.constantFrom(...cascading), tradingDay, (product, day) => {
        for (const parent of listedContracts(product, day)) {
          const children = cascadeChildren(product, parent);
          if (children.length === 0) continue;
          expect(children[0]!.deliveryStart).toBe(parent.deliveryStart);
          expect(children.at(-1)!.deliveryEnd).toBe(parent.deliveryEnd);
          for (let i = 1; i < children.length; i++)
            expect(children[i]!.deliveryStart).toBe(children[i - 1]!.deliveryEnd);
          const hours = children.reduce((sum, c) => sum + deliveryHours(product, c), 0);
          expect(hours).toBe(deliveryHours(product, parent));
          // A child never stops trading before its parent has cascaded into it.
          for (const child of children)
            expect(child.lastTradingDay >= parent.lastTradingDay).toBe(true);
        }
      }),
      { numRuns: 25 },
    );
  });

  it('lists only contracts still trading, each once, no more than the cycle allows', () => {
    fc.assert(
      fc.property(fc.constantFrom(...PRODUCTS), tradingDay, (product, day) => {
        const listed = listedContracts(product, day);
        const today = `${day.year}-${String(day.month).padStart(2, '0')}-${String(day.day).padStart(2, '0')}`;
        expect(new Set(listed.map((c) => c.id)).size).toBe(listed.length);
        for (const c of listed) {
          expect(c.lastTradingDay >= today).toBe(true);
          expect(c.lastTradingDay < c.firstDeliveryDay).toBe(true);
        }
        for (const [tenor, count] of Object.entries(product.cycle))
          expect(listed.filter((c) => c.tenor === tenor).length).toBeLessThanOrEqual(count);
      }),
      { numRuns: 60 },
    );
  });
});
