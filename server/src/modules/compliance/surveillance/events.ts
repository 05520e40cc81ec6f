/**
 * What surveillance watches, in the desk's words. Every event has an `id` (what an
 * alert cites as evidence) and `at` (epoch milliseconds, the clock of the log: the
 * detectors read no other clock, so replaying a log gives the same alerts). A stream
 * is ordered by `at`, ties in log order.
 */
export type Side = 'buy' | 'sell';

export const opposite = (side: Side): Side => (side === 'buy' ? 'sell' : 'buy');

/** A trading account and the person or firm that ultimately owns what it trades. */
export interface Party {
  account: string;
  beneficialOwner: string;
  /** The order that traded, when the source knows it (the outbox does not). */
  orderId: string | null;
}

export interface OrderPlaced {
  kind: 'order_placed';
  id: string;
  at: number;
  instrumentId: string;
  orderId: string;
  account: string;
  beneficialOwner: string;
  side: Side;
  /** Null for a market order. */
  price: number | null;
  quantity: number;
}

export interface OrderModified {
  kind: 'order_modified';
  id: string;
  at: number;
  instrumentId: string;
  orderId: string;
  account: string;
  price: number;
  /** What is left to trade after the change. */
  remaining: number;
}

export interface OrderCancelled {
  kind: 'order_cancelled';
  id: string;
  at: number;
  instrumentId: string;
  orderId: string;
  account: string;
  /** The quantity withdrawn from the book. */
  quantity: number;
}

export interface Fill {
  kind: 'fill';
  id: string;
  at: number;
  instrumentId: string;
  tradeId: string;
  price: number;
  quantity: number;
  buyer: Party;
  seller: Party;
  /** The side that crossed the spread; null when the source does not say. */
  aggressor: Side | null;
}

/**
 * The minutes in which an instrument's settlement (closing) price is set. The event
 * arrives when the window closes; `settlementPrice` is the published price when the
 * source has one, else detectors take the volume-weighted price of the window's fills.
 */
export interface SettlementWindow {
  kind: 'settlement_window';
  id: string;
  at: number;
  instrumentId: string;
  opensAt: number;
  closesAt: number;
  settlementPrice: number | null;
}

/**
 * A registered piece of inside information (REMIT art. 4): which products it affects,
 * who was on the insider list, and when it was made public. It may arrive at
 * registration or at publication; detectors judge the trading before `publishedAt`.
 */
export interface InsideInformation {
  kind: 'inside_information';
  id: string;
  at: number;
  instrumentIds: readonly string[];
  registeredAt: number;
  publishedAt: number;
  insiders: readonly string[];
}

/** A price print from an incoming market data feed (a venue, a broker screen). */
export interface MarketPrice {
  kind: 'market_price';
  id: string;
  at: number;
  instrumentId: string;
  source: string;
  price: number;
}

export type SurveillanceEvent =
  | OrderPlaced
  | OrderModified
  | OrderCancelled
  | Fill
  | SettlementWindow
  | InsideInformation
  | MarketPrice;

/** The account on a side of a fill. */
export const partyOn = (fill: Fill, side: Side): Party =>
  side === 'buy' ? fill.buyer : fill.seller;
