import { describe, expect, it } from 'vitest';
import { normalCdf as standardNormalCdf } from '../../../platform/maths/normal-distribution.js';
import { dieboldMariano } from './diebold-mariano.js';
import { seededRandom } from './prng.js';

describe('Diebold-Mariano test', () => {
  const random = seededRandom(5);
  const hours = 24 * 200;
  const actual = Float64Array.from({ length: hours }, () => 50 + 10 * random.normal());
  const sharp = actual.map((p) => p + random.normal());
  const blunt = actual.map((p) => p + 3 * random.normal());

  it('gives a large positive statistic and a small p-value when the second forecast is better', () => {
    const result = dieboldMariano(actual, blunt, sharp);
    expect(result.statistic).toBeGreaterThan(3);
    expect(result.pValueBBetter).toBeLessThan(0.01);
  });

  it('flips sign when the forecasts swap places', () => {
    const forward = dieboldMariano(actual, blunt, sharp);
    const backward = dieboldMariano(actual, sharp, blunt);
    expect(backward.statistic).toBeCloseTo(-forward.statistic, 10);
    expect(backward.pValueBBetter).toBeGreaterThan(0.99);
    expect(backward.twoSidedPValue).toBeCloseTo(forward.twoSidedPValue, 10);
  });

  it('does not reject equal accuracy for two forecasts of the same quality', () => {
    const other = actual.map((p) => p + random.normal());
    expect(dieboldMariano(actual, sharp, other, 2).twoSidedPValue).toBeGreaterThan(0.01);
  });

  it('uses the standard normal distribution', () => {
    expect(standardNormalCdf(0)).toBeCloseTo(0.5, 7);
    expect(standardNormalCdf(1.959964)).toBeCloseTo(0.975, 6);
    expect(standardNormalCdf(-1.644854)).toBeCloseTo(0.05, 6);
  });
});
