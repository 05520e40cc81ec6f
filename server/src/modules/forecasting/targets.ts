import { invalid } from '../../platform/errors.js';

/**
 * What a model forecasts. Today that is an uploaded data set (`dataset:<id>`); the
 * prefix leaves room for market-data instruments as targets.
 */
const DATASET_TARGET = /^dataset:([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

export const datasetTarget = (datasetId: string): string => `dataset:${datasetId}`;

export function datasetIdOfTarget(target: string): string {
  const match = DATASET_TARGET.exec(target);
  if (match === null) throw invalid('target', 'format', 'a target is `dataset:<data set id>`');
  return match[1]!;
}
