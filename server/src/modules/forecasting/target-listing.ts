import type { ModelKind } from './tables.js';
import type { DatasetSummary } from './repo-datasets.js';
import { dayAheadInstruments } from './target-series.js';
import { datasetTarget, KINDS_BY_SERIES } from './targets.js';

/** The targets a desk can train models for, as the Forecasts page offers them. */
export interface TargetListing {
  target: string;
  label: string;
  series: 'price' | 'load';
  source: 'dataset' | 'dataset-load' | 'instrument' | 'load';
  market: string;
  kinds: ModelKind[];
}

export function listTargets(datasets: readonly DatasetSummary[]): TargetListing[] {
  const price = [...KINDS_BY_SERIES.price];
  const load = [...KINDS_BY_SERIES.load];
  const uploaded = datasets.flatMap((d): TargetListing[] => {
    const loadColumn = d.columns.slice(2).find((c) => /load/i.test(c));
    return [
      {
        target: datasetTarget(d.id),
        label: `${d.name}: ${d.columns[1] ?? 'price'}`,
        series: 'price',
        source: 'dataset',
        market: d.market,
        kinds: price,
      },
      ...(loadColumn === undefined
        ? []
        : [
            {
              target: `dataset-load:${d.id}`,
              label: `${d.name}: ${loadColumn}`,
              series: 'load' as const,
              source: 'dataset-load' as const,
              market: d.market,
              kinds: load,
            },
          ]),
    ];
  });
  const instruments = dayAheadInstruments();
  return [
    ...uploaded,
    ...instruments.map((i): TargetListing => ({
      target: `instrument:${i.id}`,
      label: i.name,
      series: 'price',
      source: 'instrument',
      market: i.area,
      kinds: price,
    })),
    ...instruments.map((i): TargetListing => ({
      target: `load:${i.area}`,
      label: `${i.area} actual load`,
      series: 'load',
      source: 'load',
      market: i.area,
      kinds: load,
    })),
  ];
}
