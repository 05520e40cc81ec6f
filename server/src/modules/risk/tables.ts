import type { ColumnType, Generated, Kysely } from 'kysely';

/**
 * The risk module's tables as Kysely sees them; the module owns its row types, as the
 * trading module does. NUMERIC comes back as a string.
 */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T> = ColumnType<T, string, string>;

export interface RiskBooksRow {
  book: string;
  first_seen: Generated<Date>;
}

/** One factor exposure of a VaR run: currency P&L per unit move, at the price of the run. */
export interface RunExposure {
  instrumentId: string;
  delta: number;
  price: number;
}

export interface RiskVarRunsRow {
  id: Generated<string>;
  book: string | null;
  method: 'historical' | 'parametric' | 'montecarlo';
  confidence: number;
  horizon_days: number;
  var: number;
  es: number;
  currency: string;
  positions: number;
  factors: number;
  warnings: Json<string[]>;
  exposures: Json<RunExposure[]>;
  requested_by: string;
  created_at: Timestamp;
}

export interface RiskLimitsRow {
  id: Generated<string>;
  name: string;
  kind: 'var' | 'position' | 'notional' | 'stop_loss';
  scope: 'desk' | 'book';
  book: string | null;
  instrument_id: string | null;
  threshold: ColumnType<string, string | number, string | number>;
  severity: 'hard' | 'soft';
  active: Generated<boolean>;
  created_by: string;
  created_at: Timestamp;
}

export interface RiskAlertsRow {
  id: Generated<string>;
  limit_id: string;
  limit_name: string;
  kind: 'breach' | 'cleared' | 'refused';
  severity: string;
  book: string | null;
  value: number;
  threshold: number;
  message: string;
  created_at: Timestamp;
}

/** An option on a futures contract held by a book (migration 0031). */
export interface RiskOptionPositionsRow {
  id: Generated<string>;
  book: string;
  underlying: string;
  option_type: 'call' | 'put';
  strike: ColumnType<string, string | number, string | number>;
  expires_at: Timestamp;
  quantity: ColumnType<string, string | number, string | number>;
  volatility: number;
  rate: number;
  active: Generated<boolean>;
  created_by: string;
  created_at: Timestamp;
}

export interface RiskTables {
  risk_books: RiskBooksRow;
  risk_option_positions: RiskOptionPositionsRow;
  risk_var_runs: RiskVarRunsRow;
  risk_limits: RiskLimitsRow;
  risk_alerts: RiskAlertsRow;
}

export type RiskDb = Kysely<RiskTables>;

/** The platform's connection (or a transaction on it) typed with the risk tables. */
export const riskDb = (db: RiskConnection): RiskDb => db as unknown as RiskDb;

/** Any connection or transaction of the platform; the risk tables are added by `riskDb`. */
export type RiskConnection = Kysely<object> | { withTables: unknown };
