import type { Generated, Kysely } from 'kysely';
import type { DealStatus } from './domain/deal-lifecycle.js';

/**
 * The trading module's tables as Kysely sees them. They are added to the shared
 * database type with `withTables`, so the module owns its row types outright.
 * NUMERIC columns come back as strings and go in as strings or numbers.
 */
type Numeric = string;

export interface TradingBooksRow {
  instrument_id: string;
  gate_closure_ms: number | null;
}

export interface OrderCommandsRow {
  seq: Generated<number>;
  instrument_id: string;
  kind: string;
  order_id: string | null;
  payload: unknown;
  at_ms: number;
}

export interface BookSnapshotsRow {
  instrument_id: string;
  last_seq: number;
  /** A `StoredBook` (desk-state.ts) as JSON. */
  image: unknown;
  taken_at: Generated<Date>;
}

export interface OrdersRow {
  id: string;
  client_order_id: string;
  account: string;
  instrument_id: string;
  side: 'buy' | 'sell';
  type: 'limit' | 'market' | 'stop' | 'stop_limit';
  price: Numeric | null;
  stop_price: Numeric | null;
  quantity: Numeric;
  display_quantity: Numeric | null;
  filled_quantity: Numeric;
  filled_notional: Numeric;
  time_in_force: 'GTC' | 'GTD' | 'IOC' | 'FOK';
  expires_at: Date | null;
  post_only: boolean;
  status: string;
  reject_reason: string | null;
  created_at: Date;
  updated_at: Date;
  /** Canonical JSON of the terms as submitted, in ticks and lots; null for orders older than the column. */
  submitted_terms: string | null;
}

export interface TradesRow {
  id: string;
  instrument_id: string;
  price: Numeric;
  quantity: Numeric;
  aggressor_side: 'buy' | 'sell';
  buy_order_id: string;
  sell_order_id: string;
  buyer: string;
  seller: string;
  command_seq: number;
  executed_at: Date;
}

export interface PositionLimitsRow {
  account: string;
  instrument_id: string;
  max_net_quantity: Numeric;
}

export interface CreditLimitsRow {
  account: string;
  credit_limit: Numeric;
}

export interface AuctionsRow {
  id: Generated<string>;
  area: string;
  instrument_id: string;
  delivery_day: string;
  status: 'open' | 'cleared';
  gate_closure_at: Date;
  cleared_at: Date | null;
}

export interface AuctionCurvesRow {
  auction_id: string;
  account: string;
  hour: number;
  side: 'bid' | 'offer';
  steps: unknown;
  submitted_at: Date;
}

export interface AuctionResultsRow {
  auction_id: string;
  hour: number;
  cleared: boolean;
  price: Numeric | null;
  volume: Numeric;
  reason: string | null;
  allocations: unknown;
}

export interface DealFields {
  counterparty: string;
  instrument_id: string;
  side: 'buy' | 'sell';
  price: Numeric;
  quantity: Numeric;
  delivery_start: Date;
  delivery_end: Date;
  status: DealStatus;
  trader: string;
  updated_at: Date;
}

export interface DealsRow extends DealFields {
  id: Generated<string>;
  version: number;
}

export interface DealVersionsRow extends DealFields {
  deal_id: string;
  version: number;
  changed_by: string;
  /** Why the version was made, when its move requires one (cancel, void). */
  reason: string | null;
}

/** The outbox other modules read forward from (`trading_events`, filled by triggers). */
export interface TradingEventsRow {
  seq: Generated<string>;
  kind: 'fill' | 'deal_version';
  payload: unknown;
  recorded_at: Generated<Date>;
}

export type TradingTables = {
  trading_books: TradingBooksRow;
  order_commands: OrderCommandsRow;
  book_snapshots: BookSnapshotsRow;
  orders: OrdersRow;
  trades: TradesRow;
  trading_position_limits: PositionLimitsRow;
  trading_credit_limits: CreditLimitsRow;
  auctions: AuctionsRow;
  auction_curves: AuctionCurvesRow;
  auction_results: AuctionResultsRow;
  deals: DealsRow;
  deal_versions: DealVersionsRow;
  trading_events: TradingEventsRow;
};

export type TradingDb = Kysely<TradingTables>;

/** The platform's connection (or a transaction on it) typed with the trading tables. */
export const tradingDb = (db: Kysely<object> | { withTables: unknown }): TradingDb =>
  db as unknown as TradingDb;
