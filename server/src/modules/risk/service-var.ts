import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import { invalid } from '../../platform/errors.js';
import type { Principal } from '../../platform/http/access.js';
import { standardCatalogue } from '../market-data/index.js';
import { seesEveryBook, visibleBooks, type BookPosition } from '../portfolio/index.js';
import type { ParametricMethod } from './domain/index.js';
import { exposureLines, type OptionHolding } from './exposures.js';
import { reportingHistoryOf } from './factor-prices.js';
import { meanReversionFor } from './mean-reversion.js';
import type { PriceHistory } from './price-history.js';
import type { RunsRepo } from './repo-runs.js';
import { valueAtRisk, type VarGrouping, type VarMethod } from './var-engine.js';

export interface VarQuery {
  method: VarMethod;
  confidence: number;
  horizonDays: number;
  book?: string | undefined;
  scenarios?: number | undefined;
  seed?: number | undefined;
  groupBy?: VarGrouping | undefined;
  meanReversion?: boolean | undefined;
  halfLifeDays?: number | undefined;
  approximation?: ParametricMethod | undefined;
}

/** Where a run is: reading prices (instrument by instrument), simulating, or storing. */
export interface RunProgress {
  stage: 'prices' | 'simulation' | 'storing';
  done: number;
  total: number;
}
export type ProgressReport = (progress: RunProgress) => Promise<void> | void;

export interface VarDeps {
  db: Db;
  reader: Db;
  runs: RunsRepo;
  clock: Clock;
  deskBooks(): Promise<string[]>;
  /** The books' positions per instrument (exchange fills and OTC deals), from portfolio. */
  positionsOf(books: readonly string[], now: number): Promise<BookPosition[]>;
  /** Active options on futures of the books. */
  optionsOf(books: readonly string[]): Promise<OptionHolding[]>;
  /** The currency VaR and ES are measured in; every price is converted into it. */
  reportingCurrency: string;
}

/** Options of a query that only one method uses are refused rather than silently ignored. */
function checkQuery(query: VarQuery): void {
  if (query.meanReversion === true && query.method !== 'montecarlo') {
    throw invalid(
      'meanReversion',
      'montecarlo_only',
      'mean reversion is a Monte Carlo dynamic; use method=montecarlo',
    );
  }
  if (query.halfLifeDays !== undefined && query.meanReversion !== true) {
    throw invalid(
      'halfLifeDays',
      'needs_mean_reversion',
      'a half-life applies only with meanReversion=true',
    );
  }
  if (query.approximation !== undefined && query.method !== 'parametric') {
    throw invalid(
      'approximation',
      'parametric_only',
      'delta-normal or delta-gamma applies only to method=parametric',
    );
  }
}

const termsOf = (instrumentId: string) => standardCatalogue.find(instrumentId);

