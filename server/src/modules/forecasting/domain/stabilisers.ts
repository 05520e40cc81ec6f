import {
  fitNormalPit,
  fromNormalScore,
  fromNormalScoreBounded,
  toNormalScore,
} from './normal-pit.js';
import { fromStabilised, stabiliseColumnMajor, toStabilised } from './robust-scaling.js';

/**
 * The variance-stabilising transforms LEAR can be calibrated under: asinh of the
 * median/MAD-standardised value (epftoolbox's choice) or N-PIT (normal-pit.ts), whose
 * forecasts either extrapolate beyond the calibration sample or stay within it.
 */
export const STABILISER_KINDS = ['asinh', 'npit', 'npit-bounded'] as const;
export type StabiliserKind = (typeof STABILISER_KINDS)[number];

/** One column's transform, fitted on its calibration sample. */
export interface ColumnStabiliser {
  to(value: number): number;
  from(score: number): number;
}

/**
 * Fits a stabiliser to each of the first `count` columns of a column-major matrix
 * (`matrix[j * rows + r]`) and transforms them in place.
 */
export function stabiliseColumnsWith(
  kind: StabiliserKind,
  matrix: Float64Array,
  rows: number,
  count: number,
): ColumnStabiliser[] {
  if (kind === 'asinh') {
    return stabiliseColumnMajor(matrix, rows, count).map((scale) => ({
      to: (value) => toStabilised(value, scale),
      from: (score) => fromStabilised(score, scale),
    }));
  }
  const back = kind === 'npit' ? fromNormalScore : fromNormalScoreBounded;
  const stabilisers: ColumnStabiliser[] = [];
  for (let j = 0; j < count; j++) {
    const column = matrix.subarray(j * rows, (j + 1) * rows);
    const pit = fitNormalPit(column);
    for (let r = 0; r < rows; r++) column[r] = toNormalScore(column[r]!, pit);
    stabilisers.push({
      to: (value) => toNormalScore(value, pit),
      from: (score) => back(score, pit),
    });
  }
  return stabilisers;
}
