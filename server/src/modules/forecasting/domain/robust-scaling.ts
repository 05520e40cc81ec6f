/**
 * The variance-stabilising transform of epftoolbox's "Invariant" scaler: standardise by
 * median and MAD (scaled to be consistent with the normal standard deviation), then
 * apply asinh, which tames price spikes without choking on zero or negative prices.
 */
const MAD_TO_SIGMA = 1.4826;
const MIN_MAD = 1e-4;

export interface RobustScale {
  median: number;
  mad: number;
}

/** Median by quickselect (linear time): scaling runs on every column every day. */
export function median(values: ArrayLike<number>): number {
  return medianInPlace(Float64Array.from(values));
}

/** Median that reorders `work` instead of copying it. */
function medianInPlace(work: Float64Array): number {
  const n = work.length;
  if (n === 0) return Number.NaN;
  const upper = selectKth(work, n >> 1);
  return n % 2 === 1 ? upper : (upper + maxBelow(work, n >> 1)) / 2;
}

/** Rearranges `a` so that a[k] is the k-th smallest, everything before it no larger. */
function selectKth(a: Float64Array, k: number): number {
  let lo = 0;
  let hi = a.length - 1;
  while (hi > lo) {
    const pivot = a[(lo + hi) >> 1]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
      if (i <= j) {
        const t = a[i]!;
        a[i++] = a[j]!;
        a[j--] = t;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else break;
  }
  return a[k]!;
}

function maxBelow(a: Float64Array, k: number): number {
  let m = -Infinity;
  for (let i = 0; i < k; i++) if (a[i]! > m) m = a[i]!;
  return m;
}

export function fitRobustScale(values: ArrayLike<number>): RobustScale {
  const med = median(values);
  const deviations = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) deviations[i] = Math.abs(values[i]! - med);
  // Selecting in place: the deviations are scratch.
  return { median: med, mad: Math.max(MAD_TO_SIGMA * medianInPlace(deviations), MIN_MAD) };
}

export function toStabilised(value: number, scale: RobustScale): number {
  return Math.asinh((value - scale.median) / scale.mad);
}

export function fromStabilised(value: number, scale: RobustScale): number {
  return Math.sinh(value) * scale.mad + scale.median;
}

/**
 * Fits a scale to each of the first `count` columns of a row-major matrix and
 * stabilises them in place; weekday dummies sit after them and stay 0/1.
 */
export function stabiliseColumns(
  matrix: Float64Array,
  rows: number,
  columns: number,
  count = columns,
): RobustScale[] {
  const scales: RobustScale[] = [];
  const column = new Float64Array(rows);
  for (let j = 0; j < count; j++) {
    for (let r = 0; r < rows; r++) column[r] = matrix[r * columns + j]!;
    const scale = fitRobustScale(column);
    scales.push(scale);
    for (let r = 0; r < rows; r++) matrix[r * columns + j] = toStabilised(column[r]!, scale);
  }
  return scales;
}

/**
 * The column-major counterpart of `stabiliseColumns`: scales the first `count` columns
 * of `matrix` (`matrix[j * rows + r]`), each a contiguous run, in place.
 */
export function stabiliseColumnMajor(
  matrix: Float64Array,
  rows: number,
  count: number,
): RobustScale[] {
  const scales: RobustScale[] = [];
  for (let j = 0; j < count; j++) {
    const column = matrix.subarray(j * rows, (j + 1) * rows);
    const scale = fitRobustScale(column);
    scales.push(scale);
    const { median: centre, mad } = scale;
    for (let r = 0; r < rows; r++) column[r] = Math.asinh((column[r]! - centre) / mad);
  }
  return scales;
}
