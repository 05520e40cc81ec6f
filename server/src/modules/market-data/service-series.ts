import type { Databases } from '../../platform/db/database.js';
import type { LoadObservation, SettlementPrice, WeatherObservation } from './domain/tick.js';
import type { SeriesRepo, WeatherKind } from './repo-series.js';

/** Writes of settlements, weather and load, each batch in one transaction. */
export function createSeriesWriter(deps: { dbs: Databases; series: SeriesRepo }) {
  const inTransaction = <T>(work: (trx: Databases['db']) => Promise<T>): Promise<T> =>
    deps.dbs.db.transaction().execute(work);
  return {
    saveSettlements: (rows: readonly SettlementPrice[], source: string) =>
      inTransaction((trx) => deps.series.upsertSettlements(trx, rows, source)),
    saveWeather: (rows: readonly WeatherObservation[], kind: WeatherKind, source: string) =>
      inTransaction((trx) => deps.series.upsertWeather(trx, rows, kind, source)),
    saveLoad: (rows: readonly LoadObservation[], source: string) =>
      inTransaction((trx) => deps.series.upsertLoad(trx, rows, source)),
  };
}

export type SeriesWriter = ReturnType<typeof createSeriesWriter>;
