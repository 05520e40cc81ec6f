import { normalInverseCdf } from '../../../platform/maths/normal-distribution.js';

/**
 * The N-PIT variance-stabilising transform (Uniejewski, Weron & Ziel 2018): each value
 * goes through the empirical distribution of its calibration sample and then the
 * standard normal quantile, so a spiky column comes out Gaussian-looking whatever its
 * tails. Its errors differ from asinh's, which is why averaging LEAR under both helps.
 *
 * The empirical CDF is the piecewise-linear curve through (k-th smallest value,
 * normal quantile of k / (n + 1)), tied values sharing the mean of their quantiles; the
 * inverse is the same curve read the other way, so the round trip is exact. Beyond the
 * sample's range the curve continues along the slope of its outer tenth: a record
 * price the morning after still maps above every calibrated one, and a forecast in
 * the normal space can still map back above the sample's maximum.
 */
export interface NormalPit {
  /** Distinct sample values, ascending. */
  values: Float64Array;
  /** Their normal scores, ascending. */
  scores: Float64Array;
}

export function fitNormalPit(sample: ArrayLike<number>): NormalPit {
  const n = sample.length;
  if (n === 0) throw new RangeError('N-PIT needs at least one value');
  const sorted = Float64Array.from(sample).sort();
  if (!Number.isFinite(sorted[0]!) || !Number.isFinite(sorted[n - 1]!))
    throw new RangeError('N-PIT needs finite values');
  const grid = scoreGrid(n);
  const values: number[] = [];
  const scores: number[] = [];
  for (let i = 0; i < n;) {
    let j = i;
    let sum = 0;
    while (j < n && sorted[j] === sorted[i]) sum += grid[j++]!;
    values.push(sorted[i]!);
    scores.push(sum / (j - i));
    i = j;
  }
  return { values: Float64Array.from(values), scores: Float64Array.from(scores) };
}

export function toNormalScore(value: number, pit: NormalPit): number {
  return interpolate(value, pit.values, pit.scores);
}

export function fromNormalScore(score: number, pit: NormalPit): number {
  return interpolate(score, pit.scores, pit.values);
}

/**
 * The classical inverse, the empirical quantile: a forecast stays within the range of
 * its calibration sample, so a short window cannot extrapolate itself into a blow-up.
 */
export function fromNormalScoreBounded(score: number, pit: NormalPit): number {
  const last = pit.scores.length - 1;
  return interpolate(
    Math.min(Math.max(score, pit.scores[0]!), pit.scores[last]!),
    pit.scores,
    pit.values,
  );
}

/** Piecewise-linear through (from[k], to[k]), both ascending, extended along the outer tenth. */
function interpolate(x: number, from: Float64Array, to: Float64Array): number {
  const last = from.length - 1;
  if (last === 0) return to[0]!;
  const reach = Math.max(1, Math.ceil(last / 10));
  if (x <= from[0]!) return extend(x, from, to, 0, reach);
  if (x >= from[last]!) return extend(x, from, to, last, last - reach);
  let lo = 0;
  let hi = last;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (from[mid]! <= x) lo = mid;
    else hi = mid;
  }
  const t = (x - from[lo]!) / (from[hi]! - from[lo]!);
  return to[lo]! + t * (to[hi]! - to[lo]!);
}

function extend(
  x: number,
  from: Float64Array,
  to: Float64Array,
  edge: number,
  inner: number,
): number {
  const slope = (to[edge]! - to[inner]!) / (from[edge]! - from[inner]!);
  return to[edge]! + (x - from[edge]!) * slope;
}

/** Normal scores of k / (n + 1), k = 1..n; the same n recurs every calibration. */
const grids = new Map<number, Float64Array>();
function scoreGrid(n: number): Float64Array {
  let grid = grids.get(n);
  if (grid === undefined) {
    grid = Float64Array.from({ length: n }, (_, k) => normalInverseCdf((k + 1) / (n + 1)));
    grids.set(n, grid);
  }
  return grid;
}
