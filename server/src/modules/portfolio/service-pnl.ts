import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import { invalid } from '../../platform/errors.js';
import type { Principal } from '../../platform/http/access.js';
import { standardCatalogue, type FxConverter } from '../market-data/index.js';
import { dailyLastTrades, lastTradesAsOf } from '../trading/index.js';
import { visibleBooks } from './book-access.js';
import { instrumentFacts } from './book-trades.js';
import { dailyPnlSeries, type DailyPnl, type DatedTrade, type PnlDay } from './domain/daily-pnl.js';
import { addDays, type DeliveryWindow } from './domain/delivery-periods.js';
import { markKey } from './domain/period-positions.js';
import { explainInReportingCurrency, type ReportingExplain } from './domain/reporting-currency.js';
import type { CurveSource } from './market-curves.js';
import { createMarker } from './marker.js';
import type { Projector } from './service-projector.js';

const DAY_MS = 86_400_000;
/** The longest history one request walks. */
export const MAX_HISTORY_DAYS = 92;
const DEFAULT_HISTORY_DAYS = 30;

const utcDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

interface Held {
  book: string;
  instrumentId: string;
  period: DeliveryWindow;
}

export interface PnlDeps {
  db: Db;
  reader: Db;
  /** The position table; P&L reads the trades it holds, so it agrees with the positions. */
  projector: Projector;
  clock: Clock;
  /** The currency totals are reported in, and the FX rates in force at an instant. */
  reportingCurrency: string;
  fxRates(at: Date): Promise<FxConverter>;
}

/** A day's totals in the reporting currency, and the positions left out for want of a rate. */
interface ReportedDay extends Omit<ReportingExplain, 'unconverted'> {
  unconverted: string[];
}

/**
 * Daily P&L of books, explained as price moves on the start-of-day position and new
 * trades. The desk's day is the UTC calendar day; a day's close is the mark at its end,
 * or now for today. Lines stay in their instrument's currency; a day's totals are in the
 * reporting currency at the FX rates of that day's close.
 */
