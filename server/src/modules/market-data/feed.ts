import type { FastifyBaseLogger } from 'fastify';
import type { Clock } from '../../platform/clock.js';
import type { Catalogue } from './domain/catalogue.js';
import { isSpotPeriod } from './domain/instrument.js';
import { historyDetail } from './domain/simulator/liquidity.js';
import { createSimulator, step, type SimulatorState } from './domain/simulator/simulator.js';
import { createTape, printTape, type DetailAt, type TapeState } from './domain/simulator/tape.js';
import type { LoadObservation, Tick, WeatherObservation } from './domain/tick.js';
import { demoCurvePoints } from './feed-curve.js';
import type { CurveService } from './service-curves.js';
import type { IngestService } from './service-ingest.js';
import type { SeriesWriter } from './service-series.js';

const HOUR_MS = 3_600_000;
const SOURCE = 'simulator';

/** Demo curves: id, the term instrument that weights it, and the spot product that sets its level. */
const DEMO_CURVES = [
  { id: 'PWR-DE-LU-BASE', instrumentId: 'PWR-DE-LU-FUT-M-BASE', levelFrom: 'PWR-DE-LU-DA-H' },
  { id: 'PWR-FR-BASE', instrumentId: 'PWR-FR-FUT-M-BASE', levelFrom: 'PWR-FR-DA-H' },
  { id: 'GAS-TTF', instrumentId: 'GAS-TTF-FUT-M', levelFrom: 'GAS-TTF-DA' },
] as const;

export interface FeedDeps {
  ingest: IngestService;
  series: SeriesWriter;
  curves: CurveService;
  catalogue: Catalogue;
  clock: Clock;
  log: FastifyBaseLogger;
  intervalMs: number;
  seed: number;
  backfillDays: number;
  /** The newest stored tick, so a restart backfills only the gap. */
  latestStored: Date | null;
}

export interface RunningFeed {
  stop(): Promise<void>;
}

/**
 * The demo market: backfills a week of history and a forward curve, then every interval
 * steps the simulator to the current instant and ingests what it produced, so that
 * charts and the stream move. The simulator marks fair values (spot products are
 * re-marked at every live step, as on an intraday market); the tape turns the marks
 * into irregular prints between them, so bars have bodies, wicks and volume. History
 * is printed coarser the older it is, which keeps start-up quick.
 */
export async function startSimulatorFeed(deps: FeedDeps): Promise<RunningFeed> {
  let state: SimulatorState = createSimulator(deps.catalogue, deps.seed);
  let tape: TapeState = createTape(deps.seed);
  const now = deps.clock.now();
  const earliest = Math.floor(now / HOUR_MS) * HOUR_MS - deps.backfillDays * 24 * HOUR_MS;
  const resume = deps.latestStored
    ? Math.floor(deps.latestStored.getTime() / HOUR_MS) * HOUR_MS + HOUR_MS
    : earliest;
  const levels = new Map<string, number>();
  const print = (marks: readonly Tick[], detailAt: DetailAt): Tick[] => {
    const out = printTape(tape, marks, deps.catalogue, detailAt);
    tape = out.state;
    return out.prints;
  };

  let ticks: Tick[] = [];
  let weather: WeatherObservation[] = [];
  let load: LoadObservation[] = [];
  const flush = async (): Promise<void> => {
    await deps.ingest.storeTicks(ticks, SOURCE);
    await deps.series.saveWeather(weather, 'observation', SOURCE);
    await deps.series.saveLoad(load, SOURCE);
    ticks = [];
    weather = [];
    load = [];
  };
  const history = historyDetail(now);
  let stepped: number | null = null;
  for (let hour = Math.max(earliest, resume); hour <= now; hour += HOUR_MS) {
    const out = step(state, hour);
    state = out.state;
    stepped = hour;
    out.ticks.forEach((t) => levels.set(t.instrumentId, t.price));
    ticks.push(...print(out.ticks, history));
    weather.push(...out.weather);
    load.push(...out.load);
    if (ticks.length > 5_000) await flush();
  }
  // The hour in progress, up to now, so that the live feed carries on without a gap.
  if (stepped !== now && (deps.latestStored === null || now > deps.latestStored.getTime())) {
    const out = step(remarkSpot(state, deps.catalogue), now);
    state = out.state;
    out.ticks.forEach((t) => levels.set(t.instrumentId, t.price));
    ticks.push(...print(out.ticks, history));
  }
  await flush();
  await markDemoCurves(deps, levels, now);

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

async function markDemoCurves(
  deps: FeedDeps,
  levels: ReadonlyMap<string, number>,
  now: number,
): Promise<void> {
  for (const curve of DEMO_CURVES) {
    const instrument = deps.catalogue.find(curve.instrumentId);
    const level = levels.get(curve.levelFrom);
    if (!instrument || level === undefined) continue;
    const asOf = new Date(now).toISOString().slice(0, 10);
    await deps.curves.save({
      id: curve.id,
      instrumentId: instrument.id,
      asOf,
      points: demoCurvePoints(level, now, instrument.timeZone),
    });
  }
}
