import type { Bus } from '../../platform/bus/bus.js';
import type { SlotStore } from '../../platform/concurrency/slots.js';
import { DomainError, notFound } from '../../platform/errors.js';
import type { Principal } from '../../platform/http/access.js';
import type { PriceHistory } from './price-history.js';
import type { RunProgress, VarQuery, VarResult, VarService } from './service-var.js';
import type { VarMethod } from './var-engine.js';
import { seesEveryBook } from '../portfolio/index.js';

/** Every change of a background VaR run, so every instance can answer for it and stream it. */
export const VAR_RUN_TOPIC = 'risk.var-run';

export interface VarRunState {
  runId: string;
  requestedBy: string;
  method: VarMethod;
  status: 'running' | 'done' | 'failed';
  stage: RunProgress['stage'] | null;
  done: number;
  total: number;
  /** Overall progress, 0 to 1. */
  fraction: number;
  startedAt: string;
  result: VarResult | null;
  error: { code: string; message: string } | null;
  /** Orders the updates of one run, so a late echo from the bus never moves it backwards. */
  seq: number;
}

export interface VarRunDeps {
  bus: Bus;
  service: Pick<VarService, 'check' | 'compute'>;
  now(): number;
  newId(): string;
  onError(error: unknown): void;
  /** Runs kept for polling; the oldest are forgotten first. */
  keep?: number;
  /** Holds the runs each user has going, on every instance. */
  slots: SlotStore;
  /** How many runs one user may have going at once (VAR_RUNS_PER_USER). */
  perUser: number;
}

/**
 * A run's slot lapses this long after its last progress report, so the slots of an
 * instance that died mid-run free themselves; live runs report far more often.
 */
const SLOT_TTL_MS = 10 * 60_000;

const slotKey = (principal: Principal) => `var-runs:${principal.userId}`;

function tooManyRuns(limit: number): DomainError {
  return new DomainError(
    'rate_limited',
    'var_runs_at_limit',
    `at most ${limit} VaR ${limit === 1 ? 'run' : 'runs'} per user at once: wait for one to finish`,
    [],
    { limit },
  );
}

/** Where each stage sits in the overall bar: prices are read one by one, then the simulation. */
function fractionOf(method: VarMethod, p: RunProgress): number {
  const part = p.total > 0 ? p.done / p.total : 1;
  const pricesShare = method === 'montecarlo' ? 0.3 : 0.9;
  switch (p.stage) {
    case 'prices':
      return pricesShare * part;
    case 'simulation':
      return pricesShare + (0.95 - pricesShare) * part;
    case 'storing':
      return 0.95;
  }
}

/** Updates closer together than this share of the bar are not published. */
const REPORT_STEP = 0.05;

/**
 * VaR runs in the background with their progress, for runs long enough that a desk wants to
 * watch them (Monte Carlo over many factors and scenarios). The state lives in memory on
 * every instance, fed from the bus, so a poll may reach any instance; the run itself works on
 * the instance that started it and yields to other requests between its steps.
 */
export function createVarRuns(deps: VarRunDeps) {
  const keep = deps.keep ?? 200;
  const states = new Map<string, VarRunState>();
  const pending = new Set<Promise<unknown>>();

  function remember(state: VarRunState): void {
    const known = states.get(state.runId);
    if (known && known.seq >= state.seq) return;
    states.delete(state.runId);
    states.set(state.runId, state);
    for (const id of states.keys()) {
      if (states.size <= keep) break;
      states.delete(id);
    }
  }

  async function publish(state: VarRunState): Promise<void> {
    remember(state);
    await deps.bus.publish(VAR_RUN_TOPIC, state);
  }

  async function work(
    principal: Principal,
    query: VarQuery,
    prices: PriceHistory,
    first: VarRunState,
  ): Promise<void> {
    let state = first;
    const next = (change: Partial<VarRunState>) =>
      (state = { ...state, ...change, seq: state.seq + 1 });
    try {
      const result = await deps.service.compute(
        principal,
        query,
        prices,
        async (progress) => {
          const fraction = fractionOf(query.method, progress);
          if (progress.stage !== state.stage || fraction - state.fraction >= REPORT_STEP) {
            await publish(
              next({ stage: progress.stage, done: progress.done, total: progress.total, fraction }),
            );
            // A missed renewal only shortens the slot's life; it must not fail the run.
            await deps.slots
              .renew(slotKey(principal), state.runId, SLOT_TTL_MS)
              .catch((error: unknown) => deps.onError(error));
          }
          // Lets requests and other runs through between steps of a long run.
          await new Promise((resolve) => setImmediate(resolve));
        },
        true,
      );
      await publish(next({ status: 'done', fraction: 1, result }));
    } catch (error) {
      const known = error instanceof DomainError;
      if (!known) deps.onError(error);
      await publish(
        next({
          status: 'failed',
          error: known
            ? { code: error.code, message: error.message }
            : { code: 'run_failed', message: 'the VaR run failed; see the server log' },
        }),
      );
    }
  }

  return {
    /** Follows runs started on every instance. */
    async listen(): Promise<() => Promise<void>> {
      return deps.bus.subscribe(VAR_RUN_TOPIC, (message) => remember(message as VarRunState));
    },

    /** Checks the query and the caller's runs in progress, then starts the run and answers at once with its id. */
    async start(principal: Principal, query: VarQuery, prices: PriceHistory): Promise<VarRunState> {
      await deps.service.check(principal, query);
      const runId = deps.newId();
      if (!(await deps.slots.acquire(slotKey(principal), runId, deps.perUser, SLOT_TTL_MS)))
        throw tooManyRuns(deps.perUser);
      const state: VarRunState = {
        runId,
        requestedBy: principal.username,
        method: query.method,
        status: 'running',
        stage: null,
        done: 0,
        total: 0,
        fraction: 0,
        startedAt: new Date(deps.now()).toISOString(),
        result: null,
        error: null,
        seq: 0,
      };
      const release = () =>
        deps.slots
          .release(slotKey(principal), runId)
          .catch((error: unknown) => deps.onError(error));
      try {
        await publish(state);
      } catch (error) {
        await release();
        throw error;
      }
      const running = work(principal, query, prices, state)
        .catch((error: unknown) => deps.onError(error))
        .finally(async () => {
          await release();
          pending.delete(running);
        });
      pending.add(running);
      return state;
    },

    /**
     * Runs a Monte Carlo VaR asked for on request under one of the caller's run slots, so
     * the answer-at-once route cannot start more simulations than the background runs may.
     */
    async computeHolding<T>(principal: Principal, compute: () => Promise<T>): Promise<T> {
      const slotId = deps.newId();
      if (!(await deps.slots.acquire(slotKey(principal), slotId, deps.perUser, SLOT_TTL_MS)))
        throw tooManyRuns(deps.perUser);
      try {
        return await compute();
      } finally {
        await deps.slots
          .release(slotKey(principal), slotId)
          .catch((error: unknown) => deps.onError(error));
      }
    },

    /** A run the caller started, or any run for a risk manager. */
    get(principal: Principal, runId: string): VarRunState {
      const state = states.get(runId);
      if (!state || (state.requestedBy !== principal.username && !seesEveryBook(principal))) {
        throw notFound(`VaR run ${runId}`, 'run_not_found');
      }
      return state;
    },

    async drain(): Promise<void> {
      await Promise.all([...pending]);
    },
  };
}

export type VarRuns = ReturnType<typeof createVarRuns>;
