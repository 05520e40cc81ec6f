import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../platform/clock.js';
import { DomainError } from '../../platform/errors.js';
import {
  createImportScheduler,
  type ImportJob,
  type ImportOutcome,
  type ImportSource,
} from './service-imports.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const KEY = 'c0ffee-5ecret-token-1234';

/** A job whose runs finish only when the test says so, and that counts its starts. */
function controlledJob(source: ImportSource, configured = true) {
  const runs: { now: number; finish(outcome: ImportOutcome | Error): void }[] = [];
  const job: ImportJob = {
    source,
    name: source.toUpperCase(),
    keyVariable: `${source.toUpperCase()}_KEY`,
    targets: ['DE-LU'],
    secrets: [KEY],
  };
  if (configured) {
    job.run = (now) =>
      new Promise<ImportOutcome>((resolve, reject) => {
        runs.push({
          now,
          finish: (outcome) => (outcome instanceof Error ? reject(outcome) : resolve(outcome)),
        });
      });
  }
  return { job, runs };
}

const clean = (stored: number): ImportOutcome => ({ stored, rejected: 0, failures: [] });

function scheduler(jobs: ImportJob[], clock: ManualClock) {
  const lines: string[] = [];
  const log = {
    info: (details: object, message: string) => lines.push(`${message} ${JSON.stringify(details)}`),
    warn: (details: object, message: string) => lines.push(`${message} ${JSON.stringify(details)}`),
  };
  const imports = createImportScheduler({
    jobs,
    clock,
    intervalMs: HOUR,
    firstRunDelayMs: 10_000,
    log,
  });
  return { imports, lines };
}

