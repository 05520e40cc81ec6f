import type { Db } from '../../platform/db/database.js';
import { HOUR_MS } from './domain/hour-ranges.js';
import {
  EARLIEST_INSTANT_MS,
  LATEST_INSTANT_MS,
  PRICE_LIMIT,
  PRICE_LIMIT_BY_UNIT,
  QUANTITY_LIMIT,
} from './domain/ranges.js';
import { refreshHourlyBars } from './repo-bars.js';
import {
  dropHourlyBars,
  lockRepairs,
  quarantineOutOfRangeTicks,
  recordRepair,
  repairDone,
} from './repo-quarantine.js';

export const TICK_RANGE_REPAIR = 'quarantine_out_of_range_ticks';

export interface TickRangeRepair {
  quarantined: number;
  byReason: Record<string, number>;
  hoursRebuilt: number;
}

/**
 * Ticks stored before the range checks existed are moved aside once per database: every
 * tick outside `domain/ranges.ts` goes to md_ticks_quarantine with its reason, and the
 * hourly bars of the hours it sat in are rebuilt from the ticks left, all in one
 * transaction. Returns undefined when the repair has already run.
 */
export async function quarantineLegacyTicks(db: Db): Promise<TickRangeRepair | undefined> {
  return db.transaction().execute(async (trx) => {
    await lockRepairs(trx);
    if (await repairDone(trx, TICK_RANGE_REPAIR)) return undefined;
    const moved = await quarantineOutOfRangeTicks(trx, {
      priceLimitByUnit: PRICE_LIMIT_BY_UNIT,
      defaultPriceLimit: PRICE_LIMIT,
      quantityLimit: QUANTITY_LIMIT,
      earliest: new Date(EARLIEST_INSTANT_MS),
      latest: new Date(LATEST_INSTANT_MS),
    });
    const hours = new Map<string, { instrumentId: string; bucket: number }>();
    const byReason: Record<string, number> = {};
    for (const tick of moved) {
      const bucket = Math.floor(tick.time / HOUR_MS) * HOUR_MS;
      hours.set(`${tick.instrumentId}\n${bucket}`, { instrumentId: tick.instrumentId, bucket });
      byReason[tick.reason] = (byReason[tick.reason] ?? 0) + 1;
    }
    await dropHourlyBars(trx, [...hours.values()]);
    await refreshHourlyBars(trx, moved);
    const repair = { quarantined: moved.length, byReason, hoursRebuilt: hours.size };
    await recordRepair(trx, TICK_RANGE_REPAIR, repair);
    return repair;
  });
}
