import { invalid } from '../../platform/errors.js';
import type { ModelKind } from './tables.js';

/**
 * What a model forecasts, as the registry names it:
 * - `dataset:<id>`: the price column of an uploaded data set;
 * - `dataset-load:<id>`: the load column of an uploaded data set;
 * - `instrument:<id>`: hourly prices of a day-ahead power instrument in market data;
 * - `load:<area>`: actual system load of an area in market data.
 */
export type Target =
  | { source: 'dataset'; datasetId: string }
  | { source: 'dataset-load'; datasetId: string }
  | { source: 'instrument'; instrumentId: string }
  | { source: 'load'; area: string };

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const DATASET = new RegExp(`^dataset:(${UUID})$`, 'i');
const DATASET_LOAD = new RegExp(`^dataset-load:(${UUID})$`, 'i');
const INSTRUMENT = /^instrument:([A-Z0-9][A-Z0-9-]{0,63})$/;
const LOAD = /^load:([A-Z0-9][A-Z0-9-]{0,31})$/;

const FORMATS =
  '`dataset:<id>`, `dataset-load:<id>`, `instrument:<instrument id>` or `load:<area>`';

export function parseTarget(text: string, field = 'target'): Target {
  let m: RegExpExecArray | null;
  if ((m = DATASET.exec(text))) return { source: 'dataset', datasetId: m[1]!.toLowerCase() };
  if ((m = DATASET_LOAD.exec(text)))
    return { source: 'dataset-load', datasetId: m[1]!.toLowerCase() };
  if ((m = INSTRUMENT.exec(text))) return { source: 'instrument', instrumentId: m[1]! };
  if ((m = LOAD.exec(text))) return { source: 'load', area: m[1]! };
  throw invalid(field, 'format', `a target is ${FORMATS}`);
}

export function formatTarget(t: Target): string {
  switch (t.source) {
    case 'dataset':
      return `dataset:${t.datasetId}`;
    case 'dataset-load':
      return `dataset-load:${t.datasetId}`;
    case 'instrument':
      return `instrument:${t.instrumentId}`;
    case 'load':
      return `load:${t.area}`;
  }
}

export const datasetTarget = (datasetId: string): string => `dataset:${datasetId}`;

/** Whether the target is a price (day-ahead auction) or a load series. */
export const seriesOf = (t: Target): 'price' | 'load' =>
  t.source === 'dataset' || t.source === 'instrument' ? 'price' : 'load';

/**
 * Price models read the lagged prices and fundamentals of the epftoolbox benchmark; the
 * seasonal model is for load, whose calendar shape dominates. The daily naive is the
 * yardstick of both.
 */
export const KINDS_BY_SERIES: Record<'price' | 'load', readonly ModelKind[]> = {
  price: ['naive', 'lear', 'mlp', 'ensemble'],
  load: ['naive', 'seasonal'],
};

export function checkKindFor(target: Target, kind: ModelKind): void {
  const series = seriesOf(target);
  if (!KINDS_BY_SERIES[series].includes(kind)) {
    throw invalid(
      'kind',
      'target_series',
      `a ${kind} model does not forecast ${series}; use one of ${KINDS_BY_SERIES[series].join(', ')}`,
    );
  }
}
