import type { Clock } from '../../platform/clock.js';
import { DomainError, invalid } from '../../platform/errors.js';
import {
  deliveryDateOf,
  deliveryDay,
  formatLocalDate,
  marketDataReader,
  parseLocalDate,
  standardCatalogue,
  type Catalogue,
} from '../market-data/index.js';
import { addDays, daysBetween } from './dataset-csv.js';
import { HOURS } from './domain/market-days.js';
import { hourlyMeans, localHourIn, toHourlyDays, type HourlyPoint } from './hourly-days.js';
import type { DatasetRepo, StoredDataset } from './repo-datasets.js';
import type { Executor } from './tables.js';
import { formatTarget, parseTarget, type Target } from './targets.js';
import type { SeriesWindow } from './training-series.js';

/**
 * Where a target's hourly values come from: an uploaded data set, or market data read
 * through its public reader. Every source answers the same question, "the values of
 * these local delivery days", so training, serving and comparison treat them alike.
 */
export interface TargetSource {
  target: string;
  parsed: Target;
  /** Column names as the registry's feature list reads them: time, the target, then the exogenous series. */
  columns: string[];
  /** Market or area the target belongs to, e.g. for the published benchmark. */
  market: string;
  /** The data set behind an uploaded target; market-data targets have none. */
  dataset: StoredDataset | undefined;
  /** The latest delivery day values may exist for: a data set's last day, else tomorrow in the market's zone. */
  latestDay: string;
  window(ex: Executor, from: string, to: string): Promise<SeriesWindow>;
}

const isDayAheadHourly = (c: Catalogue, id: string) => {
  const i = c.find(id);
  return (
    i !== undefined &&
    i.commodity === 'power' &&
    i.deliveryPeriod === 'hour' &&
    i.gateClosure !== undefined
  );
};

/** Day-ahead hourly power instruments: the instrument targets, and the areas whose load can be forecast. */
export const dayAheadInstruments = (c: Catalogue = standardCatalogue) =>
  c.instruments.filter((i) => isDayAheadHourly(c, i.id));

const targetNotFound = (target: string, what: string, code: string) =>
  new DomainError('not_found', code, `${what} was not found`, [
    { field: 'target', rule: 'exists', message: `${target}: ${what} was not found` },
  ]);

export function createTargetSeries(deps: {
  datasets: DatasetRepo;
  clock: Clock;
  catalogue?: Catalogue;
}) {
  const catalogue = deps.catalogue ?? standardCatalogue;

  function datasetSource(
    target: Target,
    dataset: StoredDataset,
    columnIndex: number,
  ): TargetSource {
    const values = columnIndex === 0 ? dataset.price : dataset.exogenous[columnIndex - 1]!;
    const exogenous = columnIndex === 0 ? dataset.exogenous : [];
    return {
      target: formatTarget(target),
      parsed: target,
      columns:
        columnIndex === 0
          ? dataset.columns
          : [dataset.columns[0] ?? 'Date', dataset.columns[columnIndex + 1]!],
      market: dataset.market,
      dataset,
      latestDay: dataset.lastDate,
      async window(_ex, from, to) {
        const offset = daysBetween(dataset.firstDate, from);
        const days = daysBetween(from, to) + 1;
        const pick = (series: readonly number[]) =>
          Float64Array.from(
            { length: days * HOURS },
            (_, i) => series[offset * HOURS + i] ?? Number.NaN,
          );
        const complete = Array.from(
          { length: days },
          (_, d) => offset + d >= 0 && offset + d < dataset.days,
        );
        return {
          firstDate: from,
          days,
          values: pick(values),
          complete,
          exogenous: exogenous.map(pick),
        };
      },
    };
  }

  function marketSource(
    target: Target,
    instrumentId: string,
    columns: string[],
    market: string,
    read: (ex: Executor, from: Date, to: Date) => Promise<HourlyPoint[]>,
  ): TargetSource {
    const { timeZone } = catalogue.get(instrumentId);
    const today = formatLocalDate(deliveryDateOf(timeZone, deps.clock.now()));
    const localHour = localHourIn(timeZone);
    return {
      target: formatTarget(target),
      parsed: target,
      columns,
      market,
      dataset: undefined,
      latestDay: addDays(today, 1),
      async window(ex, from, to) {
        const bounds = Array.from({ length: daysBetween(from, to) + 1 }, (_, i) => {
          const date = addDays(from, i);
          return { date, ...deliveryDay(timeZone, parseLocalDate(date)!) };
        });
        const points = await read(
          ex,
          new Date(bounds[0]!.start),
          new Date(bounds[bounds.length - 1]!.end),
        );
        return { ...toHourlyDays(points, bounds, localHour), exogenous: [] };
      },
    };
  }

  /** Checks that the target exists and can be forecast; names the field when it cannot. */
  async function resolve(ex: Executor, text: string, field = 'target'): Promise<TargetSource> {
    const target = parseTarget(text, field);
    switch (target.source) {
      case 'dataset':
      case 'dataset-load': {
        const dataset = await deps.datasets.get(ex, target.datasetId);
        if (dataset === undefined) throw targetNotFound(text, 'data set', 'dataset_not_found');
        if (target.source === 'dataset') return datasetSource(target, dataset, 0);
        const load = dataset.columns.slice(2).findIndex((c) => /load/i.test(c));
        if (load < 0)
          throw invalid(
            field,
            'load_column',
            `data set ${dataset.name} has no exogenous column named as a load (${dataset.columns.slice(2).join(', ')})`,
          );
        return datasetSource(target, dataset, load + 1);
      }
      case 'instrument': {
        const instrument = catalogue.find(target.instrumentId);
        if (instrument === undefined)
          throw targetNotFound(text, `instrument ${target.instrumentId}`, 'instrument_not_found');
        if (!isDayAheadHourly(catalogue, instrument.id)) {
          throw invalid(
            field,
            'day_ahead_hourly',
            `${instrument.id} is not a day-ahead hourly power instrument; price targets are auctions of 24 delivery hours`,
          );
        }
        return marketSource(
          target,
          instrument.id,
          ['time', `${instrument.id} price`],
          instrument.area,
          async (rx, from, to) =>
            (await marketDataReader(rx).hourlyCloses(instrument.id, from, to)).map((c) => ({
              time: c.time,
              value: c.close,
            })),
        );
      }
      case 'load': {
        // Load is imported for the areas that have a day-ahead market; its instrument gives the zone.
        const instrumentId = `PWR-${target.area}-DA-H`;
        if (!isDayAheadHourly(catalogue, instrumentId))
          throw targetNotFound(text, `load area ${target.area}`, 'load_area_not_found');
        return marketSource(
          target,
          instrumentId,
          ['time', `${target.area} load`],
          target.area,
          async (rx, from, to) =>
            hourlyMeans(
              (await marketDataReader(rx).load(target.area, from, to)).map((l) => ({
                time: l.time,
                value: l.loadMw,
              })),
            ),
        );
      }
    }
  }

  return { resolve };
}

export type TargetSeriesService = ReturnType<typeof createTargetSeries>;
