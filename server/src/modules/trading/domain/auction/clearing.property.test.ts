import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clearDayAhead } from './clearing.js';
import { shareProRata } from './pro-rata.js';
import { demandAt, supplyAt, tranchesOf, type AuctionCurve } from './step-curve.js';

const step = fc.record({
  price: fc.integer({ min: -50, max: 50 }),
  quantity: fc.integer({ min: 1, max: 40 }),
});
const curve = fc.record({
  participant: fc.constantFrom('alpha', 'bravo', 'charlie', 'delta'),
  side: fc.constantFrom('buy' as const, 'sell' as const),
  deliveryHour: fc.constant(7),
  steps: fc.array(step, { minLength: 1, maxLength: 4 }),
});
const curves = fc.array(curve, { minLength: 1, maxLength: 8 });

describe('day-ahead clearing properties', () => {
  it('trades the largest volume any single price could, checked price by price', () => {
    fc.assert(
      fc.property(curves, (cs: AuctionCurve[]) => {
        const [result] = clearDayAhead(cs);
        const tranches = tranchesOf(cs);
        const buys = tranches.filter((t) => t.side === 'buy');
        const sells = tranches.filter((t) => t.side === 'sell');
        let best = 0;
        for (let p = -51; p <= 51; p++)
          best = Math.max(best, Math.min(demandAt(buys, p), supplyAt(sells, p)));
        expect(result?.cleared ? result.volume : 0).toBe(best);
      }),
    );
  });

  it('accepts as much from buyers as from sellers, never more than asked, and only in the money', () => {
    fc.assert(
      fc.property(curves, (cs: AuctionCurve[]) => {
        const [result] = clearDayAhead(cs);
        if (result === undefined || !result.cleared) return;
        const total = (side: 'buy' | 'sell') =>
          result.allocations.filter((a) => a.side === side).reduce((s, a) => s + a.accepted, 0);
        expect(total('buy')).toBe(result.volume);
        expect(total('sell')).toBe(result.volume);
        for (const a of result.allocations) expect(a.accepted).toBeLessThanOrEqual(a.requested);
        // A participant whose every step is out of the money gets nothing.
        for (const a of result.allocations) {
          const steps = cs
            .filter((c) => c.participant === a.participant && c.side === a.side)
            .flatMap((c) => c.steps);
          const inTheMoney = steps.some((s) =>
            a.side === 'buy' ? s.price >= result.price : s.price <= result.price,
          );
          if (!inTheMoney) expect(a.accepted).toBe(0);
        }
      }),
    );
  });

  it('splits lots pro rata within one lot of the exact share and hands out every lot', () => {
    const group = fc.array(fc.integer({ min: 1, max: 1000 }), { minLength: 1, maxLength: 10 });
    fc.assert(
      fc.property(group, fc.nat(), (quantities, seed) => {
        const total = quantities.reduce((s, q) => s + q, 0);
        const lots = seed % total;
        const tranches = quantities.map((quantity, index) => ({
          participant: `p${index}`,
          side: 'sell' as const,
          price: 1,
          quantity,
          index,
        }));
        const shares = shareProRata(tranches, lots);
        expect([...shares.values()].reduce((s, x) => s + x, 0)).toBe(lots);
        for (const t of tranches) {
          const share = shares.get(t.index) ?? -1;
          expect(Math.abs(share - (lots * t.quantity) / total)).toBeLessThan(1);
          expect(share).toBeLessThanOrEqual(t.quantity);
        }
      }),
    );
  });
});
