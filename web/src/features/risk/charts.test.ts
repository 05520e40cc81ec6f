import { describe, expect, it } from 'vitest';
import { contributionBars, histogramRange, scale, utilisationWidth } from './charts';

describe('risk chart geometry', () => {
  it('widens the histogram range to show a VaR line beyond the worst scenario', () => {
    const bins = [
      { from: -50, to: -10, count: 3 },
      { from: -10, to: 30, count: 7 },
    ];
    expect(histogramRange(bins, 80)).toEqual({ min: -80, max: 30 });
    expect(histogramRange(bins, 20)).toEqual({ min: -50, max: 30 });
  });

  it('places values across the width and clamps those outside it', () => {
    expect(scale(0, -10, 10, 200)).toBe(100);
    expect(scale(50, -10, 10, 200)).toBe(200);
  });

  it('caps a breached utilisation at a full bar', () => {
    expect(utilisationWidth(0.5)).toBe(50);
    expect(utilisationWidth(1.8)).toBe(100);
    expect(utilisationWidth(Number.NaN)).toBe(0);
  });

  it('scales contributions to the largest, keeping a hedge negative', () => {
    expect(
      contributionBars([
        { key: 'a', component: 40 },
        { key: 'b', component: -10 },
      ]).map((b) => b.share),
    ).toEqual([1, -0.25]);
  });
});
