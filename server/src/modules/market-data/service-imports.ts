import type { Clock } from '../../platform/clock.js';
import { DomainError } from '../../platform/errors.js';
import { redactSecrets } from './adapters/redact.js';
import { nextImportAt } from './domain/import-schedule.js';

export const IMPORT_SOURCES = ['entsoe', 'eia', 'openweathermap'] as const;
export type ImportSource = (typeof IMPORT_SOURCES)[number];

/** What one run of a source brought in. */
export interface ImportOutcome {
  /** Rows newly stored (ticks) or written (weather, load). */
  stored: number;
  /** Rows the source sent that broke an ingest rule. */
  rejected: number;
  /** One line per zone, area or location that failed; empty on a clean run. */
  failures: string[];
}

export interface ImportJob {
  source: ImportSource;
  name: string;
  /** The environment variable that holds the key. */
  keyVariable: string;
  /** Zones, areas or locations fetched on each run. */
  targets: readonly string[];
  /** Absent when the key is not configured. */
  run?: (now: number) => Promise<ImportOutcome>;
  /** Values masked from every message the scheduler keeps or logs. */
  secrets: readonly string[];
}

export interface ImportStatus {
  source: ImportSource;
  name: string;
  configured: boolean;
  keyVariable: string;
  targets: string[];
  running: boolean;
  lastRunAt: string | null;
  lastSuccessAt: string | null;
  lastRowsStored: number | null;
  lastRowsRejected: number | null;
  totalRowsStored: number;
  lastError: string | null;
  consecutiveFailures: number;
  nextRunAt: string | null;
}

export interface ImportLog {
  info(details: object, message: string): void;
  warn(details: object, message: string): void;
}

export interface ImportSchedulerDeps {
  jobs: readonly ImportJob[];
  clock: Clock;
  intervalMs: number;
  /** Wait after start-up before the first runs, so that boot is not slowed by them. */
  firstRunDelayMs: number;
  log: ImportLog;
}

interface SourceState {
  running: Promise<void> | undefined;
  lastRunAt: number | null;
  lastSuccessAt: number | null;
  lastRowsStored: number | null;
  lastRowsRejected: number | null;
  totalRowsStored: number;
  lastError: string | null;
  consecutiveFailures: number;
  nextRunAt: number;
}

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());
const LONGEST_SLEEP_MS = 60_000;

/**
 * Runs each configured source on its own schedule: never two runs of one source at
 * once, retries with back-off after a failure, and keeps per-source status for the
 * API. Keys never reach the status or the log.
 */
export function createImportScheduler(deps: ImportSchedulerDeps) {
  const startedAt = deps.clock.now();
  const states = new Map<ImportSource, SourceState>(
    deps.jobs.map((job) => [
      job.source,
      {
        running: undefined,
        lastRunAt: null,
        lastSuccessAt: null,
        lastRowsStored: null,
        lastRowsRejected: null,
        totalRowsStored: 0,
        lastError: null,
        consecutiveFailures: 0,
        nextRunAt: startedAt + deps.firstRunDelayMs,
      },
    ]),
  );
  const stateOf = (job: ImportJob): SourceState => states.get(job.source)!;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;

  async function execute(job: ImportJob, run: NonNullable<ImportJob['run']>): Promise<void> {
    const state = stateOf(job);
    const started = deps.clock.now();
    state.lastRunAt = started;
    let problem: string | null;
    try {
      const outcome = await run(started);
      state.lastRowsStored = outcome.stored;
      state.lastRowsRejected = outcome.rejected;
      state.totalRowsStored += outcome.stored;
      problem = outcome.failures.length > 0 ? outcome.failures.join('; ') : null;
    } catch (error) {
      problem = error instanceof Error ? error.message : String(error);
    }
    const finished = deps.clock.now();
    if (problem === null) {
      state.lastSuccessAt = finished;
      state.consecutiveFailures = 0;
      state.lastError = null;
      deps.log.info(
        { source: job.source, stored: state.lastRowsStored, rejected: state.lastRowsRejected },
        'market-data import finished',
      );
    } else {
      state.consecutiveFailures += 1;
      state.lastError = redactSecrets(problem, job.secrets);
      deps.log.warn(
        { source: job.source, failures: state.consecutiveFailures, error: state.lastError },
        'market-data import failed',
      );
    }
    state.nextRunAt = nextImportAt(finished, deps.intervalMs, state.consecutiveFailures);
  }

  /** Starts a run unless one is under way; either way resolves when the current run ends. */
  function runOnce(job: ImportJob): Promise<void> {
    const state = stateOf(job);
    if (state.running) return state.running;
    if (!job.run) return Promise.resolve();
    state.running = execute(job, job.run).finally(() => {
      state.running = undefined;
    });
    return state.running;
  }

  function status(job: ImportJob): ImportStatus {
    const state = stateOf(job);
    return {
      source: job.source,
      name: job.name,
      configured: job.run !== undefined,
      keyVariable: job.keyVariable,
      targets: [...job.targets],
      running: state.running !== undefined,
      lastRunAt: iso(state.lastRunAt),
      lastSuccessAt: iso(state.lastSuccessAt),
      lastRowsStored: state.lastRowsStored,
      lastRowsRejected: state.lastRowsRejected,
      totalRowsStored: state.totalRowsStored,
      lastError: state.lastError,
      consecutiveFailures: state.consecutiveFailures,
      nextRunAt: job.run ? iso(state.nextRunAt) : null,
    };
  }

  function jobNamed(source: string): ImportJob {
    const job = deps.jobs.find((j) => j.source === source);
    if (!job) {
      const message = `no market-data import source is named "${source}"; known: ${deps.jobs.map((j) => j.source).join(', ')}`;
      throw new DomainError('not_found', 'import_source_not_found', message, [
        { field: 'source', rule: 'known_import_source', message },
      ]);
    }
    return job;
  }

  /** Runs every configured source that is due and idle; resolves when those runs end. */
  async function runDue(): Promise<void> {
    const now = deps.clock.now();
    const due = deps.jobs.filter(
      (job) => job.run && !stateOf(job).running && stateOf(job).nextRunAt <= now,
    );
    await Promise.all(due.map(runOnce));
  }

  function sleep(): void {
    if (stopped) return;
    const waiting = deps.jobs.filter((job) => job.run && !stateOf(job).running);
    const next = Math.min(...waiting.map((job) => stateOf(job).nextRunAt));
    // Wakes at least every minute, so a changed clock or a finished run is noticed.
    const delay = Math.min(Math.max(next - deps.clock.now(), 1_000), LONGEST_SLEEP_MS);
    timer = setTimeout(() => {
      void runDue();
      sleep();
    }, delay);
    timer.unref();
  }

  return {
    status: (): ImportStatus[] => deps.jobs.map(status),

    /** Runs one source now (or joins the run under way) and returns its status afterwards. */
    async runNow(source: string): Promise<ImportStatus> {
      const job = jobNamed(source);
      if (!job.run) {
        throw new DomainError(
          'conflict',
          'import_source_not_configured',
          `${job.name} imports are not configured: set ${job.keyVariable}`,
          [],
          { source: job.source },
        );
      }
      await runOnce(job);
      return status(job);
    },

    runDue,

    /** Starts the timer if any source is configured. */
    start(): void {
      if (deps.jobs.some((job) => job.run)) sleep();
    },

    async stop(): Promise<void> {
      stopped = true;
      if (timer) clearTimeout(timer);
      await Promise.all([...states.values()].map((state) => state.running ?? Promise.resolve()));
    },
  };
}

export type ImportScheduler = ReturnType<typeof createImportScheduler>;
