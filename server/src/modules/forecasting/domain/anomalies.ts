import { fitRobustScale } from './robust-scaling.js';

/**
 * Screens an incoming price feed. A spike is a price far from the rolling median of the
 * preceding `window` prices in units of their MAD (robust, so one spike does not hide
 * the next); a stuck feed is `minimumRun` or more identical consecutive prints, which
 * real auction prices practically never produce.
 */
export interface PriceAnomaly {
  index: number;
  kind: 'spike' | 'stuck_feed';
  /** Robust z-score for spikes, run length for stuck feeds. */
  score: number;
}

export function findPriceSpikes(
  prices: ArrayLike<number>,
  window = 168,
  threshold = 8,
): PriceAnomaly[] {
  const found: PriceAnomaly[] = [];
  for (let i = window; i < prices.length; i++) {
    const scale = fitRobustScale(Array.prototype.slice.call(prices, i - window, i) as number[]);
    const z = (prices[i]! - scale.median) / scale.mad;
    if (Math.abs(z) > threshold) found.push({ index: i, kind: 'spike', score: z });
  }
  return found;
}

/** Reports each run once, at its first print. */
export function findStuckFeeds(prices: ArrayLike<number>, minimumRun = 6): PriceAnomaly[] {
  const found: PriceAnomaly[] = [];
  let start = 0;
  for (let i = 1; i <= prices.length; i++) {
    if (i < prices.length && prices[i] === prices[start]) continue;
    const run = i - start;
    if (run >= minimumRun) found.push({ index: start, kind: 'stuck_feed', score: run });
    start = i;
  }
  return found;
}
