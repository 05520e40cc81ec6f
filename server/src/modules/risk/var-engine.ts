import {
  allocateVar,
  createNormalSampler,
  createRandomSource,
  historicalVar,
  parametricVar,
  type MeanRevertingFactor,
  type ParametricMethod,
  type RiskPosition,
} from './domain/index.js';
import { usableCovariance } from './factor-covariance.js';
import type { FactorHistory } from './factor-history.js';
import { histogram, normalHistogram, type PnlDistribution } from './pnl-distribution.js';
import { monteCarloInBatches, type BatchReport } from './simulation-batches.js';

export type VarMethod = 'historical' | 'parametric' | 'montecarlo';

/** What contributions are summed by: each exposure line, or its book, commodity or delivery period. */
export type VarGrouping = 'position' | 'book' | 'commodity' | 'deliveryPeriod';

/** A factor that reverts to a level (Monte Carlo only), named by its instrument. */
export interface MeanRevertingInstrument {
  instrumentId: string;
  speedPerDay: number;
  longRunLevel: number;
}

export interface VarRequest {
  method: VarMethod;
  confidence: number;
  horizonDays: number;
  /** Monte Carlo only: scenario count and seed, so a run can be reproduced. */
  scenarios: number;
  seed: number;
  groupBy?: VarGrouping;
  /** Monte Carlo only: factors simulated as Ornstein-Uhlenbeck instead of a random walk. */
  meanReversion?: readonly MeanRevertingInstrument[];
  /** Parametric only: delta-gamma (the default) adds the options' gamma by Cornish-Fisher. */
  approximation?: ParametricMethod;
}

export interface ExposureLine {
  /** Label of the exposure in contributions: the instrument, or book/instrument across books. */
  key: string;
  instrumentId: string;
  /** Currency P&L per unit price move. */
  delta: number;
  /** Currency P&L per unit price move squared (options); zero for futures. */
  gamma?: number;
  groups: { book: string; commodity: string; deliveryPeriod: string };
}

export interface VarContribution {
  key: string;
  /** Euler component: the contributions of a run add up to its VaR. */
  component: number;
  /** VaR added per unit of currency of delta-equivalent exposure added in the group's mix. */
  marginal: number;
  share: number;
  positions: number;
}

export interface VarFigures {
  var: number;
  es: number;
  contributions: VarContribution[];
  pnlDistribution: PnlDistribution;
  warnings: string[];
}

/** Progress of the simulation, for runs that report it. */
export type SimulationReport = BatchReport;

/** Fewer moves than this and the tail is a handful of points: the run says so. */
export const MIN_SCENARIOS = 100;

function meanRevertingFactors(
  request: VarRequest,
  history: FactorHistory,
  column: Map<string, number>,
): MeanRevertingFactor[] {
  return (request.meanReversion ?? []).flatMap((m) => {
    const factor = column.get(m.instrumentId);
    const currentLevel = history.lastClose.get(m.instrumentId);
    return factor === undefined || currentLevel === undefined
      ? []
      : [{ factor, speedPerDay: m.speedPerDay, longRunLevel: m.longRunLevel, currentLevel }];
  });
}

/**
 * VaR and ES of a book of futures and options over the factor history, by the chosen method.
 * Contributions are the Euler allocation of the delta-normal VaR, rescaled to the method's VaR
 * so they add up to it: one consistent split whatever the method (exact for delta-normal).
 */
export async function valueAtRisk(
  lines: readonly ExposureLine[],
  history: FactorHistory,
  request: VarRequest,
  report?: SimulationReport,
): Promise<VarFigures> {
  const warnings: string[] = [];
  const column = new Map(history.factors.map((id, i) => [id, i]));
  const positions: RiskPosition[] = lines.flatMap((line) => {
    const factor = column.get(line.instrumentId);
    if (factor === undefined) return [];
    return [
      {
        id: line.key,
        factor,
        delta: line.delta,
        gamma: line.gamma ?? 0,
        groups: { position: line.key, ...line.groups },
      },
    ];
  });
  const days = history.moves.rows;
  if (positions.length === 0 || days < 2) {
    if (positions.length > 0)
      warnings.push(`only ${days} price moves in the history window; VaR needs at least 2`);
    return { var: 0, es: 0, contributions: [], pnlDistribution: { bins: [] }, warnings };
  }
  if (days < MIN_SCENARIOS) {
    warnings.push(
      `only ${days} hourly price moves in the history window (at least ${MIN_SCENARIOS} wanted); the tail estimate is unreliable`,
    );
  }
  const covariance = usableCovariance(history.moves, warnings);
  const { confidence, horizonDays } = request;
  const parametric = parametricVar({
    positions,
    covariance,
    confidence,
    horizonDays,
    method: request.approximation ?? 'delta-gamma',
  });
  let figures: Pick<VarFigures, 'var' | 'es' | 'pnlDistribution'>;
  switch (request.method) {
    case 'historical': {
      const r = historicalVar({ positions, factorMoves: history.moves, confidence, horizonDays });
      figures = {
        var: r.valueAtRisk,
        es: r.expectedShortfall,
        pnlDistribution: histogram(r.scenarioPnl),
      };
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
      const r = await monteCarloInBatches(
        {
          positions,
          covariance,
          confidence,
          horizonDays,
          scenarioCount: request.scenarios,
          normals: createNormalSampler(createRandomSource(request.seed)),
          meanReversion: meanRevertingFactors(request, history, column),
        },
        report,
      );
      figures = {
        var: r.valueAtRisk,
        es: r.expectedShortfall,
        pnlDistribution: histogram(r.scenarioPnl),
      };
      break;
    }
  }
  if (!(parametric.deltaNormalVar > 0) && figures.var > 0) {
    warnings.push(
      'the book has no first-order (delta) risk, so its VaR cannot be allocated to positions',
    );
  }
  const rescale = parametric.deltaNormalVar > 0 ? figures.var / parametric.deltaNormalVar : 0;
  const marginal = parametric.marginalVar.map((m) => m * rescale);
  const prices = Float64Array.from(history.factors, (id) => history.lastClose.get(id) ?? 0);
  const contributions = allocateVar(positions, marginal, request.groupBy ?? 'position', prices).map(
    (c) => ({
      key: c.group,
      component: c.componentVar,
      marginal: c.marginalVar,
      share: c.share,
      positions: c.positionCount,
    }),
  );
  return { ...figures, contributions, warnings };
}
