import {
  cholesky,
  monteCarloVar,
  tailMeasures,
  type MonteCarloVarInput,
  type MonteCarloVarResult,
} from './domain/index.js';

/** Scenarios simulated between two progress reports. */
export const SCENARIOS_PER_BATCH = 2_000;

/** Told after each batch how many scenarios are done; awaited, so the caller may yield there. */
export type BatchReport = (done: number, total: number) => Promise<void> | void;

/**
 * Monte Carlo VaR in batches of scenarios with a report after each, so a long run can show its
 * progress and other requests are served between batches. The batches draw from one sampler
 * in order, so the scenarios, and the figures, are exactly those of a single run.
 */
export async function monteCarloInBatches(
  input: MonteCarloVarInput,
  report?: BatchReport,
  batchSize = SCENARIOS_PER_BATCH,
): Promise<MonteCarloVarResult> {
  const choleskyFactor = input.choleskyFactor ?? cholesky(input.covariance!);
  const total = input.scenarioCount;
  const pnl = new Float64Array(total);
  for (let done = 0; done < total;) {
    const count = Math.min(batchSize, total - done);
    const batch = monteCarloVar({ ...input, choleskyFactor, scenarioCount: count });
    pnl.set(batch.scenarioPnl, done);
    done += count;
    await report?.(done, total);
  }
  return {
    method: 'monte-carlo',
    horizonDays: input.horizonDays,
    scenarioPnl: pnl,
    ...tailMeasures(pnl, input.confidence),
  };
}