export function createPnlService(deps: PnlDeps) {
  const currency = deps.reportingCurrency;
  const currencyOf = (instrumentId: string) => instrumentFacts(instrumentId).currency;

  async function series(
    principal: Principal,
    book: string | undefined,
    from: string,
    to: string,
    curves: CurveSource,
  ) {
    await deps.projector.catchUp();
    const books = visibleBooks(principal, book, await deps.projector.repo.books(deps.db));
    const now = deps.clock.now();
    const days: PnlDay[] = [];
    for (let d = from; d <= to; d = addDays(d, 1))
      days.push({
        date: d,
        start: Date.parse(`${d}T00:00:00Z`),
        end: Date.parse(`${d}T00:00:00Z`) + DAY_MS,
      });
    const first = days[0]!.start;
    const last = Math.min(days.at(-1)!.end, now + 1);
    const [trades, opening, closes] = await Promise.all([
      deps.projector.repo.tradesOf(deps.db, books),
      lastTradesAsOf(deps.reader, new Date(first - 1)),
      dailyLastTrades(deps.reader, new Date(first), new Date(last)),
    ]);
    const held = new Map<string, Held>();
    const marked = new Map<string, Held>();
    const dated: DatedTrade[] = trades.map((t) => {
      const key = `${t.book}\n${markKey(t.instrumentId, t.period.label)}`;
      held.set(key, t);
      marked.set(markKey(t.instrumentId, t.period.label), t);
      return {
        key,
        markKey: markKey(t.instrumentId, t.period.label),
        quantity: t.side === 'buy' ? t.quantity : -t.quantity,
        price: t.price,
        at: t.at,
      };
    });

    // A close is asked for only where a position needs it: a dry walk collects those.
    const wanted = new Set<string>();
    dailyPnlSeries(dated, days, (key, i) => {
      wanted.add(`${i}\n${key}`);
      return null;
    });
    const marker = createMarker([...opening, ...closes], curves);
    const closeAt = (i: number): number =>
      Math.min(i === 0 ? first : days[i - 1]!.end, now + 1) - 1;
    const resolved = new Map<string, number | null>();
    for (const want of wanted) {
      const [index, ...rest] = want.split('\n');
      const what = marked.get(rest.join('\n'))!;
      const mark = await marker.markOf(
        standardCatalogue.get(what.instrumentId),
        what.period,
        closeAt(Number(index)),
      );
      resolved.set(want, mark?.price ?? null);
    }
    const result = dailyPnlSeries(dated, days, (key, i) => resolved.get(`${i}\n${key}`) ?? null);

    // Rates are read only when some position is in another currency than the report.
    const foreign = [...held.values()].some((h) => currencyOf(h.instrumentId) !== currency);
    const reported: ReportedDay[] = [];
    for (const [i, day] of result.entries()) {
      const fx = foreign ? await deps.fxRates(new Date(closeAt(i + 1))) : null;
      const lines = day.lines.map((l) => ({
        ...l,
        currency: currencyOf(held.get(l.key)!.instrumentId),
      }));
      const r = explainInReportingCurrency(
        lines,
        currency,
        (from) => fx?.rate(from, currency) ?? null,
      );
      reported.push({ ...r, unconverted: r.unconverted.map((j) => day.lines[j]!.key) });
    }
    return { books, held, result, reported };
  }

  function checkDay(field: string, day: string, today: string): void {
    if (day > today)
      throw invalid(
        field,
        'not_future',
        `${field} ${day} is in the future; the last day with P&L is ${today}`,
      );
  }

  /** One warning per position some days of which could not be converted, naming the days. */
  function unconvertedWarnings(
    dates: readonly string[],
    reported: readonly ReportedDay[],
    held: Map<string, Held>,
  ): string[] {
    const daysOf = new Map<string, string[]>();
    reported.forEach((r, i) =>
      r.unconverted.forEach((k) => daysOf.set(k, [...(daysOf.get(k) ?? []), dates[i]!])),
    );
    return [...daysOf.entries()].map(([k, on]) => {
      const h = held.get(k)!;
      const from = currencyOf(h.instrumentId);
      const when = on.length === 1 ? on[0]! : `${on.length} days from ${on[0]!} to ${on.at(-1)!}`;
      return `${h.book} ${h.instrumentId} ${h.period.label} is in ${from} and there is no ${from}/${currency} FX rate on ${when}; it is left out of the ${currency} totals`;
    });
  }

  const unexplainedWarnings = (day: DailyPnl, held: Map<string, Held>): string[] =>
    day.unexplained.map((k) => {
      const h = held.get(k)!;
      return `${day.date}: ${h.book} ${h.instrumentId} ${h.period.label} has no mark, so its P&L is left out`;
    });

  return {
    async daily(
      principal: Principal,
      query: { date?: string | undefined; book?: string | undefined },
      curves: CurveSource,
    ) {
      const today = utcDay(deps.clock.now());
      const date = query.date ?? today;
      checkDay('date', date, today);
      const { books, held, result, reported } = await series(
        principal,
        query.book,
        date,
        date,
        curves,
      );
      const day = result[0]!;
      const totals = reported[0]!;
      const warnings = [
        ...unexplainedWarnings(day, held),
        ...unconvertedWarnings([date], reported, held),
      ];
      return {
        date,
        books,
        currency,
        priceMove: totals.priceMove,
        newTrades: totals.newTrades,
        total: totals.total,
        items: day.lines.map((l) => {
          const h = held.get(l.key)!;
          return {
            book: h.book,
            instrumentId: h.instrumentId,
            period: h.period.label,
            ...instrumentFacts(h.instrumentId),
            startQuantity: l.startQuantity,
            tradedQuantity: l.tradedQuantity,
            startMark: l.startMark,
            endMark: l.endMark,
            priceMove: l.priceMove,
            newTrades: l.newTrades,
            total: l.total,
          };
        }),
        warnings,
      };
    },

    async history(
      principal: Principal,
      query: { from?: string | undefined; to?: string | undefined; book?: string | undefined },
      curves: CurveSource,
    ) {
      const today = utcDay(deps.clock.now());
      const to = query.to ?? today;
      const from = query.from ?? addDays(to, -(DEFAULT_HISTORY_DAYS - 1));
      checkDay('to', to, today);
      if (from > to) throw invalid('from', 'before_to', `from ${from} is after to ${to}`);
      if (addDays(from, MAX_HISTORY_DAYS - 1) < to)
        throw invalid('from', 'max_span', `a history spans at most ${MAX_HISTORY_DAYS} days`);
      const { books, held, result, reported } = await series(
        principal,
        query.book,
        from,
        to,
        curves,
      );
      const warnings = [
        ...result.flatMap((d) => unexplainedWarnings(d, held)),
        ...unconvertedWarnings(
          result.map((d) => d.date),
          reported,
          held,
        ),
      ];
      return {
        from,
        to,
        books,
        currency,
        items: result.map((d, i) => ({
          date: d.date,
          priceMove: reported[i]!.priceMove,
          newTrades: reported[i]!.newTrades,
          total: reported[i]!.total,
          unexplained: d.unexplained.length,
          unconverted: reported[i]!.unconverted.length,
        })),
        warnings,
      };
    },
  };
}

export type PnlService = ReturnType<typeof createPnlService>;
