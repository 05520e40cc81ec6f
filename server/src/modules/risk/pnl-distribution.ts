import { normalCdf } from './domain/index.js';

export interface PnlDistribution {
  bins: { from: number; to: number; count: number }[];
}

const BINS = 30;

/** A histogram of scenario P&L in equal-width bins. */
export function histogram(pnl: Float64Array, bins = BINS): PnlDistribution {
  if (pnl.length === 0) return { bins: [] };
  let lo = Infinity;
  let hi = -Infinity;
  for (const x of pnl) {
    lo = Math.min(lo, x);
    hi = Math.max(hi, x);
  }
  const width = hi > lo ? (hi - lo) / bins : 1;
  const counts = new Array<number>(bins).fill(0);
  for (const x of pnl) counts[Math.min(bins - 1, Math.floor((x - lo) / width))]! += 1;
  return {
    bins: counts.map((count, i) => ({ from: lo + i * width, to: lo + (i + 1) * width, count })),
  };
}

/** Expected counts of a normal P&L out of 10,000 draws, for the parametric method's chart. */
export function normalHistogram(mean: number, sd: number): PnlDistribution {
  if (!(sd > 0)) return { bins: [] };
  const lo = mean - 4 * sd;
  const width = (8 * sd) / BINS;
  return {
    bins: Array.from({ length: BINS }, (_, i) => {
      const from = lo + i * width;
      const to = from + width;
      return {
        from,
        to,
        count: Math.round(10_000 * (normalCdf((to - mean) / sd) - normalCdf((from - mean) / sd))),
      };
    }),
  };
}
