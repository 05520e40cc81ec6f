/**
 * VaR and expected shortfall read off a sample of scenario P&L (historical or simulated).
 * Convention, shared with the NumPy yardstick: with N scenarios and confidence c, the tail
 * holds k = max(1, floor(N (1 - c))) scenarios; VaR is the k-th largest loss and ES the mean
 * of the k largest losses, so ES >= VaR always and both are positive numbers for a loss.
 */
import { invalid } from '../../../platform/errors.js';

export interface TailMeasures {
  readonly valueAtRisk: number;
  readonly expectedShortfall: number;
  readonly tailCount: number;
  readonly scenarioCount: number;
}

export const requireConfidence = (confidence: number): void => {
  if (!(confidence > 0 && confidence < 1)) {
    throw invalid(
      'confidence',
      'range',
      `confidence must lie strictly between 0 and 1, got ${confidence}`,
    );
  }
};

export const tailSize = (scenarioCount: number, confidence: number): number =>
  Math.max(1, Math.floor(scenarioCount * (1 - confidence) + 1e-9));

/**
 * Rearranges values so values[k] is what it would be after sorting ascending, with smaller
 * or equal values before it and greater or equal after (Hoare partition, median of three).
 */
const selectInPlace = (values: Float64Array, k: number): void => {
  let left = 0;
  let right = values.length - 1;
  while (right > left) {
    const middle = (left + right) >>> 1;
    const a = values[left]!;
    const b = values[middle]!;
    const c = values[right]!;
    const pivot = a < b ? (b < c ? b : a < c ? c : a) : a < c ? a : b < c ? c : b;
    let i = left;
    let j = right;
    while (i <= j) {
      while (values[i]! < pivot) i++;
      while (values[j]! > pivot) j--;
      if (i <= j) {
        const swap = values[i]!;
        values[i] = values[j]!;
        values[j] = swap;
        i++;
        j--;
      }
    }
    if (k <= j) right = j;
    else if (k >= i) left = i;
    else return;
  }
};

export const tailMeasures = (pnl: Float64Array, confidence: number): TailMeasures => {
  requireConfidence(confidence);
  const n = pnl.length;
  if (n === 0) throw invalid('scenarios', 'non_empty', 'VaR needs at least one scenario');
  const k = tailSize(n, confidence);
  const losses = new Float64Array(n);
  for (let i = 0; i < n; i++) losses[i] = -pnl[i]!;
  const cut = n - k;
  selectInPlace(losses, cut);
  let tailSum = 0;
  let kthLargest = Number.POSITIVE_INFINITY;
  for (let i = cut; i < n; i++) {
    tailSum += losses[i]!;
    if (losses[i]! < kthLargest) kthLargest = losses[i]!;
  }
  return {
    valueAtRisk: kthLargest,
    expectedShortfall: tailSum / k,
    tailCount: k,
    scenarioCount: n,
  };
};
