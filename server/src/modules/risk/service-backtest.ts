import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import type { Principal } from '../../platform/http/access.js';
import { seesEveryBook, visibleBooks } from '../portfolio/index.js';
import { baselTrafficLight, countExceptions, kupiecTest } from './domain/index.js';
import { reportingCloses } from './factor-prices.js';
import type { HourlyClose, PriceHistory } from './price-history.js';
import type { RunsRepo } from './repo-runs.js';
import type { VarMethod } from './var-engine.js';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

export interface BacktestDeps {
  reader: Db;
  runs: RunsRepo;
  clock: Clock;
  deskBooks(): Promise<string[]>;
}

/** The close at or before an instant, if the series has one. */
function closeAt(series: readonly HourlyClose[], at: number): number | undefined {
  let found: number | undefined;
  for (const c of series) if (c.time <= at) found = c.close;
  return found;
}

/**
 * Backtest of stored VaR runs against hypothetical P&L: each run's exposures revalued at the
 * end of its horizon, in the currency the run was measured in (its exposure prices are in that
 * currency, so later prices are converted the same way). One run per calendar day (the day's
 * last), as a desk reports one VaR a day; the exceptions go into Kupiec's proportion-of-failures
 * test and Basel's traffic light.
 */
export function createBacktestService(deps: BacktestDeps) {
  return {
    async run(
      principal: Principal,
      query: { book?: string | undefined; method: VarMethod; confidence: number },
      prices: PriceHistory,
    ) {
      const book = query.book ?? (seesEveryBook(principal) ? null : principal.username);
      if (book !== null) visibleBooks(principal, book, await deps.deskBooks());
      const now = deps.clock.now();
      const rows = (
        await deps.runs.runs(deps.reader, { book, method: query.method, limit: 2_000 })
      ).filter(
        (r) =>
          r.confidence === query.confidence &&
          new Date(r.created_at).getTime() + r.horizon_days * DAY_MS <= now,
      );
      const perDay = new Map<string, (typeof rows)[number]>();
      for (const r of [...rows].reverse())
        perDay.set(new Date(r.created_at).toISOString().slice(0, 10), r);
      const days = [...perDay.values()];
      const warnings: string[] = [];
      const base = { book, method: query.method, confidence: query.confidence };
      if (days.length === 0) {
        warnings.push(
          `no stored ${query.method} VaR run at ${query.confidence} whose horizon has passed; run VaR daily to build a backtest`,
        );
        return {
          ...base,
          days: 0,
          exceptions: 0,
          kupiec: null,
          trafficLight: null,
          observations: [],
          warnings,
        };
      }
      const earliest = Math.min(...days.map((r) => new Date(r.created_at).getTime()));
      const series = new Map<string, HourlyClose[]>();
      const converters = new Map<string, ReturnType<typeof reportingCloses>>();
      const observations: { at: string; var: number; pnl: number; exception: boolean }[] = [];
      for (const run of days) {
        const start = new Date(run.created_at).getTime();
        const end = start + run.horizon_days * DAY_MS;
        let converter = converters.get(run.currency);
        if (!converter)
          converters.set(run.currency, (converter = reportingCloses(prices, run.currency)));
        let pnl = 0;
        for (const e of run.exposures) {
          const key = `${run.currency}\n${e.instrumentId}`;
          if (!series.has(key)) {
            series.set(
              key,
              (await converter(e.instrumentId, new Date(earliest - HOUR_MS), new Date(now))).closes,
            );
          }
          const later = closeAt(series.get(key)!, end);
          if (later !== undefined) pnl += e.delta * (later - e.price);
        }
        observations.push({
          at: new Date(start).toISOString(),
          var: run.var,
          pnl,
          exception: -pnl > run.var,
        });
      }
      const counted = countExceptions(
        observations.map((o) => o.pnl),
        observations.map((o) => o.var),
      );
      if (days.length < 250)
        warnings.push(
          `${days.length} days of VaR history; Kupiec's test and the traffic light are meant for 250`,
        );
      return {
        ...base,
        days: counted.days,
        exceptions: counted.exceptions,
        kupiec: kupiecTest(counted.exceptions, counted.days, query.confidence),
        trafficLight: baselTrafficLight(counted.exceptions, counted.days, query.confidence),
        observations,
        warnings,
      };
    },
  };
}

export type BacktestService = ReturnType<typeof createBacktestService>;
