import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import type { Principal } from '../../platform/http/access.js';
import { standardCatalogue } from '../market-data/index.js';
import { lastTradesAsOf, tradingAccounts } from '../trading/index.js';
import { visibleBooks } from './book-access.js';
import { bookTrades, instrumentFacts } from './book-trades.js';
import type { Mark } from './domain/marks.js';
import { markKey, periodPositions } from './domain/period-positions.js';
import { groupPositions, type PositionGrouping } from './domain/position-groups.js';
import type { CurveSource } from './market-curves.js';
import { createMarker } from './marker.js';

export interface PositionQuery {
  book?: string | undefined;
  groupBy?: PositionGrouping | undefined;
  includeFlat?: boolean | undefined;
}

/**
 * Positions per book, instrument and delivery period, marked now; optionally with
 * subtotals by book, delivery period or instrument.
 */
export function createPositionService(deps: { reader: Db; clock: Clock }) {
  return {
    async positions(principal: Principal, query: PositionQuery, curves: CurveSource) {
      const books = visibleBooks(principal, query.book, await tradingAccounts(deps.reader));
      const now = deps.clock.now();
      const [trades, tape] = await Promise.all([
        bookTrades(deps.reader, books),
        lastTradesAsOf(deps.reader, new Date(now)),
      ]);
      const marker = createMarker(tape, curves);
      const marks = new Map<string, Mark | null>();
      for (const t of trades) {
        const key = markKey(t.instrumentId, t.period.label);
        if (!marks.has(key))
          marks.set(key, await marker.markOf(standardCatalogue.get(t.instrumentId), t.period, now));
      }
      const all = periodPositions(trades, marks, instrumentFacts);
      const items = query.includeFlat
        ? all
        : all.filter((p) => p.netQuantity !== 0 || p.realisedPnl !== 0);
      const warnings = items
        .filter((p) => p.netQuantity !== 0 && p.markPrice === null)
        .map((p) => `${p.book} ${p.instrumentId} ${p.period} has no trade or curve to mark it to`);
      return {
        asOf: new Date(now).toISOString(),
        books,
        items,
        ...(query.groupBy
          ? { groupBy: query.groupBy, groups: groupPositions(items, query.groupBy) }
          : {}),
        warnings,
      };
    },
  };
}

export type PositionService = ReturnType<typeof createPositionService>;
