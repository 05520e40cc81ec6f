/**
 * Historical simulation: today's sensitivities revalued under each past day's factor moves.
 * No distribution is assumed, so the fat tails of power and gas are in the figure as they
 * happened, but only those that happened inside the window.
 *
 * Horizons beyond one day, two documented choices:
 * - 'square-root-of-time': each daily move is scaled by sqrt(h) before revaluation. Exact for
 *   i.i.d. normal moves and a linear book; keeps every scenario. Gamma sees the scaled move.
 * - 'overlapping': h-day moves summed over every window of h consecutive days (T - h + 1
 *   scenarios). Captures autocorrelation and mean reversion, but neighbouring scenarios share
 *   h - 1 days, so the tail estimate is noisier than the scenario count suggests.
 */
import { invalid } from '../../../platform/errors.js';
import { releaseResident, residentDeltaGamma } from '../../../platform/simd/index.js';
import { createResidentMatrix, rowDot, type Matrix } from './matrix.js';
import { netSensitivities, requireHorizon, type RiskPosition } from './risk-position.js';
import { requireConfidence, tailMeasures, type TailMeasures } from './tail.js';

export type HorizonScaling = 'square-root-of-time' | 'overlapping';

export interface HistoricalVarInput {
  readonly positions: readonly RiskPosition[];
  /** Days x factors, absolute daily price changes, oldest day first. */
  readonly factorMoves: Matrix;
  readonly confidence: number;
  readonly horizonDays: number;
  readonly scaling?: HorizonScaling;
}

export interface HistoricalVarResult extends TailMeasures {
  readonly method: 'historical';
  readonly horizonDays: number;
  readonly scaling: HorizonScaling;
  /** Portfolio P&L of every scenario, in scenario order (for charts and backtests). */
  readonly scenarioPnl: Float64Array;
}

/** P&L per day of a netted book under a days x factors matrix of moves, times a move scale. */
export const scenarioPnl = (
  moves: Matrix,
  delta: Float64Array,
  gamma: Float64Array,
  gammaFactors: Int32Array,
  scale = 1,
): Float64Array => {
  const { rows, cols, data } = moves;
  const halfGamma = Float64Array.from(gammaFactors, (factor) => 0.5 * gamma[factor]!);
  const simd = residentDeltaGamma(data, rows, cols, delta, gammaFactors, halfGamma);
  if (simd !== undefined) {
    const { linear, quadratic } = simd;
    for (let t = 0; t < rows; t++) linear[t] = linear[t]! * scale + quadratic[t]! * scale * scale;
    return linear;
  }
  const pnl = new Float64Array(rows);
  for (let t = 0; t < rows; t++) {
    const offset = t * cols;
    let sum = rowDot(data, offset, delta, cols) * scale;
    for (let g = 0; g < gammaFactors.length; g++) {
      const factor = gammaFactors[g]!;
      const move = data[offset + factor]! * scale;
      sum += 0.5 * gamma[factor]! * move * move;
    }
    pnl[t] = sum;
  }
  return pnl;
};

/** h-day moves over every window of h consecutive days, by a running sum. */
export const overlappingMoves = (daily: Matrix, horizonDays: number): Matrix => {
  const { rows, cols, data } = daily;
  const windows = rows - horizonDays + 1;
  if (windows < 1)
    throw invalid(
      'horizonDays',
      'history',
      `a ${horizonDays}-day horizon needs at least ${horizonDays} days of history`,
    );
  const overlapping = createResidentMatrix(windows, cols);
  const out = overlapping.data;
  const running = new Float64Array(cols);
  for (let t = 0; t < rows; t++) {
    for (let j = 0; j < cols; j++) running[j] = running[j]! + data[t * cols + j]!;
    if (t >= horizonDays) {
      for (let j = 0; j < cols; j++) running[j] = running[j]! - data[(t - horizonDays) * cols + j]!;
    }
    if (t >= horizonDays - 1) out.set(running, (t - horizonDays + 1) * cols);
  }
  return overlapping;
};

export const historicalVar = (input: HistoricalVarInput): HistoricalVarResult => {
  requireConfidence(input.confidence);
  requireHorizon(input.horizonDays);
  const scaling = input.scaling ?? 'square-root-of-time';
  const { delta, gamma, gammaFactors } = netSensitivities(input.positions, input.factorMoves.cols);
  let pnl: Float64Array;
  if (scaling === 'overlapping') {
    const windows = overlappingMoves(input.factorMoves, input.horizonDays);
    pnl = scenarioPnl(windows, delta, gamma, gammaFactors);
    releaseResident(windows.data);
  } else {
    pnl = scenarioPnl(input.factorMoves, delta, gamma, gammaFactors, Math.sqrt(input.horizonDays));
  }
  return {
    method: 'historical',
    horizonDays: input.horizonDays,
    scaling,
    scenarioPnl: pnl,
    ...tailMeasures(pnl, input.confidence),
  };
};
