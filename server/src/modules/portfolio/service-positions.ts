import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import type { Principal } from '../../platform/http/access.js';
import { standardCatalogue, type FxConverter } from '../market-data/index.js';
import { lastTradesAsOf, tradingAccounts } from '../trading/index.js';
import { visibleBooks } from './book-access.js';
import { bookTrades, instrumentFacts } from './book-trades.js';
import type { Mark } from './domain/marks.js';
import { markKey, periodPositions } from './domain/period-positions.js';
import { groupKeyOf, groupPositions, type PositionGrouping } from './domain/position-groups.js';
import type { PeriodPosition } from './domain/period-positions.js';
import { pnlInReportingCurrency, type RateOf } from './domain/reporting-currency.js';
import type { CurveSource } from './market-curves.js';
import { createMarker } from './marker.js';

export interface PositionQuery {
  book?: string | undefined;
  groupBy?: PositionGrouping | undefined;
  includeFlat?: boolean | undefined;
}

export interface PositionDeps {
  reader: Db;
  clock: Clock;
  /** The currency totals are reported in, and the FX rates in force at an instant. */
  reportingCurrency: string;
  fxRates(at: Date): Promise<FxConverter>;
}

/**
 * Positions per book, instrument and delivery period, marked now, each in its own currency;
 * totals (and subtotals by book, delivery period or instrument) in the reporting currency at
 * the rates in force at the mark.
 */
export function createPositionService(deps: PositionDeps) {
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
