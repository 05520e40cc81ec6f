import type { FastifyBaseLogger } from 'fastify';
import { performance } from 'node:perf_hooks';
import type { Clock } from '../../platform/clock.js';
import type { Catalogue } from './domain/catalogue.js';
import { isSpotPeriod } from './domain/instrument.js';
import { historyDetail } from './domain/simulator/liquidity.js';
import { createSimulator, step, type SimulatorState } from './domain/simulator/simulator.js';
import { createTape, printTape, type DetailAt, type TapeState } from './domain/simulator/tape.js';
import type { LoadObservation, SettlementPrice, Tick, WeatherObservation } from './domain/tick.js';
import { backfillHistory } from './feed-history.js';
import { publishSettlements, settleDue } from './feed-settlements.js';
import type { CurveService } from './service-curves.js';
import type { IngestService } from './service-ingest.js';
import type { SeriesWriter } from './service-series.js';

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
const SOURCE = 'simulator';

export interface FeedDeps {
  ingest: IngestService;
  series: SeriesWriter;
  curves: CurveService;
  catalogue: Catalogue;
  clock: Clock;
  log: FastifyBaseLogger;
  intervalMs: number;
  seed: number;
  /** Days printed in full detail (tape, quarter-hours, weather) before start-up. */
  backfillDays: number;
  /** Days of lean history before those (day-ahead hours, load, settlements); 0 for none. */
  historyDays: number;
  /** The newest stored tick, so a restart backfills only the gap. */
  latestStored: Date | null;
}

export interface RunningFeed {
  stop(): Promise<void>;
}

/**
 * The demo market. On an empty database it stores two years of lean history (day-ahead
 * hours, load, daily settlements and the curves built from them), then the last days in
 * full detail, then every interval steps the simulator to the current instant and
 * ingests what it produced, so that charts and the stream move. A restart backfills only
 * the gap since the newest stored tick. Futures settle at their venue's settlement time
 * and each demo curve is marked from its futures' settlements, so curve, futures and
 * marks agree. The simulator marks fair values (spot products are re-marked at every live
 * step, as on an intraday market); the tape turns the marks into irregular prints
 * between them, so bars have bodies, wicks and volume.
 */
export async function startSimulatorFeed(deps: FeedDeps): Promise<RunningFeed> {
  let state: SimulatorState = createSimulator(deps.catalogue, deps.seed);
  let tape: TapeState = createTape(deps.seed);
  const now = deps.clock.now();
  const hourNow = Math.floor(now / HOUR_MS) * HOUR_MS;
  const detailedFrom = hourNow - deps.backfillDays * 24 * HOUR_MS;
  const earliest = detailedFrom - deps.historyDays * DAY_MS;
  const resume = deps.latestStored
    ? Math.floor(deps.latestStored.getTime() / HOUR_MS) * HOUR_MS + HOUR_MS
    : earliest;
  // Settlements are due from the first hour not yet stored.
  let settledUpTo = Math.max(resume, earliest);
  if (settledUpTo < detailedFrom) {
    const history = await backfillHistory(
      { ...deps, source: SOURCE },
      state,
      { from: settledUpTo, to: detailedFrom, now },
      () => performance.now(),
    );
    state = history.state;
    settledUpTo = detailedFrom;
    // Start-up time is measured here rather than asserted by a test (see bench:demo-market).
    deps.log.info(
      {
        days: Math.round((detailedFrom - resume) / DAY_MS),
        ticks: history.ticks,
        settlements: history.settlements,
        ms: Math.round(history.ms),
        splitMs: Object.fromEntries(
          Object.entries(history.split).map(([part, ms]) => [part, Math.round(ms)]),
        ),
      },
      'simulated market history stored',
    );
  }
  const print = (marks: readonly Tick[], detailAt: DetailAt): Tick[] => {
    const out = printTape(tape, marks, deps.catalogue, detailAt);
    tape = out.state;
    return out.prints;
  };

  let ticks: Tick[] = [];
  let weather: WeatherObservation[] = [];
  let load: LoadObservation[] = [];
  let settlements: SettlementPrice[] = [];
  const flush = async (): Promise<void> => {
    await deps.ingest.storeTicks(ticks, SOURCE);
    await deps.series.saveWeather(weather, 'observation', SOURCE);
    await deps.series.saveLoad(load, SOURCE);
    await publishSettlements(deps, settlements);
    ticks = [];
    weather = [];
    load = [];
    settlements = [];
  };
  const history = historyDetail(now);
  let stepped: number | null = null;
  for (let hour = Math.max(detailedFrom, resume); hour <= now; hour += HOUR_MS) {
    const out = step(state, hour);
    state = out.state;
    stepped = hour;
    ticks.push(...print(out.ticks, history));
    weather.push(...out.weather);
    load.push(...out.load);
    const settledTo = Math.min(hour + HOUR_MS, now + 1);
    settlements.push(...settleDue(state, settledUpTo, settledTo));
    settledUpTo = settledTo;
    if (ticks.length > 5_000) await flush();
  }
  // The hour in progress, up to now, so that the live feed carries on without a gap.
  if (stepped !== now && (deps.latestStored === null || now > deps.latestStored.getTime())) {
    const out = step(remarkSpot(state, deps.catalogue), now);
    state = out.state;
    ticks.push(...print(out.ticks, history));
  }
  await flush();

  let lastHour = Math.floor(now / HOUR_MS);
  let running: Promise<void> | undefined;
  const tick = async (): Promise<void> => {
    const instant = deps.clock.now();
    const out = step(remarkSpot(state, deps.catalogue), instant);
    state = out.state;
    await deps.ingest.storeTicks(
      print(out.ticks, () => 'live'),
      SOURCE,
    );
    if (instant >= settledUpTo) {
      await publishSettlements(deps, settleDue(state, settledUpTo, instant + 1));
      settledUpTo = instant + 1;
    }
    const hour = Math.floor(instant / HOUR_MS);
    if (hour !== lastHour) {
      lastHour = hour;
      const at = hour * HOUR_MS;
      await deps.series.saveWeather(
        out.weather.map((w) => ({ ...w, time: at })),
        'observation',
        SOURCE,
      );
      await deps.series.saveLoad(
        out.load.map((l) => ({ ...l, time: at })),
        SOURCE,
      );
    }
  };
  const timer = setInterval(() => {
    if (running) return; // a slow database skips a beat rather than piling up steps
    running = tick()
      .catch((err: unknown) => deps.log.error({ err }, 'market feed step failed'))
      .finally(() => {
        running = undefined;
      });
  }, deps.intervalMs);
  timer.unref();
  deps.log.info({ intervalMs: deps.intervalMs }, 'simulated market feed started');

  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}

/** Forgets which spot periods were published, so that the next step marks them again. */
function remarkSpot(state: SimulatorState, catalogue: Catalogue): SimulatorState {
  const published = Object.fromEntries(
    Object.entries(state.published).filter(
      ([id]) => !isSpotPeriod(catalogue.get(id).deliveryPeriod),
    ),
  );
  return { ...state, published };
}
