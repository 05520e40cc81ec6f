import { describe, expect, it } from 'vitest';
import { HOURS } from './domain/market-days.js';
import { seededRandom } from './domain/prng.js';
import { evaluateWalkForward } from './evaluation.js';

function noisyRun(days: number, seed: number) {
  const random = seededRandom(seed);
  const actual = new Float64Array(days * HOURS).map(
    (_, i) => 40 + 10 * Math.sin((2 * Math.PI * (i % HOURS)) / HOURS),
  );
  const forecast = actual.map((a) => a + 3 * random.normal());
  return { actual, forecast };
}

describe('walk-forward evaluation', () => {
  it('gives the first test day no interval, since no errors precede it', () => {
    const { actual, forecast } = noisyRun(10, 1);
    const evaluation = evaluateWalkForward(actual, forecast);
    expect(evaluation.lower.subarray(0, HOURS).every(Number.isNaN)).toBe(true);
    expect(evaluation.lower.subarray(HOURS).some(Number.isNaN)).toBe(false);
  });

  it('covers about 90% of exchangeable errors with its 90% intervals', () => {
    const { actual, forecast } = noisyRun(120, 2);
    const { metrics } = evaluateWalkForward(actual, forecast);
    expect(metrics.intervalLevel).toBeCloseTo(0.9);
    expect(metrics.coverage).toBeGreaterThan(0.85);
    expect(metrics.coverage).toBeLessThan(0.97);
  });

  it('sizes the next day’s intervals per hour once there are enough days', () => {
    const { actual, forecast } = noisyRun(30, 3);
    // Hour 5 is forecast far worse than the others.
    for (let d = 0; d < 30; d++) forecast[d * HOURS + 5]! += d % 2 === 0 ? 30 : -30;
    const { halfWidths } = evaluateWalkForward(actual, forecast);
    expect(halfWidths[5]).toBeGreaterThan(25);
    expect(halfWidths[4]).toBeLessThan(10);
  });
});