/** Lets the scheduler's promise callbacks run after a run has been finished from outside. */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('market-data import scheduler', () => {
  it('runs configured sources once their first delay has passed, then every interval', async () => {
    const clock = new ManualClock(Date.UTC(2026, 2, 29, 10));
    const entsoe = controlledJob('entsoe');
    const eia = controlledJob('eia', false);
    const { imports } = scheduler([entsoe.job, eia.job], clock);

    await imports.runDue();
    expect(entsoe.runs).toHaveLength(0);
    clock.advance(10_000);
    const due = imports.runDue();
    expect(entsoe.runs).toHaveLength(1);
    entsoe.runs[0]?.finish(clean(23));
    await due;

    const [status, unconfigured] = imports.status();
    expect(status).toMatchObject({
      configured: true,
      lastRowsStored: 23,
      totalRowsStored: 23,
      lastError: null,
      lastSuccessAt: new Date(clock.now()).toISOString(),
      nextRunAt: new Date(clock.now() + HOUR).toISOString(),
    });
    expect(unconfigured).toMatchObject({ configured: false, lastRunAt: null, nextRunAt: null });

    clock.advance(HOUR - 1);
    await imports.runDue();
    expect(entsoe.runs).toHaveLength(1);
    clock.advance(1);
    const next = imports.runDue();
    expect(entsoe.runs).toHaveLength(2);
    entsoe.runs[1]?.finish(clean(0));
    await next;
    expect(imports.status()[0]).toMatchObject({ lastRowsStored: 0, totalRowsStored: 23 });
  });

  it('never runs one source twice at once: a manual run joins the run under way', async () => {
    const clock = new ManualClock(Date.UTC(2026, 2, 29, 10));
    const entsoe = controlledJob('entsoe');
    const { imports } = scheduler([entsoe.job], clock);
    clock.advance(HOUR);
    const scheduled = imports.runDue();
    const manual = imports.runNow('entsoe');
    await imports.runDue();
    expect(entsoe.runs).toHaveLength(1);
    expect(imports.status()[0]?.running).toBe(true);
    entsoe.runs[0]?.finish(clean(5));
    await scheduled;
    expect(await manual).toMatchObject({ running: false, lastRowsStored: 5 });
    // Once it has ended, the next request starts a run of its own.
    const again = imports.runNow('entsoe');
    expect(entsoe.runs).toHaveLength(2);
    entsoe.runs[1]?.finish(clean(0));
    await again;
  });

  it('backs off after failures, longer each time, and resets after a success', async () => {
    const clock = new ManualClock(Date.UTC(2026, 2, 29, 10));
    const entsoe = controlledJob('entsoe');
    const { imports } = scheduler([entsoe.job], clock);
    const delays: number[] = [];
    for (let attempt = 0; attempt < 3; attempt++) {
      const run = imports.runNow('entsoe');
      entsoe.runs.at(-1)?.finish(new Error('ENTSO-E answered 503: maintenance'));
      const status = await run;
      delays.push(Date.parse(status.nextRunAt ?? '') - clock.now());
    }
    expect(delays).toEqual([MINUTE, 2 * MINUTE, 4 * MINUTE]);
    expect(imports.status()[0]).toMatchObject({
      consecutiveFailures: 3,
      lastError: 'ENTSO-E answered 503: maintenance',
      lastSuccessAt: null,
    });
    const run = imports.runNow('entsoe');
    entsoe.runs.at(-1)?.finish(clean(1));
    expect(await run).toMatchObject({
      consecutiveFailures: 0,
      lastError: null,
      nextRunAt: new Date(clock.now() + HOUR).toISOString(),
    });
  });

  it('counts a run with a failed zone as failed but keeps the rows it stored', async () => {
    const clock = new ManualClock(Date.UTC(2026, 2, 29, 10));
    const entsoe = controlledJob('entsoe');
    const { imports } = scheduler([entsoe.job], clock);
    const run = imports.runNow('entsoe');
    entsoe.runs[0]?.finish({
      stored: 24,
      rejected: 1,
      failures: ['FR day-ahead prices 2026-03-29: timeout'],
    });
    expect(await run).toMatchObject({
      lastRowsStored: 24,
      lastRowsRejected: 1,
      consecutiveFailures: 1,
      lastError: 'FR day-ahead prices 2026-03-29: timeout',
    });
  });

  it('keeps keys out of the status and the log, in URLs and anywhere else', async () => {
    const clock = new ManualClock(Date.UTC(2026, 2, 29, 10));
    const entsoe = controlledJob('entsoe');
    const { imports, lines } = scheduler([entsoe.job], clock);
    const run = imports.runNow('entsoe');
    entsoe.runs[0]?.finish(
      new Error(
        `request to https://web-api.tp.entsoe.eu/api?documentType=A44&securityToken=${KEY} failed; echoed ${KEY}`,
      ),
    );
    const status = await run;
    expect(status.lastError).toBe(
      'request to https://web-api.tp.entsoe.eu/api?documentType=A44&securityToken=*** failed; echoed ***',
    );
    expect(lines.join('\n')).not.toContain(KEY);
    expect(lines.join('\n')).toContain('securityToken=***');
  });

  it('names an unknown source and says which variable configures a known one', async () => {
    const clock = new ManualClock();
    const { imports } = scheduler(
      [controlledJob('entsoe').job, controlledJob('eia', false).job],
      clock,
    );
    const unknown = await imports.runNow('nordpool').catch((error: unknown) => error);
    expect(unknown).toBeInstanceOf(DomainError);
    expect(unknown).toMatchObject({ kind: 'not_found', code: 'import_source_not_found' });
    expect((unknown as Error).message).toContain('"nordpool"');
    await expect(imports.runNow('eia')).rejects.toMatchObject({
      kind: 'conflict',
      message: expect.stringContaining('set EIA_KEY') as unknown,
    });
  });

  it('waits for the run under way when stopped', async () => {
    const clock = new ManualClock();
    const entsoe = controlledJob('entsoe');
    const { imports } = scheduler([entsoe.job], clock);
    const run = imports.runNow('entsoe');
    let stopped = false;
    const stopping = imports.stop().then(() => {
      stopped = true;
    });
    await settle();
    expect(stopped).toBe(false);
    entsoe.runs[0]?.finish(clean(0));
    await Promise.all([run, stopping]);
    expect(stopped).toBe(true);
  });
});
