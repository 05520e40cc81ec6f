import { describe, expect, it } from 'vitest';
import { createNormalSampler } from './normal-sampler.js';
import {
  horizonMoments,
  meanRevertingScale,
  simulateOrnsteinUhlenbeckPath,
  speedFromHalfLife,
} from './ornstein-uhlenbeck.js';
import { createRandomSource } from './random.js';

describe('Ornstein-Uhlenbeck spot prices', () => {
  const process = { speedPerDay: speedFromHalfLife(5), longRunLevel: 60, volatilityPerDay: 8 };

  it('halves the distance to the long-run level in one half-life', () => {
    expect(horizonMoments(100, process, 5).mean).toBeCloseTo(80, 10);
  });

  it('falls back to the square-root-of-time rule without mean reversion', () => {
    expect(meanRevertingScale(0, 10)).toBeCloseTo(Math.sqrt(10), 12);
    expect(meanRevertingScale(1e-9, 10)).toBeCloseTo(Math.sqrt(10), 6);
  });

  it('tends to the stationary spread sigma / sqrt(2 kappa) over long horizons', () => {
    expect(horizonMoments(60, process, 10_000).sd).toBeCloseTo(
      8 / Math.sqrt(2 * process.speedPerDay),
      9,
    );
  });

  it('simulates paths whose terminal mean and spread match the exact moments', () => {
    const normals = createNormalSampler(createRandomSource(2022));
    const paths = 20_000;
    const days = 10;
    let sum = 0;
    let sumSquares = 0;
    for (let p = 0; p < paths; p++) {
      const path = simulateOrnsteinUhlenbeckPath(150, process, days, normals);
      if (p === 0) expect(path[0]).toBe(150);
      const last = path[days]!;
      sum += last;
      sumSquares += last * last;
    }
    const mean = sum / paths;
    const sd = Math.sqrt(sumSquares / paths - mean * mean);
    const exact = horizonMoments(150, process, days);
    expect(Math.abs(mean - exact.mean)).toBeLessThan((4 * exact.sd) / Math.sqrt(paths));
    expect(sd / exact.sd).toBeCloseTo(1, 1);
  });
});
