import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.js';
import { marketDataDb } from './tables.js';

export interface TickRangeRules {
  /** Largest absolute price per instrument unit; other units get `defaultPriceLimit`. */
  priceLimitByUnit: Readonly<Record<string, number>>;
  defaultPriceLimit: number;
  quantityLimit: number;
  earliest: Date;
  latest: Date;
}

export interface QuarantinedTick {
  instrumentId: string;
  time: number;
  reason: string;
}

/**
 * Moves every stored tick outside the rules into md_ticks_quarantine with the first rule
 * it breaks, in one statement: the ticks leave md_ticks and enter the quarantine
 * together. Scans the whole table, so it runs once per database (see `md_repairs`).
 */
export async function quarantineOutOfRangeTicks(
  ex: Db,
  rules: TickRangeRules,
): Promise<QuarantinedTick[]> {
  const units = Object.keys(rules.priceLimitByUnit);
  const limits = units.map((u) => String(rules.priceLimitByUnit[u]));
  const result = await sql<{ instrument_id: string; ts: Date; reason: string }>`
    with limits(unit, price_limit) as (
      select * from unnest(${units}::text[], ${limits}::numeric[])
    ),
    bad as (
      select t.instrument_id, t.ts, t.delivery_start, t.delivery_end, t.price, t.volume, t.source,
        case
          when t.price = 'NaN'::numeric
            or abs(t.price) > coalesce(l.price_limit, ${String(rules.defaultPriceLimit)}::numeric)
            then 'price_out_of_range'
          when t.volume = 'NaN'::numeric or t.volume < 0 or t.volume > ${String(rules.quantityLimit)}::numeric
            then 'volume_out_of_range'
          when t.ts < ${rules.earliest.toISOString()}::timestamptz
            or t.ts >= ${rules.latest.toISOString()}::timestamptz
            then 'time_out_of_range'
        end as reason
      from md_ticks t
      left join md_instruments i on i.id = t.instrument_id
      left join limits l on l.unit = i.unit
    ),
    moved as (
      delete from md_ticks t using bad b
      where b.reason is not null and t.instrument_id = b.instrument_id and t.ts = b.ts
        and t.delivery_start = b.delivery_start
      returning b.instrument_id, b.ts, b.delivery_start, b.delivery_end, b.price, b.volume,
        b.source, b.reason
    )
    insert into md_ticks_quarantine
      (instrument_id, ts, delivery_start, delivery_end, price, volume, source, reason)
    select instrument_id, ts, delivery_start, delivery_end, price, volume, source, reason
    from moved
    returning instrument_id, ts, reason`.execute(ex);
  return result.rows.map((r) => ({
    instrumentId: r.instrument_id,
    time: new Date(r.ts).getTime(),
    reason: r.reason,
  }));
}

/** Drops the hourly bars of the hours that held the ticks, so a rebuild leaves no bar of an emptied hour. */
export async function dropHourlyBars(
  ex: Db,
  hours: readonly { instrumentId: string; bucket: number }[],
): Promise<void> {
  if (hours.length === 0) return;
  await sql`
    delete from md_bars_hourly b
    using unnest(${hours.map((h) => h.instrumentId)}::text[],
      ${hours.map((h) => new Date(h.bucket).toISOString())}::timestamptz[]) as h(instrument_id, bucket)
    where b.instrument_id = h.instrument_id and b.bucket = h.bucket`.execute(ex);
}

export async function repairDone(ex: Db, name: string): Promise<boolean> {
  const row = await marketDataDb(ex)
    .selectFrom('md_repairs')
    .select('name')
    .where('name', '=', name)
    .executeTakeFirst();
  return row !== undefined;
}

export async function recordRepair(ex: Db, name: string, detail: unknown): Promise<void> {
  await marketDataDb(ex)
    .insertInto('md_repairs')
    .values({ name, detail: JSON.stringify(detail) })
    .execute();
}

/** Serialises repairs across instances starting at once; held to the end of the transaction. */
export async function lockRepairs(ex: Db): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext('md_repairs'))`.execute(ex);
}
