import { randomUUID } from 'node:crypto';
import type { Db } from '../../../platform/db/database.js';
import { invalid, notFound } from '../../../platform/errors.js';
import { lastTradingEventSeq, tradingEventsAfter, type FillEvent } from '../../trading/index.js';
import type { RaisedAlert } from '../decision-log.js';
import { fillFromOutbox } from '../surveillance/from-trading.js';
import {
  surveilRange,
  type SurveillanceDeps,
  type SurveillanceParams,
} from '../surveillance/surveillance.js';
import { raisedFromDetector } from './raised.js';

/** The longest range one run may cover: a month of fills is read into memory. */
export const MAX_RANGE_MS = 31 * 24 * 3_600_000;
const PAGE = 2_000;

export interface SurveillanceRunView {
  id: string;
  from: string;
  to: string;
  status: 'running' | 'done' | 'failed';
  /** Share of the work done, in [0, 1]: reading the outbox is the first half, the detectors the second. */
  fraction: number;
  fillsRead: number;
  /** Alerts the detectors found in the range, raised (or already stored) under their ids. */
  alertsFound: number;
  byDetector: Record<string, number>;
  error: string | null;
  startedBy: string;
  startedAt: string;
  finishedAt: string | null;
}

/**
 * Batch surveillance over a historical range of trading's outbox fills, as a background
 * job. Jobs live in this instance's memory (a restart forgets them; the alerts they raised
 * stay, and running the range again raises nothing new since alerts are keyed).
 */
export function createSurveillanceRuns(deps: {
  db: Db;
  clock: { now(): number };
  detectors: SurveillanceDeps;
  params?: SurveillanceParams;
  raise: (alert: RaisedAlert) => string;
  flush: () => Promise<void>;
  log: { warn: (o: object, m: string) => void };
}) {
  const runs = new Map<string, SurveillanceRunView>();
  const working = new Set<Promise<void>>();

  async function fillsIn(from: number, to: number, run: SurveillanceRunView): Promise<FillEvent[]> {
    // The outbox is numbered in commit order, not by time, so the whole of it is read.
    const newest = await lastTradingEventSeq(deps.db);
    const fills: FillEvent[] = [];
    let seq = 0;
    for (;;) {
      const page = await tradingEventsAfter(deps.db, seq, PAGE);
      if (page.length === 0) break;
      for (const e of page)
        if (e.kind === 'fill' && e.executedAt >= from && e.executedAt < to) fills.push(e);
      seq = page[page.length - 1]!.seq;
      run.fraction = newest === 0 ? 0.5 : Math.min(0.5, (seq / newest) * 0.5);
      if (seq >= newest) break;
    }
    // Detectors read the log in time order; ties keep commit order, so replays agree.
    return fills.sort((a, b) => a.executedAt - b.executedAt || a.seq - b.seq);
  }

  async function work(run: SurveillanceRunView): Promise<void> {
    try {
      const fills = await fillsIn(Date.parse(run.from), Date.parse(run.to), run);
      run.fillsRead = fills.length;
      const alerts = surveilRange(
        fills.map((f) => fillFromOutbox(f)),
        deps.detectors,
        deps.params,
        (done) => (run.fraction = 0.5 + (done / Math.max(1, fills.length)) * 0.5),
      );
      for (const alert of alerts) {
        deps.raise(raisedFromDetector(alert));
        run.byDetector[alert.detector] = (run.byDetector[alert.detector] ?? 0) + 1;
      }
      await deps.flush();
      run.alertsFound = alerts.length;
      run.fraction = 1;
      run.status = 'done';
    } catch (error) {
      deps.log.warn({ err: error, run: run.id }, 'surveillance run failed');
      run.status = 'failed';
      run.error = error instanceof Error ? error.message : String(error);
    } finally {
      run.finishedAt = new Date(deps.clock.now()).toISOString();
    }
  }

  return {
    start(user: string, range: { from: string; to: string }): SurveillanceRunView {
      const from = Date.parse(range.from);
      const to = Date.parse(range.to);
      if (!(to > from)) throw invalid('to', 'after_from', 'to must be after from');
      if (to - from > MAX_RANGE_MS)
        throw invalid('to', 'max_range', 'a surveillance run covers at most 31 days');
      const run: SurveillanceRunView = {
        id: randomUUID(),
        from: new Date(from).toISOString(),
        to: new Date(to).toISOString(),
        status: 'running',
        fraction: 0,
        fillsRead: 0,
        alertsFound: 0,
        byDetector: {},
        error: null,
        startedBy: user,
        startedAt: new Date(deps.clock.now()).toISOString(),
        finishedAt: null,
      };
      runs.set(run.id, run);
      const job = work(run).finally(() => working.delete(job));
      working.add(job);
      return { ...run };
    },

    run(id: string): SurveillanceRunView {
      const run = runs.get(id);
      if (!run) throw notFound('surveillance run', 'surveillance_run_not_found');
      return { ...run, byDetector: { ...run.byDetector } };
    },

    /** Waits for the jobs still running (at shutdown, before the log's last flush). */
    async drain(): Promise<void> {
      await Promise.all([...working]);
    },
  };
}

export type SurveillanceRuns = ReturnType<typeof createSurveillanceRuns>;
