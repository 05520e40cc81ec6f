import type { DeliveryWindow } from './delivery-periods.js';
import type { Mark, MarkSource } from './marks.js';
import { applyFill, flatPosition, tidy, unrealisedAt, type RunningPosition } from './positions.js';

/**
 * Positions per book, instrument and delivery period, folded from exchange fills and OTC
 * deals alike: a month future bought on the exchange and the same month bought from a
 * counterparty are one position. Quantities are in the instrument's energy unit.
 */
export interface BookTrade {
  book: string;
  instrumentId: string;
  period: DeliveryWindow;
  side: 'buy' | 'sell';
  price: number;
  quantity: number;
  /** When the trade was made (a deal: when it was captured); orders the fold. */
  at: number;
  source: 'exchange' | 'otc';
}

export interface InstrumentFacts {
  unit: string;
  currency: string;
}

export interface PeriodPosition {
  book: string;
  instrumentId: string;
  period: string;
  firstDay: string;
  lastDay: string;
  unit: string;
  currency: string;
  netQuantity: number;
  /** Net quantity that came from exchange fills and from OTC deals. */
  exchangeQuantity: number;
  otcQuantity: number;
  averagePrice: number | null;
  realisedPnl: number;
  unrealisedPnl: number | null;
  markPrice: number | null;
  markSource: MarkSource | null;
}

export const markKey = (instrumentId: string, periodLabel: string): string =>
  `${instrumentId}\n${periodLabel}`;

const signed = (t: Pick<BookTrade, 'side' | 'quantity'>): number =>
  t.side === 'buy' ? t.quantity : -t.quantity;

interface Line {
  trade: BookTrade;
  running: RunningPosition;
  exchange: number;
  otc: number;
}

export function periodPositions(
  trades: readonly BookTrade[],
  marks: ReadonlyMap<string, Mark | null>,
  factsOf: (instrumentId: string) => InstrumentFacts,
): PeriodPosition[] {
  const lines = new Map<string, Line>();
  const ordered = [...trades].sort((a, b) => a.at - b.at);
  for (const trade of ordered) {
    const key = `${trade.book}\n${markKey(trade.instrumentId, trade.period.label)}`;
    const line = lines.get(key) ?? { trade, running: flatPosition(), exchange: 0, otc: 0 };
    applyFill(line.running, trade.side, trade.price, trade.quantity);
    if (trade.source === 'exchange') line.exchange = tidy(line.exchange + signed(trade));
    else line.otc = tidy(line.otc + signed(trade));
    lines.set(key, line);
  }
  return sortPositions(
    [...lines.values()].map(({ trade, running, exchange, otc }) =>
      periodPositionOf(
        {
          book: trade.book,
          instrumentId: trade.instrumentId,
          period: trade.period,
          running,
          exchange,
          otc,
        },
        marks.get(markKey(trade.instrumentId, trade.period.label)) ?? null,
        factsOf(trade.instrumentId),
      ),
    ),
  );
}

/** A position's running figures as the desk reads them, marked. */
export function periodPositionOf(
  p: {
    book: string;
    instrumentId: string;
    period: DeliveryWindow;
    running: RunningPosition;
    exchange: number;
    otc: number;
  },
  mark: Mark | null,
  facts: InstrumentFacts,
): PeriodPosition {
  return {
    book: p.book,
    instrumentId: p.instrumentId,
    period: p.period.label,
    firstDay: p.period.firstDay,
    lastDay: p.period.lastDay,
    ...facts,
    netQuantity: p.running.net,
    exchangeQuantity: p.exchange,
    otcQuantity: p.otc,
    averagePrice: p.running.net === 0 ? null : tidy(p.running.average),
    realisedPnl: tidy(p.running.realised),
    unrealisedPnl: unrealisedAt(p.running, mark?.price ?? null),
    markPrice: mark?.price ?? null,
    markSource: mark?.source ?? null,
  };
}

/** By book, instrument and delivery. */
export const sortPositions = (positions: PeriodPosition[]): PeriodPosition[] =>
  positions.sort(
    (a, b) =>
      a.book.localeCompare(b.book) ||
      a.instrumentId.localeCompare(b.instrumentId) ||
      a.firstDay.localeCompare(b.firstDay) ||
      a.period.localeCompare(b.period),
  );
