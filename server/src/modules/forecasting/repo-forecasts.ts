import { sql } from 'kysely';
import { forecastingDb, type Executor } from './tables.js';

export interface HourlyForecast {
  deliveryDay: string;
  hour: number;
  value: number;
  lower: number | null;
  upper: number | null;
}

const finiteOrNull = (v: number | null): number | null =>
  v !== null && Number.isFinite(v) ? v : null;
// A walk-forward of two years is 17,472 hours; 6 parameters a row stays under the bind limit.
const CHUNK = 2_000;

const stored = (ex: Executor, modelId: string) =>
  forecastingDb(ex)
    .selectFrom('fc_forecasts')
    .select([sql<string>`delivery_day::text`.as('day'), 'hour', 'value', 'lower', 'upper'])
    .where('model_id', '=', modelId)
    .orderBy('delivery_day')
    .orderBy('hour');

const toForecast = (r: {
  day: string;
  hour: number;
  value: number;
  lower: number | null;
  upper: number | null;
}): HourlyForecast => ({
  deliveryDay: r.day,
  hour: r.hour,
  value: r.value,
  lower: r.lower,
  upper: r.upper,
});

export function createForecastRepo() {
  return {
    /** Re-forecasting a day replaces what the same model said before. */
    async upsert(
      ex: Executor,
      modelId: string,
      target: string,
      rows: readonly HourlyForecast[],
    ): Promise<void> {
      for (let i = 0; i < rows.length; i += CHUNK) {
        await forecastingDb(ex)
          .insertInto('fc_forecasts')
          .values(
            rows.slice(i, i + CHUNK).map((r) => ({
              model_id: modelId,
              target,
              delivery_day: r.deliveryDay,
              hour: r.hour,
              value: r.value,
              lower: finiteOrNull(r.lower),
              upper: finiteOrNull(r.upper),
            })),
          )
          .onConflict((oc) =>
            oc.columns(['model_id', 'delivery_day', 'hour']).doUpdateSet((eb) => ({
              value: eb.ref('excluded.value'),
              lower: eb.ref('excluded.lower'),
              upper: eb.ref('excluded.upper'),
            })),
          )
          .execute();
      }
    },

    async between(
      ex: Executor,
      modelId: string,
      from: string,
      to: string,
    ): Promise<HourlyForecast[]> {
      const rows = await stored(ex, modelId)
        .where('delivery_day', '>=', from)
        .where('delivery_day', '<=', to)
        .execute();
      return rows.map(toForecast);
    },

    /** Every stored forecast of a model: its walk-forward test days and the days it served since. */
    async all(ex: Executor, modelId: string): Promise<HourlyForecast[]> {
      return (await stored(ex, modelId).execute()).map(toForecast);
    },
  };
}

export type ForecastRepo = ReturnType<typeof createForecastRepo>;
