import type { ColumnType, Generated, Kysely } from 'kysely';
import type { Db } from '../../platform/db/database.js';

/** The portfolio module's tables as Kysely sees them; NUMERIC comes back as a string. */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Numeric = ColumnType<string, string | number, string | number>;
/** BIGINT comes back as a string too (or a number, on some drivers). */
type Int8 = ColumnType<string | number, string | number, string | number>;

export type MasterAgreement = 'EFET' | 'ISDA' | 'none';

export interface CounterpartiesRow {
  id: Generated<string>;
  name: string;
  credit_limit: Numeric;
  currency: 'EUR' | 'GBP' | 'USD';
  master_agreement: MasterAgreement;
  created_by: string;
  created_at: Timestamp;
  updated_by: string;
  updated_at: Timestamp;
}

export interface PositionTradesRow {
  book: string;
  source: 'exchange' | 'otc';
  ref: string;
  version: number;
  instrument_id: string;
  period: string;
  first_day: string;
  last_day: string;
  side: 'buy' | 'sell';
  price: Numeric;
  quantity: Numeric;
  at_ms: Int8;
  order_seq: Int8;
}

export interface PositionsRow {
  book: string;
  instrument_id: string;
  period: string;
  first_day: string;
  last_day: string;
  net_quantity: Numeric;
  average_price: Numeric;
  realised_pnl: Numeric;
  exchange_quantity: Numeric;
  otc_quantity: Numeric;
  last_at_ms: Int8;
  last_order_seq: Int8;
  last_seq: Int8;
}

export interface LastTradesRow {
  instrument_id: string;
  price: Numeric;
  at_ms: Int8;
  seq: Int8;
}

export interface PortfolioTables {
  portfolio_counterparties: CounterpartiesRow;
  portfolio_position_trades: PositionTradesRow;
  portfolio_positions: PositionsRow;
  portfolio_books: { book: string };
  portfolio_last_trades: LastTradesRow;
  portfolio_projection: { name: string; last_seq: Int8 };
}

export type PortfolioDb = Kysely<PortfolioTables>;

/** The platform's connection (or a transaction on it) typed with the portfolio tables. */
export const portfolioDb = (db: Db): PortfolioDb => db as unknown as PortfolioDb;
