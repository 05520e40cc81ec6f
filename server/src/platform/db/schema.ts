import type { ColumnType, Generated } from 'kysely';

/**
 * Table types for Kysely. Each module owns its tables; other modules reach them only
 * through that module's index.ts.
 */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<
  Date | null,
  Date | string | null | undefined,
  Date | string | null
>;

export interface UsersTable {
  id: Generated<string>;
  username: string;
  display_name: string;
  password_hash: string;
  roles: string[];
  disabled: Generated<boolean>;
  mfa_secret: string | null;
  mfa_enabled: Generated<boolean>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  last_login_at: NullableTimestamp;
}

export interface RefreshTokensTable {
  token_hash: string;
  family_id: string;
  user_id: string;
  issued_at: Generated<Date>;
  expires_at: Timestamp;
  used_at: NullableTimestamp;
  revoked_at: NullableTimestamp;
}

export interface ApiKeysTable {
  id: Generated<string>;
  owner_id: string;
  name: string;
  prefix: string;
  key_hash: string;
  scopes: string[];
  created_at: Generated<Date>;
  last_used_at: NullableTimestamp;
  revoked_at: NullableTimestamp;
}

export interface RolePoliciesTable {
  role: string;
  mfa_required: boolean;
  updated_at: Generated<Date>;
}

export interface LoginThrottleTable {
  username: string;
  failures: number;
  locked_until: NullableTimestamp;
  last_failure_at: Timestamp;
}

export interface AuditLogTable {
  seq: number;
  id: Generated<string>;
  at: Timestamp;
  actor: string;
  action: string;
  target: string | null;
  request_id: string | null;
  ip: string | null;
  details: ColumnType<Record<string, unknown>, string, string>;
  prev_hash: string;
  hash: string;
}

/** Market-data tables (modules/market-data). NUMERIC columns read back as strings. */
type Numeric = ColumnType<string, string | number, string | number>;

export interface MdInstrumentsTable {
  id: string;
  name: string;
  commodity: string;
  area: string;
  venue: string;
  unit: string;
  currency: string;
  tick_size: Numeric;
  lot_size: Numeric;
  time_zone: string;
  delivery_period: string;
  load_shape: string;
  day_start_hour: number;
  updated_at: Generated<Date>;
}

export interface MdTicksTable {
  instrument_id: string;
  ts: Timestamp;
  delivery_start: Timestamp;
  delivery_end: Timestamp;
  price: Numeric;
  volume: Numeric;
  source: string;
}

export interface MdBarsHourlyTable {
  instrument_id: string;
  bucket: Timestamp;
  open: Numeric;
  high: Numeric;
  low: Numeric;
  close: Numeric;
  volume: Numeric;
  tick_count: number;
}

export interface MdSettlementsTable {
  instrument_id: string;
  trade_date: ColumnType<string, string, string>;
  delivery_start: Timestamp;
  delivery_end: Timestamp;
  price: Numeric;
  currency: string;
  unit: string;
  source: string;
}

export interface MdCurvesTable {
  curve_id: string;
  as_of: ColumnType<string, string, string>;
  instrument_id: string;
  commodity: string;
  area: string;
  currency: string;
  unit: string;
  created_at: Generated<Date>;
}

export interface MdCurvePointsTable {
  curve_id: string;
  as_of: ColumnType<string, string, string>;
  tenor: string;
  delivery_start: Timestamp;
  delivery_end: Timestamp;
  price: Numeric;
}

export interface MdWeatherTable {
  location: string;
  ts: Timestamp;
  kind: 'observation' | 'forecast';
  temperature: number;
  wind_speed: number;
  irradiance: number;
  source: string;
}

export interface MdGridActualsTable {
  area: string;
  series: string;
  ts: Timestamp;
  minutes: number;
  value: number;
  source: string;
}

export interface Database {
  users: UsersTable;
  refresh_tokens: RefreshTokensTable;
  api_keys: ApiKeysTable;
  role_policies: RolePoliciesTable;
  login_throttle: LoginThrottleTable;
  audit_log: AuditLogTable;
  md_instruments: MdInstrumentsTable;
  md_ticks: MdTicksTable;
  md_bars_hourly: MdBarsHourlyTable;
  md_settlements: MdSettlementsTable;
  md_curves: MdCurvesTable;
  md_curve_points: MdCurvePointsTable;
  md_weather: MdWeatherTable;
  md_grid_actuals: MdGridActualsTable;
}
