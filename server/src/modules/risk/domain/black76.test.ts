import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../platform/errors.js';
import { black76, black76Price, type Black76Input } from './black76.js';
import { impliedVolatility } from './implied-volatility.js';

const option = (overrides: Partial<Black76Input> = {}): Black76Input => ({
  type: 'call',
  forward: 80,
  strike: 85,
  expiryYears: 0.5,
  volatility: 0.6,
  rate: 0.03,
  ...overrides,
});

const inputs = fc.record({
  type: fc.constantFrom('call' as const, 'put' as const),
  forward: fc.double({ min: 5, max: 300, noNaN: true }),
  strike: fc.double({ min: 5, max: 300, noNaN: true }),
  expiryYears: fc.double({ min: 0.02, max: 3, noNaN: true }),
  volatility: fc.double({ min: 0.05, max: 1.5, noNaN: true }),
  rate: fc.double({ min: -0.01, max: 0.08, noNaN: true }),
});

describe('Black-76 prices', () => {
  it("prices Hull's crude oil futures put at 1.12", () => {
    // Hull, Options, Futures and Other Derivatives: F = K = 20, 4 months, r = 9%, sigma = 25%.
    const put = black76Price({
      type: 'put',
      forward: 20,
      strike: 20,
      expiryYears: 4 / 12,
      volatility: 0.25,
      rate: 0.09,
    });
    expect(put).toBeCloseTo(1.12, 2);
  });

  it('satisfies put-call parity c - p = e^(-rT)(F - K)', () => {
    fc.assert(
      fc.property(inputs, (input) => {
        const call = black76Price({ ...input, type: 'call' });
        const put = black76Price({ ...input, type: 'put' });
        expect(call - put).toBeCloseTo(
          Math.exp(-input.rate * input.expiryYears) * (input.forward - input.strike),
          9,
        );
      }),
    );
  });

  it('is worth the discounted intrinsic value at expiry', () => {
    const expired = black76(option({ forward: 90, expiryYears: 0 }));
    expect(expired.price).toBeCloseTo(5, 12);
    expect(expired.delta).toBe(1);
    expect(black76Price(option({ type: 'put', forward: 90, expiryYears: 0 }))).toBe(0);
  });

  it('refuses a non-positive forward', () => {
    expect(() => black76(option({ forward: -5 }))).toThrow(DomainError);
  });
});

describe('Black-76 greeks', () => {
  it('match finite differences of the price', () => {
    fc.assert(
      fc.property(inputs, (input) => {
        const greeks = black76(input);
        const h = 1e-4 * input.forward;
        const up = black76Price({ ...input, forward: input.forward + h });
        const down = black76Price({ ...input, forward: input.forward - h });
        const scale = Math.max(1, greeks.price);
        // Central differences err by about h^2 times the third derivative, large for short-dated options at the money.
        expect(Math.abs((up - down) / (2 * h) - greeks.delta)).toBeLessThan(
          1e-6 + greeks.gamma * h * 1e-2,
        );
        expect((up - 2 * greeks.price + down) / (h * h) / Math.max(1, greeks.gamma)).toBeCloseTo(
          greeks.gamma / Math.max(1, greeks.gamma),
          3,
        );
        const dv = 1e-5;
        const vega =
          (black76Price({ ...input, volatility: input.volatility + dv }) -
            black76Price({ ...input, volatility: input.volatility - dv })) /
          (2 * dv);
        expect(vega / scale).toBeCloseTo(greeks.vega / scale, 5);
        const dt = 1e-6;
        const theta =
          -(
            black76Price({ ...input, expiryYears: input.expiryYears + dt }) -
            black76Price({ ...input, expiryYears: input.expiryYears - dt })
          ) /
          (2 * dt);
        expect(theta / scale).toBeCloseTo(greeks.theta / scale, 3);
      }),
    );
  });

  it('give calls and puts the same gamma and vega', () => {
    const call = black76(option());
    const put = black76(option({ type: 'put' }));
    expect(put.gamma).toBeCloseTo(call.gamma, 14);
    expect(put.vega).toBeCloseTo(call.vega, 12);
    expect(call.delta - put.delta).toBeCloseTo(Math.exp(-0.03 * 0.5), 14);
  });
});

describe('implied volatility', () => {
  it('recovers the volatility a premium was priced with', () => {
    fc.assert(
      fc.property(inputs, (input) => {
        const price = black76Price(input);
        const discount = Math.exp(-input.rate * input.expiryYears);
        const intrinsic =
          discount *
          Math.max(
            input.type === 'call' ? input.forward - input.strike : input.strike - input.forward,
            0,
          );
        // Skip premiums indistinguishable from intrinsic value in double precision.
        fc.pre(price - intrinsic > 1e-8 * input.forward);
        const implied = impliedVolatility({ ...input, price });
        expect(black76Price({ ...input, volatility: implied })).toBeCloseTo(price, 8);
      }),
    );
  });

  it('solves a deep out-of-the-money power option where Newton alone overshoots', () => {
    const input = option({ forward: 60, strike: 200, volatility: 1.2, expiryYears: 0.25 });
    const price = black76Price(input);
    expect(impliedVolatility({ ...input, price })).toBeCloseTo(1.2, 8);
  });

  it('refuses a premium outside the no-arbitrage bounds', () => {
    const below = () => impliedVolatility({ ...option({ forward: 100, strike: 80 }), price: 10 });
    const above = () => impliedVolatility({ ...option(), price: 81 });
    for (const attempt of [below, above]) {
      try {
        attempt();
        expect.unreachable();
      } catch (error) {
        expect((error as DomainError).code).toBe('price_outside_no_arbitrage_bounds');
      }
    }
  });
});
