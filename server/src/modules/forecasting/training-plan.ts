import { DomainError, invalid } from '../../platform/errors.js';
import { addDays, daysBetween } from './dataset-csv.js';
import { MAX_LAG } from './domain/features.js';
import { completeRunEndingAt, lastCompleteDay } from './hourly-days.js';
import { historyNeeded } from './model-kinds.js';
import type { ModelKind } from './tables.js';
import type { TargetSource } from './target-series.js';
import { trainingSeries, type TrainingSeries } from './training-series.js';
import type { Executor } from './tables.js';

/**
 * Which days a model trains and forecasts on. An uploaded data set is used whole, as
 * before. Market data grows every day, so a market-data model is pinned to the run of
 * complete delivery days that ends at the latest complete one: the job reads exactly
 * those days again, and a forecast needs an unbroken run before the day it forecasts.
 */
export interface TrainingRange {
  trainingFrom: string;
  trainingTo: string;
}

// Room for the latest days (tomorrow's auction, today's) not being published yet.
const UNPUBLISHED_DAYS = 7;

/** The most days of history a kind reads before a forecast day. */
export function historyDays(kind: ModelKind, windows: readonly number[]): number {
  return kind === 'naive' ? MAX_LAG : Math.max(historyNeeded(kind, windows), ...windows);
}

export function insufficientHistory(
  target: string,
  available: number,
  needed: number,
  upTo: string,
): DomainError {
  const missing = needed - available;
  const message = `${target} has ${available} consecutive complete days of history up to ${upTo}; this needs ${needed}: ${missing} days missing`;
  return new DomainError(
    'unprocessable',
    'insufficient_history',
    message,
    [{ field: 'target', rule: 'history', message }],
    {
      target,
      daysAvailable: available,
      daysNeeded: needed,
      daysMissing: missing,
    },
  );
}

export async function planTraining(
  ex: Executor,
  source: TargetSource,
  kind: ModelKind,
  windows: readonly number[],
  testDays: number,
): Promise<TrainingRange> {
  const needed = historyNeeded(kind, windows);
  const dataset = source.dataset;
  if (dataset !== undefined) {
    const firstTestDay = dataset.days - testDays;
    if (firstTestDay < needed) {
      throw invalid(
        'testDays',
        'history',
        `${testDays} test days leave ${firstTestDay} days of history; this model needs at least ${needed}`,
      );
    }
    return {
      trainingFrom: addDays(dataset.firstDate, Math.max(0, firstTestDay - Math.max(...windows))),
      trainingTo: dataset.lastDate,
    };
  }
  const wanted = testDays + historyDays(kind, windows);
  const from = addDays(source.latestDay, -(wanted + UNPUBLISHED_DAYS - 1));
  const window = await source.window(ex, from, source.latestDay);
  const last = lastCompleteDay(window.complete);
  const run = last < 0 ? 0 : completeRunEndingAt(window.complete, last);
  if (run < needed + testDays) {
    throw insufficientHistory(
      source.target,
      run,
      needed + testDays,
      last < 0 ? source.latestDay : addDays(from, last),
    );
  }
  const used = Math.min(run, wanted);
  return { trainingFrom: addDays(from, last - used + 1), trainingTo: addDays(from, last) };
}

/** The series a training job walks forward over; market data must still be complete over the pinned days. */
export async function seriesToTrain(
  ex: Executor,
  source: TargetSource,
  range: TrainingRange,
): Promise<TrainingSeries> {
  if (source.dataset !== undefined) {
    const window = await source.window(ex, source.dataset.firstDate, source.dataset.lastDate);
    return trainingSeries(window, 0, window.days);
  }
  const window = await source.window(ex, range.trainingFrom, range.trainingTo);
  const gaps = window.complete.filter((c) => !c).length;
  if (gaps > 0)
    throw new Error(
      `${gaps} of the days ${range.trainingFrom} to ${range.trainingTo} are no longer complete in market data`,
    );
  return trainingSeries(window, 0, window.days);
}

/**
 * The history a forecast of `day` reads, with `day` itself as the last (unknown) day,
 * and the actual values of `day` where they are known.
 */
export async function seriesToForecast(
  ex: Executor,
  source: TargetSource,
  kind: ModelKind,
  windows: readonly number[],
  day: string,
): Promise<{ series: TrainingSeries; actual: Float64Array }> {
  const needed = historyNeeded(kind, windows);
  const dataset = source.dataset;
  if (dataset !== undefined) {
    const index = daysBetween(dataset.firstDate, day);
    if (index < needed || index >= dataset.days) {
      throw invalid(
        'day',
        'range',
        `forecasts exist for ${addDays(dataset.firstDate, needed)} to ${dataset.lastDate}: the data set ends there`,
      );
    }
    const window = await source.window(ex, dataset.firstDate, dataset.lastDate);
    return {
      series: trainingSeries(window, 0, index + 1, index),
      actual: window.values.slice(index * 24, (index + 1) * 24),
    };
  }
  const length = historyDays(kind, windows);
  const window = await source.window(ex, addDays(day, -length), day);
  const run = completeRunEndingAt(window.complete, length - 1);
  if (run < needed) throw insufficientHistory(source.target, run, needed, addDays(day, -1));
  const used = Math.min(run, length);
  return {
    series: trainingSeries(window, length - used, length + 1, length),
    actual: window.values.slice(length * 24),
  };
}
