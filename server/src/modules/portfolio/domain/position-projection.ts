import type { DealVersionEvent, FillEvent, TradingEvent } from '../../trading/index.js';
import type { DeliveryWindow } from './delivery-periods.js';
import { applyFill, flatPosition, tidy, type RunningPosition } from './positions.js';

/**
 * The position table as a fold over trading's outbox. Each position (book, instrument,
 * delivery period) keeps the trades that make it up; a trade that comes after the newest
 * one continues the position by the average-cost method, anything else (a deal amended
 * or voided, a trade stamped earlier than one already applied) folds that position again
 * from its trades, oldest first, and only that position. Events at or below the
 * watermark are skipped, so applying one twice changes nothing.
 */

/** What one trade contributes to one book's position. */
export interface PositionTrade {
  book: string;
  source: 'exchange' | 'otc';
  /** The trade id of a fill, the deal id of a deal. */
  ref: string;
  /** A deal's version (0 for a fill). */
  version: number;
  instrumentId: string;
  period: DeliveryWindow;
  side: 'buy' | 'sell';
  price: number;
  quantity: number;
  /** Fold order: when it was traded (a deal: first captured), then its outbox number. */
  at: number;
  orderSeq: number;
}

export interface ProjectedPosition {
  book: string;
  instrumentId: string;
  period: DeliveryWindow;
  running: RunningPosition;
  exchange: number;
  otc: number;
  lastAt: number;
  lastOrderSeq: number;
  /** The last outbox event applied to the position. */
  lastSeq: number;
}

/** How an instrument's trades map to delivery periods; null for an instrument not in the catalogue. */
export interface PeriodRules {
  fill(instrumentId: string, at: number): DeliveryWindow | null;
  deal(instrumentId: string, start: number, end: number): DeliveryWindow | null;
}

export const positionKey = (book: string, instrumentId: string, period: string): string =>
  `${book}\n${instrumentId}\n${period}`;
const keyOf = (t: Pick<PositionTrade, 'book' | 'instrumentId' | 'period'>): string =>
  positionKey(t.book, t.instrumentId, t.period.label);

const before = (a: PositionTrade, b: PositionTrade): number =>
  a.at - b.at || a.orderSeq - b.orderSeq;

/** Deal statuses that take a deal out of the books. */
const DEAD_DEALS = new Set(['cancelled', 'voided']);

/** The two sides of a fill, each its book's trade (one, should a book trade with itself). */
export function fillTrades(e: FillEvent, rules: PeriodRules): PositionTrade[] {
  const period = rules.fill(e.instrumentId, e.executedAt);
  if (!period) return [];
  const side = (book: string, s: 'buy' | 'sell'): PositionTrade => ({
    book,
    source: 'exchange',
    ref: e.tradeId,
    version: 0,
    instrumentId: e.instrumentId,
    period,
    side: s,
    price: e.price,
    quantity: e.quantity,
    at: e.executedAt,
    orderSeq: e.seq,
  });
  return e.buyer === e.seller
    ? [side(e.buyer, 'buy')]
    : [side(e.buyer, 'buy'), side(e.seller, 'sell')];
}

/** What a deal version contributes, keeping the place in the fold of the version it replaces. */
export function dealTrade(
  e: DealVersionEvent,
  rules: PeriodRules,
  prior: PositionTrade | null,
): PositionTrade | null {
  if (DEAD_DEALS.has(e.status)) return null;
  const period = rules.deal(e.instrumentId, e.deliveryStart, e.deliveryEnd);
  if (!period) return null;
  return {
    book: e.trader,
    source: 'otc',
    ref: e.dealId,
    version: e.version,
    instrumentId: e.instrumentId,
    period,
    side: e.side,
    price: e.price,
    quantity: e.quantity,
    at: e.capturedAt,
    orderSeq: prior?.orderSeq ?? e.seq,
  };
}

const signed = (t: PositionTrade): number => (t.side === 'buy' ? t.quantity : -t.quantity);

/** A position continued by one trade, or null when the trade does not come after its newest one. */
export function continuePosition(
  p: ProjectedPosition | null,
  t: PositionTrade,
  seq: number,
): ProjectedPosition | null {
  if (p && (t.at < p.lastAt || (t.at === p.lastAt && t.orderSeq <= p.lastOrderSeq))) return null;
  const running = p ? { ...p.running } : flatPosition();
  applyFill(running, t.side, t.price, t.quantity);
  const exchange = p?.exchange ?? 0;
  const otc = p?.otc ?? 0;
  return {
    book: t.book,
    instrumentId: t.instrumentId,
    period: p?.period ?? t.period,
    running,
    exchange: t.source === 'exchange' ? tidy(exchange + signed(t)) : exchange,
    otc: t.source === 'otc' ? tidy(otc + signed(t)) : otc,
    lastAt: t.at,
    lastOrderSeq: t.orderSeq,
    lastSeq: seq,
  };
}

/** A position folded afresh from all its trades; null when it has none left. */
export function foldPosition(
  trades: readonly PositionTrade[],
  seq: number,
): ProjectedPosition | null {
  let p: ProjectedPosition | null = null;
  for (const t of [...trades].sort(before)) p = continuePosition(p, t, seq);
  return p && { ...p, lastSeq: seq };
}

