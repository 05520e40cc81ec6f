import { sql } from 'kysely';
import type { Instrument } from './domain/instrument.js';
import type { LoadObservation, SettlementPrice, WeatherObservation } from './domain/tick.js';
import type { Executor } from './repo-ticks.js';
import { marketDataDb } from './tables.js';

/** SQL for everything beside ticks: catalogue, settlements, curves, weather, grid actuals. */

export interface CurveVersionRow {
  curve_id: string;
  as_of: string;
  instrument_id: string;
  commodity: string;
  area: string;
  currency: string;
  unit: string;
}

export interface CurvePointRow {
  tenor: string;
  start: Date;
  end: Date;
  price: number;
}

export interface StoredCurvePoint {
  tenor: string;
  start: number;
  end: number;
  price: number;
}

export type WeatherKind = 'observation' | 'forecast';

const AS_OF = sql<string>`to_char(as_of, 'YYYY-MM-DD')`;

export function createSeriesRepo() {
  return {
    async upsertInstruments(ex: Executor, instruments: readonly Instrument[]): Promise<void> {
      if (instruments.length === 0) return;
      await marketDataDb(ex)
        .insertInto('md_instruments')
        .values(
          instruments.map((i) => ({
            id: i.id,
            name: i.name,
            commodity: i.commodity,
            area: i.area,
            venue: i.venue,
            unit: i.unit,
            currency: i.currency,
            tick_size: i.tickSize,
            lot_size: i.lotSize,
            time_zone: i.timeZone,
            delivery_period: i.deliveryPeriod,
            load_shape: i.loadShape,
            day_start_hour: i.dayStartHour,
          })),
        )
        .onConflict((oc) =>
          oc.column('id').doUpdateSet((eb) => ({
            name: eb.ref('excluded.name'),
            commodity: eb.ref('excluded.commodity'),
            area: eb.ref('excluded.area'),
            venue: eb.ref('excluded.venue'),
            unit: eb.ref('excluded.unit'),
            currency: eb.ref('excluded.currency'),
            tick_size: eb.ref('excluded.tick_size'),
            lot_size: eb.ref('excluded.lot_size'),
            time_zone: eb.ref('excluded.time_zone'),
            delivery_period: eb.ref('excluded.delivery_period'),
            load_shape: eb.ref('excluded.load_shape'),
            day_start_hour: eb.ref('excluded.day_start_hour'),
            updated_at: sql<Date>`now()`,
          })),
        )
        .execute();
    },

    async upsertSettlements(
      ex: Executor,
      rows: readonly SettlementPrice[],
      source: string,
    ): Promise<number> {
      if (rows.length === 0) return 0;
      const result = await marketDataDb(ex)
        .insertInto('md_settlements')
        .values(
          rows.map((s) => ({
            instrument_id: s.instrumentId,
            trade_date: s.tradeDate,
            delivery_start: new Date(s.deliveryStart),
            delivery_end: new Date(s.deliveryEnd),
            price: s.price,
            currency: s.currency,
            unit: s.unit,
            source,
          })),
        )
        .onConflict((oc) =>
          oc.columns(['instrument_id', 'trade_date', 'delivery_start']).doUpdateSet((eb) => ({
            price: eb.ref('excluded.price'),
            source: eb.ref('excluded.source'),
          })),
        )
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0);
    },

    async settlements(ex: Executor, instrumentId: string, from: string, to: string) {
      return marketDataDb(ex)
        .selectFrom('md_settlements')
        .select([
          'instrument_id',
          sql<string>`to_char(trade_date, 'YYYY-MM-DD')`.as('trade_date'),
          'delivery_start',
          'delivery_end',
          sql<number>`price::float8`.as('price'),
          'currency',
          'unit',
        ])
        .where('instrument_id', '=', instrumentId)
        .where('trade_date', '>=', from)
        .where('trade_date', '<=', to)
        .orderBy('trade_date')
        .orderBy('delivery_start')
        .execute();
    },

    /** Replaces one as-of version of a curve with the given points. */
    async saveCurve(ex: Executor, version: CurveVersionRow, points: readonly StoredCurvePoint[]) {
      await marketDataDb(ex)
        .deleteFrom('md_curves')
        .where('curve_id', '=', version.curve_id)
        .where('as_of', '=', version.as_of)
        .execute();
      await marketDataDb(ex).insertInto('md_curves').values(version).execute();
      if (points.length === 0) return;
      await marketDataDb(ex)
        .insertInto('md_curve_points')
        .values(
          points.map((p) => ({
            curve_id: version.curve_id,
            as_of: version.as_of,
            tenor: p.tenor,
            delivery_start: new Date(p.start),
            delivery_end: new Date(p.end),
            price: p.price,
          })),
        )
        .execute();
    },

    async curveVersions(ex: Executor) {
      return marketDataDb(ex)
        .selectFrom('md_curves')
        .select(['curve_id', AS_OF.as('as_of'), 'instrument_id', 'commodity', 'area'])
        .orderBy('curve_id')
        .orderBy('as_of')
        .execute();
    },

    /** The latest version of a curve marked on or before `asOf`. */
    async curveAsOf(
      ex: Executor,
      curveId: string,
      asOf: string,
    ): Promise<CurveVersionRow | undefined> {
      return marketDataDb(ex)
        .selectFrom('md_curves')
        .select([
          'curve_id',
          AS_OF.as('as_of'),
          'instrument_id',
          'commodity',
          'area',
          'currency',
          'unit',
        ])
        .where('curve_id', '=', curveId)
        .where('as_of', '<=', asOf)
        .orderBy('as_of', 'desc')
        .limit(1)
        .executeTakeFirst();
    },

    async curvePoints(ex: Executor, curveId: string, asOf: string): Promise<CurvePointRow[]> {
      return marketDataDb(ex)
        .selectFrom('md_curve_points')
        .select([
          'tenor',
          'delivery_start as start',
          'delivery_end as end',
          sql<number>`price::float8`.as('price'),
        ])
        .where('curve_id', '=', curveId)
        .where('as_of', '=', asOf)
        .orderBy('delivery_start')
        .orderBy(sql`delivery_end - delivery_start`)
        .execute();
    },

    async upsertWeather(
      ex: Executor,
      rows: readonly WeatherObservation[],
      kind: WeatherKind,
      source: string,
    ): Promise<void> {
      if (rows.length === 0) return;
      await marketDataDb(ex)
        .insertInto('md_weather')
        .values(
          rows.map((w) => ({
            location: w.area,
            ts: new Date(w.time),
            kind,
            temperature: w.temperatureC,
            wind_speed: w.windSpeedMs,
            irradiance: w.solarIrradianceWm2,
            source,
          })),
        )
        .onConflict((oc) =>
          oc.columns(['location', 'kind', 'ts']).doUpdateSet((eb) => ({
            temperature: eb.ref('excluded.temperature'),
            wind_speed: eb.ref('excluded.wind_speed'),
            irradiance: eb.ref('excluded.irradiance'),
            source: eb.ref('excluded.source'),
          })),
        )
        .execute();
    },

    async weather(ex: Executor, location: string, from: Date, to: Date, kind?: WeatherKind) {
      let q = marketDataDb(ex)
        .selectFrom('md_weather')
        .select(['ts', 'kind', 'temperature', 'wind_speed', 'irradiance'])
        .where('location', '=', location)
        .where('ts', '>=', from)
        .where('ts', '<', to);
      if (kind) q = q.where('kind', '=', kind);
      return q.orderBy('ts').orderBy('kind').execute();
    },

    async upsertLoad(
      ex: Executor,
      rows: readonly LoadObservation[],
      source: string,
    ): Promise<void> {
      if (rows.length === 0) return;
      await marketDataDb(ex)
        .insertInto('md_grid_actuals')
        .values(
          rows.map((l) => ({
            area: l.area,
            series: 'load',
            ts: new Date(l.time),
            minutes: l.minutes,
            value: l.loadMw,
            source,
          })),
        )
        .onConflict((oc) =>
          oc.columns(['area', 'series', 'ts']).doUpdateSet((eb) => ({
            value: eb.ref('excluded.value'),
            minutes: eb.ref('excluded.minutes'),
            source: eb.ref('excluded.source'),
          })),
        )
        .execute();
    },

    async load(ex: Executor, area: string, from: Date, to: Date) {
      return marketDataDb(ex)
        .selectFrom('md_grid_actuals')
        .select(['ts', 'value'])
        .where('area', '=', area)
        .where('series', '=', 'load')
        .where('ts', '>=', from)
        .where('ts', '<', to)
        .orderBy('ts')
        .execute();
    },
  };
}

export type SeriesRepo = ReturnType<typeof createSeriesRepo>;