export function createVarService(deps: VarDeps) {
  return {
    /** Refuses a query or a book the caller may not ask for, before any work starts. */
    async check(principal: Principal, query: VarQuery): Promise<void> {
      checkQuery(query);
      visibleBooks(principal, query.book, await deps.deskBooks());
    },

    /**
     * VaR and ES of the caller's books (or one book). `store` keeps it as a run for history
     * and backtests: background runs, which a user starts, are stored; VaR asked for on
     * request is a read and stores nothing, so opening the risk page writes nothing.
     */
    async compute(
      principal: Principal,
      query: VarQuery,
      prices: PriceHistory,
      report?: ProgressReport,
      store = false,
    ) {
      checkQuery(query);
      const books = visibleBooks(principal, query.book, await deps.deskBooks());
      const now = deps.clock.now();
      const warnings: string[] = [];
      const open = (await deps.positionsOf(books, now)).filter((p) => p.quantity !== 0);
      const options = await deps.optionsOf(books);
      const instruments = [
        ...new Set([...open.map((p) => p.instrumentId), ...options.map((o) => o.underlying)]),
      ].sort();
      const currency = deps.reportingCurrency;
      const { history, fxAtLastClose } = await reportingHistoryOf(
        prices,
        currency,
        instruments,
        now,
        report,
      );
      for (const m of history.missing)
        warnings.push(`${m.instrumentId}: ${m.reason}; its positions are left out of VaR`);
      if (open.length + options.length === 0) warnings.push('no open positions');
      const lines = exposureLines(open, options, history.lastClose, now, warnings, fxAtLastClose);
      const meanReversion =
        query.meanReversion === true ? meanReversionFor(history, termsOf, query.halfLifeDays) : [];
      if (query.meanReversion === true && meanReversion.length === 0)
        warnings.push('no power or gas factor to revert; every factor follows a random walk');
      const scenarios = query.scenarios ?? 10_000;
      const figures = await valueAtRisk(
        lines,
        history,
        {
          method: query.method,
          confidence: query.confidence,
          horizonDays: query.horizonDays,
          scenarios,
          seed: query.seed ?? 20_260_101,
          groupBy: query.groupBy ?? 'position',
          meanReversion,
          ...(query.approximation ? { approximation: query.approximation } : {}),
        },
        report && ((done, total) => report({ stage: 'simulation', done, total })),
      );
      warnings.push(...figures.warnings);
      if (store) await report?.({ stage: 'storing', done: 0, total: 1 });
      // A risk manager's run without a book is the desk's (null); anyone else's is their own book.
      const book = query.book ?? (seesEveryBook(principal) ? null : principal.username);
      const exposures = lines
        .filter((l) => history.lastClose.has(l.instrumentId))
        .map((l) => ({
          instrumentId: l.instrumentId,
          delta: l.delta,
          price: history.lastClose.get(l.instrumentId)!,
        }));
      const at = new Date(now);
      const positions = open.length + options.length;
      const stored = {
        book,
        method: query.method,
        confidence: query.confidence,
        horizonDays: query.horizonDays,
        var: figures.var,
        es: figures.es,
        currency,
        positions,
        factors: history.factors.length,
        warnings,
        exposures,
        requestedBy: principal.username,
        at,
      };
      const id = store ? await deps.runs.insertRun(deps.db, stored) : null;
      return {
        id,
        at: at.toISOString(),
        method: query.method,
        confidence: query.confidence,
        horizonDays: query.horizonDays,
        book,
        var: figures.var,
        es: figures.es,
        currency,
        positions,
        factors: history.factors.length,
        scenarios:
          query.method === 'parametric'
            ? null
            : query.method === 'historical'
              ? history.moves.rows
              : scenarios,
        groupBy: query.groupBy ?? 'position',
        contributions: figures.contributions,
        meanReversion: meanReversion.map((m) => ({
          instrumentId: m.instrumentId,
          halfLifeDays: m.halfLifeDays,
          longRunLevel: m.longRunLevel,
        })),
        pnlDistribution: figures.pnlDistribution,
        warnings,
      };
    },

    async history(
      principal: Principal,
      filter: { book?: string | undefined; method?: VarMethod | undefined; limit: number },
    ) {
      const manager = seesEveryBook(principal);
      const book = filter.book ?? (manager ? undefined : principal.username);
      visibleBooks(principal, book, await deps.deskBooks());
      const rows = await deps.runs.runs(deps.reader, {
        book,
        method: filter.method,
        limit: filter.limit,
      });
      return {
        items: rows.map((r) => ({
          id: r.id,
          at: new Date(r.created_at).toISOString(),
          book: r.book,
          method: r.method,
          confidence: r.confidence,
          horizonDays: r.horizon_days,
          var: r.var,
          es: r.es,
          currency: r.currency,
          positions: r.positions,
          factors: r.factors,
          warnings: r.warnings,
        })),
      };
    },
  };
}

export type VarService = ReturnType<typeof createVarService>;
export type VarResult = Awaited<ReturnType<VarService['compute']>>;
