import type { Catalogue } from './domain/catalogue.js';
import { archive } from './domain/simulator/archive.js';
import type { SimulatorState } from './domain/simulator/simulator.js';
import type { LoadObservation, SettlementPrice, Tick } from './domain/tick.js';
import { depthAt, publishSettlements } from './feed-settlements.js';
import type { CurveService } from './service-curves.js';
import type { IngestService } from './service-ingest.js';
import type { SeriesWriter } from './service-series.js';

const BATCH_TICKS = 20_000;
const ROWS_PER_STATEMENT = 5_000;

export interface HistoryDeps {
  ingest: IngestService;
  series: SeriesWriter;
  curves: CurveService;
  catalogue: Catalogue;
  source: string;
}

export interface HistoryReport {
  state: SimulatorState;
  ticks: number;
  settlements: number;
  ms: number;
  /** Where the time went: simulating, and storing ticks, load and settlements with their curves. */
  split: Record<'simulate' | 'ticks' | 'load' | 'settlements', number>;
}

/**
 * Stores the lean start-up history over [from, to) through the normal ingest path
 * (ticks and their hourly bars, load, settlement files, curve versions), in batches.
 */
export async function backfillHistory(
  deps: HistoryDeps,
  start: SimulatorState,
  range: { from: number; to: number; now: number },
  clock: () => number,
): Promise<HistoryReport> {
  const began = clock();
  const days = archive(start, range.from, range.to, { depthOf: depthAt(range.now, range.to) });
  let ticks: Tick[] = [];
  let load: LoadObservation[] = [];
  let settlements: SettlementPrice[] = [];
  let storedTicks = 0;
  let storedSettlements = 0;
  const split = { simulate: 0, ticks: 0, load: 0, settlements: 0 };
  const timed = async (part: keyof typeof split, work: () => Promise<unknown>) => {
    const at = clock();
    await work();
    split[part] += clock() - at;
  };
  const flush = async (): Promise<void> => {
    await timed('ticks', () => deps.ingest.storeTicks(ticks, deps.source));
    // Row batches stay under PostgreSQL's 65,535 bind parameters per statement.
    await timed('load', async () => {
      for (let i = 0; i < load.length; i += ROWS_PER_STATEMENT)
        await deps.series.saveLoad(load.slice(i, i + ROWS_PER_STATEMENT), deps.source);
    });
    await timed('settlements', () => publishSettlements(deps, settlements));
    storedTicks += ticks.length;
    storedSettlements += settlements.length;
    ticks = [];
    load = [];
    settlements = [];
  };
  const simulated = () => {
    const at = clock();
    const day = days.next();
    split.simulate += clock() - at;
    return day;
  };
  let next = simulated();
  while (!next.done) {
    ticks.push(...next.value.ticks);
    load.push(...next.value.load);
    settlements.push(...next.value.settlements);
    if (ticks.length >= BATCH_TICKS) await flush();
    next = simulated();
  }
  await flush();
  return {
    state: next.value,
    ticks: storedTicks,
    settlements: storedSettlements,
    ms: clock() - began,
    split,
  };
}
