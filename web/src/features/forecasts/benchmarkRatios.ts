import type { ModelMetrics, PublishedResult } from './types';

export const METRIC_KEYS = ['mae', 'rmae', 'smape', 'rmse'] as const;
export type MetricKey = (typeof METRIC_KEYS)[number];

/**
 * Our metric divided by the published one (below 1 is better than the paper). Only the
 * relative MAE is comparable across test periods; the others are in the market's own
 * units, so they mean most when the model was tested on the paper's period.
 */
export function ratiosToPublished(
  metrics: ModelMetrics | null,
  published: PublishedResult | undefined,
): Partial<Record<MetricKey, number>> {
  if (!metrics || !published) return {};
  const out: Partial<Record<MetricKey, number>> = {};
  for (const key of METRIC_KEYS) {
    const ours = metrics[key];
    if (typeof ours === 'number' && Number.isFinite(ours) && published[key] > 0)
      out[key] = ours / published[key];
  }
  return out;
}

/** The published result for a data set's market, matched on the market code (NP, BE, FR). */
export function publishedFor(
  results: readonly PublishedResult[],
  market: string,
  model: 'LEAR ensemble' | 'DNN ensemble',
): PublishedResult | undefined {
  const code = market.trim().toUpperCase();
  return results.find((r) => r.market === code && r.model === model);
}

export function formatMetric(value: number | null | undefined, digits = 3): string {
  return typeof value === 'number' && Number.isFinite(value) ? value.toFixed(digits) : '—';
}
