import { describe, expect, it } from 'vitest';
import { normalCdf, normalPdf } from './distributions.js';
import { valueOptionPosition, YEAR_MS } from './option-position.js';

describe('an option position on a futures contract', () => {
  const now = Date.UTC(2026, 5, 1);
  const option = {
    type: 'call' as const,
    strike: 90,
    expiresAt: now + 0.25 * YEAR_MS,
    quantity: 50,
    volatility: 0.6,
    rate: 0.03,
  };

  it("scales Black-76's closed form by the signed quantity", () => {
    const f = 85;
    const t = 0.25;
    const s = 0.6 * Math.sqrt(t);
    const d1 = (Math.log(f / 90) + (s * s) / 2) / s;
    const d2 = d1 - s;
    const df = Math.exp(-0.03 * t);
    const long = valueOptionPosition(option, f, now);
    expect(long.expiryYears).toBeCloseTo(0.25, 12);
    expect(long.value).toBeCloseTo(50 * df * (f * normalCdf(d1) - 90 * normalCdf(d2)), 9);
    expect(long.delta).toBeCloseTo(50 * df * normalCdf(d1), 9);
    expect(long.gamma).toBeCloseTo((50 * df * normalPdf(d1)) / (f * s), 9);
    const short = valueOptionPosition({ ...option, quantity: -50 }, f, now);
    expect(short.gamma).toBeCloseTo(-long.gamma, 12);
  });

  it('keeps put-call parity between a long call and a short put', () => {
    const call = valueOptionPosition(option, 95, now);
    const put = valueOptionPosition({ ...option, type: 'put' }, 95, now);
    expect(call.value - put.value).toBeCloseTo(50 * Math.exp(-0.03 * 0.25) * (95 - 90), 9);
    expect(call.delta - put.delta).toBeCloseTo(50 * Math.exp(-0.03 * 0.25), 9);
  });

  it('is worth its intrinsic value with a step delta once expired', () => {
    const expired = valueOptionPosition(option, 95, option.expiresAt + 1);
    expect(expired).toMatchObject({ expiryYears: 0, value: 250, delta: 50, gamma: 0 });
  });
});