/** What the projection has loaded of the tables; a key or deal absent has not been read yet. */
export interface LoadedState {
  positions: ReadonlyMap<string, ProjectedPosition | null>;
  /** Every trade of a position, for the positions that must be folded again. */
  trades: ReadonlyMap<string, readonly PositionTrade[]>;
  /** Each deal's current contribution (null: none, it is voided or was never live). */
  deals: ReadonlyMap<string, PositionTrade | null>;
}

export interface Needs {
  positions: Set<string>;
  trades: Set<string>;
  deals: Set<string>;
}

export interface ProjectionChanges {
  /** Positions to write, and keys of positions that no longer have trades. */
  positions: ProjectedPosition[];
  removedPositions: string[];
  addedTrades: PositionTrade[];
  /** Deal contributions replaced or voided: their rows go before `addedTrades` are written. */
  removedDeals: string[];
  books: string[];
  lastTrades: { instrumentId: string; price: number; at: number; seq: number }[];
  watermark: number;
}

export type ProjectionOutcome =
  { kind: 'needs'; needs: Needs } | { kind: 'done'; changes: ProjectionChanges };

/**
 * Applies events (in outbox order) to what is loaded. When it lacks a position, a
 * position's trades or a deal's contribution, it says which, and the caller loads them
 * and asks again; nothing loaded is changed in place.
 */
export function applyEvents(
  state: LoadedState,
  events: readonly TradingEvent[],
  rules: PeriodRules,
  watermark: number,
): ProjectionOutcome {
  const needs: Needs = { positions: new Set(), trades: new Set(), deals: new Set() };
  const positions = new Map(state.positions);
  const trades = new Map<string, PositionTrade[]>();
  const deals = new Map(state.deals);
  const refold = new Map<string, number>();
  const added: PositionTrade[] = [];
  const books = new Set<string>();
  const lastTrades = new Map<string, ProjectionChanges['lastTrades'][number]>();
  let mark = watermark;

  const tradesOf = (key: string): PositionTrade[] | undefined => {
    let list = trades.get(key);
    if (!list) {
      const loaded = state.trades.get(key);
      if (!loaded) return undefined;
      list = [...loaded];
      trades.set(key, list);
    }
    return list;
  };
  const remove = (t: PositionTrade, seq: number): void => {
    const key = keyOf(t);
    const list = tradesOf(key);
    if (!list) return void needs.trades.add(key);
    const at = list.findIndex((x) => x.source === t.source && x.ref === t.ref);
    if (at >= 0) list.splice(at, 1);
    refold.set(key, seq);
  };
  const add = (t: PositionTrade, seq: number): void => {
    const key = keyOf(t);
    added.push(t);
    const list = tradesOf(key);
    list?.push(t);
    if (refold.has(key)) return void refold.set(key, seq);
    if (!positions.has(key)) return void needs.positions.add(key);
    const next = continuePosition(positions.get(key) ?? null, t, seq);
    if (next) return void positions.set(key, next);
    if (!list) return void needs.trades.add(key);
    refold.set(key, seq);
  };

  for (const e of events) {
    if (e.seq <= mark) continue;
    mark = e.seq;
    if (e.kind === 'fill') {
      books.add(e.buyer).add(e.seller);
      const last = lastTrades.get(e.instrumentId);
      if (!last || e.executedAt >= last.at)
        lastTrades.set(e.instrumentId, {
          instrumentId: e.instrumentId,
          price: e.price,
          at: e.executedAt,
          seq: e.seq,
        });
      for (const t of fillTrades(e, rules)) add(t, e.seq);
      continue;
    }
    books.add(e.trader);
    if (!deals.has(e.dealId)) {
      needs.deals.add(e.dealId);
      continue;
    }
    const prior = deals.get(e.dealId) ?? null;
    const next = dealTrade(e, rules, prior);
    if (prior) remove(prior, e.seq);
    if (next) {
      // The position the deal moves into is folded again too: its place in the fold is its capture.
      const key = keyOf(next);
      if (!tradesOf(key)) needs.trades.add(key);
      else refold.set(key, e.seq);
      add(next, e.seq);
    }
    deals.set(e.dealId, next);
  }

  if (needs.positions.size + needs.trades.size + needs.deals.size > 0)
    return { kind: 'needs', needs };

  for (const [key, seq] of refold) positions.set(key, foldPosition(trades.get(key) ?? [], seq));
  const touched = [...positions.entries()].filter(([key, p]) => state.positions.get(key) !== p);
  const removedDeals = [...deals.keys()].filter((id) => state.deals.get(id) !== deals.get(id));
  const liveDealRefs = new Set(removedDeals.filter((id) => deals.get(id)));
  return {
    kind: 'done',
    changes: {
      positions: touched.flatMap(([, p]) => (p ? [p] : [])),
      removedPositions: touched
        .filter(([key, p]) => !p && state.positions.get(key))
        .map(([key]) => key),
      // A deal amended twice in one batch is written once, with its last version.
      addedTrades: added.filter(
        (t) => t.source === 'exchange' || (liveDealRefs.has(t.ref) && deals.get(t.ref) === t),
      ),
      removedDeals,
      books: [...books],
      lastTrades: [...lastTrades.values()],
      watermark: mark,
    },
  };
}
