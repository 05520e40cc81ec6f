import {
  covarianceFromCorrelation,
  createMatrix,
  createNormalSampler,
  createRandomSource,
  historicalVar,
  isPositiveDefinite,
  monteCarloVar,
  nearestCorrelation,
  normalCdf,
  parametricVar,
  sampleCovariance,
  volatilities,
  type Matrix,
  type RiskPosition,
} from './domain/index.js';
import type { FactorHistory } from './factor-history.js';

export type VarMethod = 'historical' | 'parametric' | 'montecarlo';

export interface VarRequest {
  method: VarMethod;
  confidence: number;
  horizonDays: number;
  /** Monte Carlo only: scenario count and seed, so a run can be reproduced. */
  scenarios: number;
  seed: number;
}

export interface ExposureLine {
  /** Label of the exposure in contributions: the instrument, or book/instrument across books. */
  key: string;
  instrumentId: string;
  /** Currency P&L per unit price move. */
  delta: number;
}

export interface VarFigures {
  var: number;
  es: number;
  contributions: { key: string; component: number; marginal: number }[];
  pnlDistribution: { bins: { from: number; to: number; count: number }[] };
  warnings: string[];
}

const BINS = 30;
/** Fewer moves than this and the tail is a handful of points: the run says so. */
export const MIN_SCENARIOS = 100;

/** A histogram of scenario P&L in equal-width bins. */
export function histogram(pnl: Float64Array, bins = BINS): VarFigures['pnlDistribution'] {
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
  return { bins: counts.map((count, i) => ({ from: lo + i * width, to: lo + (i + 1) * width, count })) };
}

/** Expected counts of a normal P&L out of 10,000 draws, for the parametric method's chart. */
function normalHistogram(mean: number, sd: number): VarFigures['pnlDistribution'] {
  if (!(sd > 0)) return { bins: [] };
  const lo = mean - 4 * sd;
  const width = (8 * sd) / BINS;
  return {
    bins: Array.from({ length: BINS }, (_, i) => {
      const from = lo + i * width;
      const to = from + width;
      return { from, to, count: Math.round(10_000 * (normalCdf((to - mean) / sd) - normalCdf((from - mean) / sd))) };
    }),
  };
}

/** Covariance with its correlation repaired to the nearest positive-definite one when needed. */
function usableCovariance(moves: Matrix, warnings: string[]): Matrix {
  const covariance = sampleCovariance(moves);
  if (isPositiveDefinite(covariance)) return covariance;
  const n = covariance.rows;
  const vols = volatilities(covariance);
  // A factor that never moved in the window has no correlation to anything; it keeps a
  // negligible variance so that the matrix can be factorised.
  const floored = Float64Array.from(vols, (v) => (v > 0 ? v : 1e-6));
  const correlation = createMatrix(n, n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const c = vols[i]! > 0 && vols[j]! > 0 ? covariance.data[i * n + j]! / (vols[i]! * vols[j]!) : 0;
      correlation.data[i * n + j] = i === j ? 1 : Math.max(-1, Math.min(1, c));
    }
  }
  const repair = nearestCorrelation(correlation);
  if (repair.repaired) {
    warnings.push(
      `the factor correlation matrix was not positive definite (smallest eigenvalue ${repair.minEigenvalueBefore.toExponential(2)}); ` +
        `repaired to the nearest correlation matrix (Frobenius distance ${repair.frobeniusDistance.toFixed(4)})`,
    );
  }
  return covarianceFromCorrelation(repair.correlation, floored);
}

/**
 * VaR and ES of a linear book over the factor history, by the chosen method. Contributions
 * are the Euler allocation of the delta-normal VaR, rescaled to the method's VaR so they add
 * up to it: one consistent split whatever the method, labelled as such in the API notes.
 */
export function valueAtRisk(lines: readonly ExposureLine[], history: FactorHistory, request: VarRequest): VarFigures {
  const warnings: string[] = [];
  const column = new Map(history.factors.map((id, i) => [id, i]));
  const positions: RiskPosition[] = lines.flatMap((line) => {
    const factor = column.get(line.instrumentId);
    return factor === undefined ? [] : [{ id: line.key, factor, delta: line.delta }];
  });
  const days = history.moves.rows;
  if (positions.length === 0 || days < 2) {
    if (positions.length > 0) warnings.push(`only ${days} price moves in the history window; VaR needs at least 2`);
    return { var: 0, es: 0, contributions: [], pnlDistribution: { bins: [] }, warnings };
  }
  if (days < MIN_SCENARIOS) {
    warnings.push(`only ${days} hourly price moves in the history window (at least ${MIN_SCENARIOS} wanted); the tail estimate is unreliable`);
  }
  const covariance = usableCovariance(history.moves, warnings);
  const parametric = parametricVar({ positions, covariance, confidence: request.confidence, horizonDays: request.horizonDays });
  let figures: Pick<VarFigures, 'var' | 'es' | 'pnlDistribution'>;
  switch (request.method) {
    case 'historical': {
      const r = historicalVar({ positions, factorMoves: history.moves, confidence: request.confidence, horizonDays: request.horizonDays });
      figures = { var: r.valueAtRisk, es: r.expectedShortfall, pnlDistribution: histogram(r.scenarioPnl) };
      break;
    }
    case 'parametric':
      figures = {
        var: parametric.valueAtRisk,
        es: parametric.expectedShortfall,
        pnlDistribution: normalHistogram(parametric.meanPnl, parametric.standardDeviation),
      };
      break;
    case 'montecarlo': {
      const r = monteCarloVar({
        positions,
        covariance,
        confidence: request.confidence,
        horizonDays: request.horizonDays,
        scenarioCount: request.scenarios,
        normals: createNormalSampler(createRandomSource(request.seed)),
      });
      figures = { var: r.valueAtRisk, es: r.expectedShortfall, pnlDistribution: histogram(r.scenarioPnl) };
      break;
    }
  }
  const rescale = parametric.deltaNormalVar > 0 ? figures.var / parametric.deltaNormalVar : 0;
  const contributions = positions
    .map((p) => {
      const marginal = parametric.marginalVar[p.factor]! * rescale;
      return { key: p.id, component: p.delta * marginal, marginal };
    })
    .sort((a, b) => b.component - a.component);
  return { ...figures, contributions, warnings };
}
