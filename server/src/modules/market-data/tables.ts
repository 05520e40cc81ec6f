import type { ColumnType, Generated, Kysely } from 'kysely';
import type { Db } from '../../platform/db/database.js';

/**
 * The market-data module's tables as Kysely sees them, kept here so the module owns
 * its row types; `marketDataDb` types a platform handle with them. NUMERIC columns
 * read back as strings.
 */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
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

/** Ticks stored before the range checks that fall outside them, moved aside once with the reason. */
export interface MdTicksQuarantineTable extends MdTicksTable {
  reason: string;
  quarantined_at: Generated<Date>;
}

/** One-off repairs that have run on this database. */
export interface MdRepairsTable {
  name: string;
  done_at: Generated<Date>;
  detail: ColumnType<unknown, string, string>;
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

export interface MarketDataTables {
  md_instruments: MdInstrumentsTable;
  md_ticks: MdTicksTable;
  md_ticks_quarantine: MdTicksQuarantineTable;
  md_repairs: MdRepairsTable;
  md_bars_hourly: MdBarsHourlyTable;
  md_settlements: MdSettlementsTable;
  md_curves: MdCurvesTable;
  md_curve_points: MdCurvePointsTable;
  md_weather: MdWeatherTable;
  md_grid_actuals: MdGridActualsTable;
}

export type MarketDataDb = Kysely<MarketDataTables>;

/** The platform's connection (or a transaction on it) typed with the market-data tables. */
export const marketDataDb = (db: Db): MarketDataDb => db as unknown as MarketDataDb;
