import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import type { Principal } from '../../platform/http/access.js';
import { standardCatalogue, type FxConverter } from '../market-data/index.js';
import { lastTradesAsOf, type PricedTrade } from '../trading/index.js';
import { visibleBooks } from './book-access.js';
import { instrumentFacts } from './book-trades.js';
import type { Mark } from './domain/marks.js';
import {
  markKey,
  periodPositionOf,
  sortPositions,
  type PeriodPosition,
} from './domain/period-positions.js';
import { groupKeyOf, groupPositions, type PositionGrouping } from './domain/position-groups.js';
import { pnlInReportingCurrency, type RateOf } from './domain/reporting-currency.js';
import type { CurveSource } from './market-curves.js';
import { createMarker } from './marker.js';
import type { Projector } from './service-projector.js';

export interface PositionQuery {
  book?: string | undefined;
  groupBy?: PositionGrouping | undefined;
  includeFlat?: boolean | undefined;
}

export interface PositionDeps {
  db: Db;
  reader: Db;
  clock: Clock;
  projector: Projector;
  /** The currency totals are reported in, and the FX rates in force at an instant. */
  reportingCurrency: string;
  fxRates(at: Date): Promise<FxConverter>;
}

/**
 * Positions of books from the position table, brought up to date with trading's outbox
 * first (so a read right after a fill sees it), each marked as of an instant.
 */
export function createPositionBook(deps: Pick<PositionDeps, 'db' | 'reader' | 'projector'>) {
  const { repo } = deps.projector;

  /** The last trade of each instrument as of `now`, from the projection unless a trade is stamped later. */
  async function tapeAt(now: number): Promise<PricedTrade[]> {
    const last = await repo.lastTrades(deps.db);
    return last.every((t) => t.at <= now) ? last : lastTradesAsOf(deps.reader, new Date(now));
  }

  return {
    /** Every book that has traded or captured a deal. */
    async deskBooks(): Promise<string[]> {
      await deps.projector.catchUp();
      return repo.books(deps.db);
    },

    /** `caughtUp` when the caller has just listed the desk's books, which caught up already. */
    async marked(
      books: readonly string[],
      now: number,
      curves: CurveSource,
      caughtUp = false,
    ): Promise<PeriodPosition[]> {
      if (!caughtUp) await deps.projector.catchUp();
      const [held, tape] = await Promise.all([repo.positionsOf(deps.db, books), tapeAt(now)]);
      const marker = createMarker(tape, curves);
      const marks = new Map<string, Mark | null>();
      const out: PeriodPosition[] = [];
      for (const p of held) {
        const key = markKey(p.instrumentId, p.period.label);
        if (!marks.has(key))
          marks.set(key, await marker.markOf(standardCatalogue.get(p.instrumentId), p.period, now));
        out.push(periodPositionOf(p, marks.get(key) ?? null, instrumentFacts(p.instrumentId)));
      }
      return sortPositions(out);
    },
  };
}

export type PositionBook = ReturnType<typeof createPositionBook>;

/**
 * Positions per book, instrument and delivery period, marked now, each in its own currency;
 * totals (and subtotals by book, delivery period or instrument) in the reporting currency at
 * the rates in force at the mark.
 */
export function createPositionService(deps: PositionDeps) {
  const book = createPositionBook(deps);
  return {
    async positions(principal: Principal, query: PositionQuery, curves: CurveSource) {
      const books = visibleBooks(principal, query.book, await book.deskBooks());
      const now = deps.clock.now();
      const all = await book.marked(books, now, curves, true);
      const items = query.includeFlat
        ? all
        : all.filter((p) => p.netQuantity !== 0 || p.realisedPnl !== 0);
      const warnings = items
        .filter((p) => p.netQuantity !== 0 && p.markPrice === null)
        .map((p) => `${p.book} ${p.instrumentId} ${p.period} has no trade or curve to mark it to`);
      const currency = deps.reportingCurrency;
      const fx = await deps.fxRates(new Date(now));
      const rateOf: RateOf = (from) => fx.rate(from, currency);
      const totals = totalsOf(items, currency, rateOf);
      for (const i of totals.unconverted) {
        const p = items[i]!;
        warnings.push(
          `${p.book} ${p.instrumentId} ${p.period} is in ${p.currency} and there is no ${p.currency}/${currency} FX rate; it is left out of the ${currency} totals`,
        );
      }
      const by = query.groupBy;
      return {
        asOf: new Date(now).toISOString(),
        books,
        items,
        totals: { ...totals, unconverted: totals.unconverted.length },
        ...(by
          ? {
              groupBy: by,
              groups: groupPositions(items, by).map((g) => {
                const total = totalsOf(
                  items.filter((p) => groupKeyOf(p, by) === g.key),
                  currency,
                  rateOf,
                );
                return { ...g, total: { ...total, unconverted: total.unconverted.length } };
              }),
            }
          : {}),
        warnings,
      };
    },
  };
}

/** P&L of positions in the reporting currency, and which positions could not be converted. */
function totalsOf(items: readonly PeriodPosition[], currency: string, rateOf: RateOf) {
  const t = pnlInReportingCurrency(items, currency, rateOf);
  return {
    currency,
    realisedPnl: t.realisedPnl,
    unrealisedPnl: t.unrealisedPnl,
    positions: t.converted,
    unconverted: t.unconverted,
  };
}

export type PositionService = ReturnType<typeof createPositionService>;
