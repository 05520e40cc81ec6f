import type { ColumnType, Generated, Kysely } from 'kysely';
import type { Db } from '../../platform/db/database.js';

/** The portfolio module's tables as Kysely sees them; NUMERIC comes back as a string. */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Numeric = ColumnType<string, string | number, string | number>;

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

export interface PortfolioTables {
  portfolio_counterparties: CounterpartiesRow;
}

export type PortfolioDb = Kysely<PortfolioTables>;

/** The platform's connection (or a transaction on it) typed with the portfolio tables. */
export const portfolioDb = (db: Db): PortfolioDb => db as unknown as PortfolioDb;
