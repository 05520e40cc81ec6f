import { tidy } from './positions.js';

/**
 * A day's P&L explained the way a desk reads it. The position held at the start of the
 * day earns the move of its mark from yesterday's close to today's (price move); each
 * trade made today earns the difference between today's close and its own price (new
 * trades). Together they are the change in marked value plus cash, so selling below the
 * close shows as a loss from new trades, not from the market.
 *
 * Worked example: 10 MWh held, marked 50 last night and 55 tonight, plus 5 MWh bought
 * today at 53: price move 10 x (55 - 50) = 50, new trades 5 x (55 - 53) = 10, total 60.
 */
export interface PnlExplainInput {
  startQuantity: number;
  /** Yesterday's closing mark; null when there was none. */
  startMark: number | null;
  /** Today's closing mark (or the latest, for today); null when there is none. */
  endMark: number | null;
  /** Today's trades, quantity signed: positive bought, negative sold. */
  trades: readonly { quantity: number; price: number }[];
}

export interface PnlExplain {
  priceMove: number | null;
  newTrades: number | null;
  total: number | null;
}

export function explainDailyPnl(input: PnlExplainInput): PnlExplain {
  const { startQuantity, startMark, endMark, trades } = input;
  const priceMove =
    startQuantity === 0
      ? 0
      : startMark === null || endMark === null
        ? null
        : tidy(startQuantity * (endMark - startMark));
  const newTrades =
    trades.length === 0
      ? 0
      : endMark === null
        ? null
        : tidy(trades.reduce((sum, t) => sum + t.quantity * (endMark - t.price), 0));
  return {
    priceMove,
    newTrades,
    total: priceMove === null || newTrades === null ? null : tidy(priceMove + newTrades),
  };
}

/** A trade of one position, for the day-by-day walk. */
export interface DatedTrade {
  /** The position it belongs to (book, instrument, period). */
  key: string;
  /** What marks it (instrument and period), shared by every book holding it. */
  markKey: string;
  quantity: number;
  price: number;
  at: number;
}

export interface PnlDay {
  date: string;
  /** Instants bounding the day, [start, end). */
  start: number;
  end: number;
}

export interface ExplainedLine extends PnlExplain {
  key: string;
  startQuantity: number;
  startMark: number | null;
  endMark: number | null;
  /** Net quantity traded today. */
  tradedQuantity: number;
}

export interface DailyPnl {
  date: string;
  /** Sums over the lines that could be explained. */
  priceMove: number;
  newTrades: number;
  total: number;
  lines: ExplainedLine[];
  /** Positions whose P&L could not be explained for want of a mark. */
  unexplained: string[];
}

/**
 * Walks contiguous days once, oldest first. `closeOf(markKey, i)` is the closing mark
 * before day i (i = 0: before the first day; i = k + 1: at the end of day k). Totals
 * add what could be explained and name the rest.
 */
export function dailyPnlSeries(
  trades: readonly DatedTrade[],
  days: readonly PnlDay[],
  closeOf: (markKey: string, index: number) => number | null,
): DailyPnl[] {
  const ordered = [...trades].sort((a, b) => a.at - b.at);
  const held = new Map<string, { markKey: string; quantity: number }>();
  const hold = (t: DatedTrade) => {
    const h = held.get(t.key) ?? { markKey: t.markKey, quantity: 0 };
    h.quantity = tidy(h.quantity + t.quantity);
    held.set(t.key, h);
  };
  let next = 0;
  return days.map((day, k) => {
    while (next < ordered.length && ordered[next]!.at < day.start) hold(ordered[next++]!);
    const today: DatedTrade[] = [];
    while (next < ordered.length && ordered[next]!.at < day.end) today.push(ordered[next++]!);
    const keys = new Map<string, string>();
    for (const [key, h] of held) if (h.quantity !== 0) keys.set(key, h.markKey);
    for (const t of today) keys.set(t.key, t.markKey);
    const lines = [...keys.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([key, markKey]): ExplainedLine => {
        const mine = today.filter((t) => t.key === key);
        const startQuantity = held.get(key)?.quantity ?? 0;
        const startMark = closeOf(markKey, k);
        const endMark = closeOf(markKey, k + 1);
        const tradedQuantity = tidy(mine.reduce((s, t) => s + t.quantity, 0));
        return {
          key,
          startQuantity,
          startMark,
          endMark,
          tradedQuantity,
          ...explainDailyPnl({ startQuantity, startMark, endMark, trades: mine }),
        };
      });
    today.forEach(hold);
    const explained = lines.filter((l) => l.total !== null);
    const sum = (pick: (l: ExplainedLine) => number | null) =>
      tidy(explained.reduce((s, l) => s + (pick(l) ?? 0), 0));
    return {
      date: day.date,
      lines,
      priceMove: sum((l) => l.priceMove),
      newTrades: sum((l) => l.newTrades),
      total: sum((l) => l.total),
      unexplained: lines.filter((l) => l.total === null).map((l) => l.key),
    };
  });
}
