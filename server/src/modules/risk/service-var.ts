import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import type { Principal } from '../../platform/http/access.js';
import { bookPositions, booksFor, reportingCurrency, type BookPosition } from './book-positions.js';
import { dailyMovesFromHourly, type FactorHistory } from './factor-history.js';
import type { HourlyClose, PriceHistory } from './price-history.js';
import type { RunsRepo } from './repo-runs.js';
import { valueAtRisk, type ExposureLine, type VarMethod } from './var-engine.js';

/** How far back VaR reads hourly closes: a month is 720 hourly moves when the feed has them. */
export const LOOKBACK_DAYS = 30;
const DAY_MS = 86_400_000;

export interface VarQuery {
  method: VarMethod;
  confidence: number;
  horizonDays: number;
  book?: string | undefined;
  scenarios?: number | undefined;
  seed?: number | undefined;
}

export interface VarDeps {
  db: Db;
  reader: Db;
  runs: RunsRepo;
  clock: Clock;
  deskBooks(): Promise<string[]>;
}

/** Hourly closes of every instrument over the lookback window ending now. */
export async function historyOf(prices: PriceHistory, instrumentIds: readonly string[], now: number): Promise<FactorHistory> {
  const to = new Date(now);
  const from = new Date(now - LOOKBACK_DAYS * DAY_MS);
  const closes = new Map<string, HourlyClose[]>();
  for (const id of instrumentIds) closes.set(id, await prices.hourlyCloses(id, from, to));
  return dailyMovesFromHourly(closes);
}

/** One exposure line per book and instrument; across several books the key names the book. */
function exposureLines(open: readonly BookPosition[]): ExposureLine[] {
  const manyBooks = new Set(open.map((p) => p.book)).size > 1;
  return open.map((p) => ({ key: manyBooks ? `${p.book}/${p.instrumentId}` : p.instrumentId, instrumentId: p.instrumentId, delta: p.quantity }));
}

export function createVarService(deps: VarDeps) {
  return {
    /** VaR and ES of the caller's books (or one book), stored as a run for history and backtests. */
    async compute(principal: Principal, query: VarQuery, prices: PriceHistory) {
      const books = booksFor(principal, query.book, await deps.deskBooks());
      const warnings: string[] = [];
      const open = (await bookPositions(deps.reader, books)).filter((p) => p.quantity !== 0);
      const instruments = [...new Set(open.map((p) => p.instrumentId))].sort();
      const history = await historyOf(prices, instruments, deps.clock.now());
      for (const m of history.missing) warnings.push(`${m.instrumentId}: ${m.reason}; its positions are left out of VaR`);
      const currency = reportingCurrency(open, warnings);
      if (open.length === 0) warnings.push('no open positions');
      const figures = valueAtRisk(exposureLines(open), history, {
        method: query.method,
        confidence: query.confidence,
        horizonDays: query.horizonDays,
        scenarios: query.scenarios ?? 10_000,
        seed: query.seed ?? 20_260_101,
      });
      warnings.push(...figures.warnings);
      // A risk manager's run without a book is the desk's (null); anyone else's is their own book.
      const book = query.book ?? (principal.permissions.has('risk:write') ? null : principal.username);
      const exposures = open
        .filter((p) => history.lastClose.has(p.instrumentId))
        .map((p) => ({ instrumentId: p.instrumentId, delta: p.quantity, price: history.lastClose.get(p.instrumentId)! }));
      const at = new Date(deps.clock.now());
      const id = await deps.runs.insertRun(deps.db, {
        book: book,
        method: query.method,
        confidence: query.confidence,
        horizonDays: query.horizonDays,
        var: figures.var,
        es: figures.es,
        currency,
        positions: open.length,
        factors: history.factors.length,
        warnings,
        exposures,
        requestedBy: principal.username,
        at,
      });
      return {
        id,
        at: at.toISOString(),
        method: query.method,
        confidence: query.confidence,
        horizonDays: query.horizonDays,
        book: book,
        var: figures.var,
        es: figures.es,
        currency,
        positions: open.length,
        factors: history.factors.length,
        scenarios: query.method === 'parametric' ? null : query.method === 'historical' ? history.moves.rows : (query.scenarios ?? 10_000),
        contributions: figures.contributions,
        pnlDistribution: figures.pnlDistribution,
        warnings,
      };
    },

    async history(principal: Principal, filter: { book?: string | undefined; method?: VarMethod | undefined; limit: number }) {
      const manager = principal.permissions.has('risk:write');
      const book = filter.book ?? (manager ? undefined : principal.username);
      booksFor(principal, book, []);
      const rows = await deps.runs.runs(deps.reader, { book, method: filter.method, limit: filter.limit });
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
