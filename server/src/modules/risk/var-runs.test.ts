import { describe, expect, it } from 'vitest';
import { InProcessBus } from '../../platform/bus/bus.js';
import { MemorySlotStore } from '../../platform/concurrency/slots.js';
import { DomainError } from '../../platform/errors.js';
import type { Principal } from '../../platform/http/access.js';
import type { PriceHistory } from './price-history.js';
import type { ProgressReport, VarQuery, VarResult } from './service-var.js';
import { createVarRuns, VAR_RUN_TOPIC, type VarRunState } from './var-runs.js';

const trader: Principal = {
  kind: 'user',
  userId: 'u1',
  username: 'trader',
  roles: ['trader'],
  permissions: new Set(['risk:read']),
};
const other: Principal = { ...trader, userId: 'u2', username: 'trader2' };
const query: VarQuery = { method: 'montecarlo', confidence: 0.99, horizonDays: 1 };
const prices: PriceHistory = {
  hourlyCloses: async () => [],
  hourlyFxCloses: async () => [],
  fxRates: async (at) => ({ at: at.getTime(), rate: (from, to) => (from === to ? 1 : null) }),
};

/** A run tracker on an in-process bus whose computation the test scripts. */
function tracker(compute: (report: ProgressReport) => Promise<unknown>, perUser = 2) {
  const bus = new InProcessBus();
  const errors: unknown[] = [];
  let ids = 0;
  const runs = createVarRuns({
    bus,
    service: {
      check: async () => undefined,
      compute: async (_p, _q, _prices, report) => (await compute(report!)) as VarResult,
    },
    now: () => Date.UTC(2026, 5, 1),
    newId: () => `run-${++ids}`,
    onError: (e) => errors.push(e),
    keep: 2,
    slots: new MemorySlotStore(),
    perUser,
  });
  return { bus, runs, errors };
}

describe('background VaR runs', () => {
  it('reports progress in rising fractions and keeps the figures once done', async () => {
    const { bus, runs } = tracker(async (report) => {
      await report({ stage: 'prices', done: 1, total: 1 });
      for (let done = 1; done <= 4; done++) await report({ stage: 'simulation', done, total: 4 });
      return { var: 12 };
    });
    await runs.listen();
    const seen: VarRunState[] = [];
    await bus.subscribe(VAR_RUN_TOPIC, (m) => seen.push(m as VarRunState));
    const started = await runs.start(trader, query, prices);
    await runs.drain();
    expect(seen.map((s) => Math.round(s.fraction * 1e4) / 1e4)).toEqual([
      0, 0.3, 0.4625, 0.625, 0.7875, 0.95, 1,
    ]);
    expect(runs.get(trader, started.runId)).toMatchObject({ status: 'done', result: { var: 12 } });
  });

  it('never moves a run backwards on a late echo of an older update', async () => {
    const { bus, runs } = tracker(async () => ({ var: 1 }));
    await runs.listen();
    const { runId } = await runs.start(trader, query, prices);
    await runs.drain();
    await bus.publish(VAR_RUN_TOPIC, {
      ...runs.get(trader, runId),
      status: 'running',
      fraction: 0.5,
      seq: 0,
    });
    expect(runs.get(trader, runId).status).toBe('done');
  });

  it('records why a run failed, hiding unexpected errors behind a stable code', async () => {
    const refused = tracker(async () => {
      throw new DomainError('forbidden', 'book_forbidden', 'not yours');
    });
    const a = await refused.runs.start(trader, query, prices);
    await refused.runs.drain();
    expect(refused.runs.get(trader, a.runId)).toMatchObject({
      status: 'failed',
      error: { code: 'book_forbidden', message: 'not yours' },
    });

    const broken = tracker(async () => {
      throw new Error('disk on fire');
    });
    const b = await broken.runs.start(trader, query, prices);
    await broken.runs.drain();
    expect(broken.runs.get(trader, b.runId).error).toEqual({
      code: 'run_failed',
      message: 'the VaR run failed; see the server log',
    });
    expect(broken.errors).toHaveLength(1);
  });

  it("hides a trader's run from another and forgets the oldest beyond its bound", async () => {
    const { runs } = tracker(async () => ({ var: 1 }), 3);
    const first = await runs.start(trader, query, prices);
    await runs.start(trader, query, prices);
    await runs.start(trader, query, prices);
    await runs.drain();
    expect(() => runs.get(other, 'run-2')).toThrow(/was not found/);
    expect(() => runs.get(trader, first.runId)).toThrow(/was not found/);
    expect(runs.get(trader, 'run-3').status).toBe('done');
  });

  it("refuses a user's run past the limit while the others go on, and takes one again once a run ends", async () => {
    const finish: (() => void)[] = [];
    const { runs } = tracker(
      () => new Promise((resolve) => finish.push(() => resolve({ var: 1 }))),
      2,
    );
    await runs.start(trader, query, prices);
    await runs.start(trader, query, prices);
    const refused = await runs.start(trader, query, prices).catch((error: unknown) => error);
    expect(refused).toMatchObject({
      kind: 'rate_limited',
      code: 'var_runs_at_limit',
      extra: { limit: 2 },
    });
    // Another user's runs are counted apart.
    await runs.start(other, query, prices);

    finish.shift()!();
    await new Promise((resolve) => setImmediate(resolve));
    const again = await runs.start(trader, query, prices);
    expect(again.status).toBe('running');
    finish.forEach((done) => done());
    await runs.drain();
  });

  it('frees the slot of a run that failed', async () => {
    const { runs } = tracker(async () => {
      throw new DomainError('unprocessable', 'no_prices', 'no prices');
    }, 1);
    await runs.start(trader, query, prices);
    await runs.drain();
    expect((await runs.start(trader, query, prices)).status).toBe('running');
    await runs.drain();
  });
});
