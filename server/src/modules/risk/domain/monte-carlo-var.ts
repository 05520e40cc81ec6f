/**
 * Monte Carlo VaR: correlated normal factor moves through the Cholesky factor of the daily
 * covariance, the book revalued by delta and gamma, VaR and ES read off the simulated P&L.
 * Spot power and gas factors may follow Ornstein-Uhlenbeck dynamics over the horizon instead
 * of the square-root-of-time rule (the daily correlation is kept for the horizon shocks).
 *
 * The linear part of P&L is d'(L z) = (L^T d)'z, so each scenario costs one dot product of
 * length n instead of a triangular multiply of n^2 / 2; only factors carrying gamma need
 * their own row of L z.
 */
import { invalid } from '../../../platform/errors.js';
import { cholesky, correlateScenarios } from './cholesky.js';
import { releaseResident } from '../../../platform/simd/index.js';
import { createMatrix, createResidentMatrix, multiplyMatrixVector, type Matrix } from './matrix.js';
import type { NormalSampler } from './normal-sampler.js';
import { meanRevertingDrift, meanRevertingScale } from './ornstein-uhlenbeck.js';
import { netSensitivities, requireHorizon, type RiskPosition } from './risk-position.js';
import { requireConfidence, tailMeasures, type TailMeasures } from './tail.js';

/** Scenarios drawn and revalued together: 256 x 500 factors is 1 MB, well inside the L2 cache. */
const SCENARIO_BLOCK = 256;

export interface MeanRevertingFactor {
  readonly factor: number;
  readonly speedPerDay: number;
  readonly longRunLevel: number;
  readonly currentLevel: number;
}

export interface MonteCarloVarInput {
  readonly positions: readonly RiskPosition[];
  /** Covariance of daily absolute factor moves; or pass its Cholesky factor to reuse one. */
  readonly covariance?: Matrix;
  readonly choleskyFactor?: Matrix;
  readonly confidence: number;
  readonly horizonDays: number;
  readonly scenarioCount: number;
  /** Seeded by the caller, so the run can be reproduced. */
  readonly normals: NormalSampler;
  readonly meanReversion?: readonly MeanRevertingFactor[];
}

export interface MonteCarloVarResult extends TailMeasures {
  readonly method: 'monte-carlo';
  readonly horizonDays: number;
  readonly scenarioPnl: Float64Array;
}

const factorOf = (input: MonteCarloVarInput): Matrix => {
  if (input.choleskyFactor) return input.choleskyFactor;
  if (input.covariance) return cholesky(input.covariance);
  throw invalid(
    'covariance',
    'required',
    'Monte Carlo VaR needs a covariance or its Cholesky factor',
  );
};

export const monteCarloVar = (input: MonteCarloVarInput): MonteCarloVarResult => {
  requireConfidence(input.confidence);
  requireHorizon(input.horizonDays);
  if (!(Number.isInteger(input.scenarioCount) && input.scenarioCount >= 1)) {
    throw invalid(
      'scenarioCount',
      'positive_integer',
      'the scenario count must be a whole number >= 1',
    );
  }
  const l = factorOf(input);
  const n = l.rows;
  const ld = l.data;
  const { delta, gamma, gammaFactors } = netSensitivities(input.positions, n);

  // Horizon move of factor f = drift[f] + scale[f] * (L z)_f.
  const scale = new Float64Array(n).fill(Math.sqrt(input.horizonDays));
  const drift = new Float64Array(n);
  for (const reverting of input.meanReversion ?? []) {
    if (reverting.factor < 0 || reverting.factor >= n)
      throw invalid('meanReversion.factor', 'range', `factor ${reverting.factor} does not exist`);
    scale[reverting.factor] = meanRevertingScale(reverting.speedPerDay, input.horizonDays);
    drift[reverting.factor] = meanRevertingDrift(
      reverting.currentLevel,
      reverting.speedPerDay,
      reverting.longRunLevel,
      input.horizonDays,
    );
  }
  // v = L^T (d o scale), and the P&L of the expected drift.
  const v = new Float64Array(n);
  let driftPnl = 0;
  for (let i = 0; i < n; i++) {
    const weight = delta[i]! * scale[i]!;
    driftPnl += delta[i]! * drift[i]!;
    if (weight === 0) continue;
    const offset = i * n;
    for (let k = 0; k <= i; k++) v[k] = v[k]! + ld[offset + k]! * weight;
  }

  // Scenarios in resident blocks, so one SIMD product gives the linear P&L of a whole
  // block. The draws are the same in the same order whatever the block size.
  const count = input.scenarioCount;
  const block = createResidentMatrix(Math.min(SCENARIO_BLOCK, count), n);
  const z = block.data;
  const pnl = new Float64Array(count);
  const normals = input.normals;
  try {
    for (let first = 0; first < count; first += block.rows) {
      const rows = Math.min(block.rows, count - first);
      normals.fill(rows === block.rows ? z : z.subarray(0, rows * n));
      const linear = multiplyMatrixVector(block, v);
      for (let r = 0; r < rows; r++) {
        const zOffset = r * n;
        let total = driftPnl + linear[r]!;
        for (let g = 0; g < gammaFactors.length; g++) {
          const f = gammaFactors[g]!;
          const offset = f * n;
          let correlated = 0;
          for (let k = 0; k <= f; k++) correlated += ld[offset + k]! * z[zOffset + k]!;
          const move = drift[f]! + scale[f]! * correlated;
          total += 0.5 * gamma[f]! * move * move;
        }
        pnl[first + r] = total;
      }
    }
  } finally {
    releaseResident(z);
  }
  return {
    method: 'monte-carlo',
    horizonDays: input.horizonDays,
    scenarioPnl: pnl,
    ...tailMeasures(pnl, input.confidence),
  };
};

/**
 * The full scenarios x factors matrix of correlated horizon moves (sqrt-of-time), for callers
 * that revalue positions in full or want to inspect the scenarios themselves.
 */
export const simulateFactorMoves = (
  choleskyFactor: Matrix,
  scenarioCount: number,
  horizonDays: number,
  normals: NormalSampler,
): Matrix => {
  requireHorizon(horizonDays);
  const n = choleskyFactor.rows;
  const z = createMatrix(scenarioCount, n);
  normals.fill(z.data);
  const moves = correlateScenarios(z, choleskyFactor);
  const root = Math.sqrt(horizonDays);
  if (root !== 1) for (let i = 0; i < moves.data.length; i++) moves.data[i] = moves.data[i]! * root;
  return moves;
};
