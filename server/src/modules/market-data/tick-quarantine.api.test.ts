import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test-support/harness.js';
import { refreshHourlyBars } from './repo-bars.js';
import { quarantineLegacyTicks, TICK_RANGE_REPAIR } from './service-repairs.js';

const POWER = 'PWR-DE-LU-FUT-M-BASE'; // MWh: prices up to 1,000,000
const NBP = 'GAS-NBP-DA'; // therm: prices up to 100,000

interface Row {
  instrumentId: string;
  ts: string;
  price: string;
  volume: string;
}

/**
 * A database written before the range checks: poisoned ticks went straight into the
 * table and into the hourly bars. The one-off repair moves them aside with a reason and
 * rebuilds only the bars they touched.
 */
describe('quarantine of out-of-range ticks stored before the range checks', () => {
  let t: TestApp;
  const db = () => t.platform.dbs.db;

  async function storeAsOfOld(rows: Row[]): Promise<void> {
    for (const month of new Set(rows.map((r) => r.ts.slice(0, 7))))
      await sql`select md_ensure_tick_partition(${`${month}-01T00:00:00Z`}::timestamptz)`.execute(
        db(),
      );
    for (const r of rows)
      await sql`insert into md_ticks (instrument_id, ts, delivery_start, delivery_end, price, volume, source)
        values (${r.instrumentId}, ${r.ts}::timestamptz, '2027-01-01T00:00:00Z', '2027-02-01T00:00:00Z',
          ${r.price}::numeric, ${r.volume}::numeric, 'legacy')`.execute(db());
    await refreshHourlyBars(
      db(),
      rows.map((r) => ({ instrumentId: r.instrumentId, time: Date.parse(r.ts) })),
    );
  }

  const bar = async (instrumentId: string, bucket: string) =>
    (
      await sql<{ high: string; low: string; volume: string; tick_count: number }>`
        select high::text, low::text, volume::text, tick_count from md_bars_hourly
        where instrument_id = ${instrumentId} and bucket = ${bucket}::timestamptz`.execute(db())
    ).rows[0];

  beforeAll(async () => {
    t = await startTestApp();
    // Start-up already ran the repair on the empty database; run it again over legacy rows.
    const done = await sql<{ n: number }>`
      select count(*)::int as n from md_repairs where name = ${TICK_RANGE_REPAIR}`.execute(db());
    expect(done.rows[0]?.n).toBe(1);
    await sql`delete from md_repairs`.execute(db());
    await storeAsOfOld([
      { instrumentId: POWER, ts: '2026-11-02T10:05:00Z', price: '85.5', volume: '5' },
      { instrumentId: POWER, ts: '2026-11-02T10:20:00Z', price: '1e300', volume: '5' },
      { instrumentId: POWER, ts: '2026-11-02T10:40:00Z', price: '84', volume: '-3' },
      { instrumentId: POWER, ts: '2026-11-02T11:10:00Z', price: '500000', volume: '1' },
      { instrumentId: POWER, ts: '2026-11-02T12:10:00Z', price: '88', volume: '1e15' },
      { instrumentId: NBP, ts: '2026-11-02T10:10:00Z', price: '0.95', volume: '100' },
      { instrumentId: NBP, ts: '2026-11-02T10:30:00Z', price: '500000', volume: '100' },
      { instrumentId: POWER, ts: '1850-06-01T00:00:00Z', price: '80', volume: '1' },
    ]);
  });
  afterAll(async () => {
    await t.close();
  });

  it('moves each out-of-range tick aside with the first rule it breaks, and keeps the rest', async () => {
    const repair = await quarantineLegacyTicks(db());
    expect(repair).toEqual({
      quarantined: 5,
      byReason: { price_out_of_range: 2, volume_out_of_range: 2, time_out_of_range: 1 },
      hoursRebuilt: 4,
    });
    const quarantined = await sql<{ instrument_id: string; price: string; reason: string }>`
      select instrument_id, price::text, reason from md_ticks_quarantine order by ts, instrument_id`.execute(
      db(),
    );
    expect(quarantined.rows.map((r) => [r.instrument_id, r.reason])).toEqual([
      [POWER, 'time_out_of_range'],
      [POWER, 'price_out_of_range'],
      [NBP, 'price_out_of_range'],
      [POWER, 'volume_out_of_range'],
      [POWER, 'volume_out_of_range'],
    ]);
    const left = await sql<{ instrument_id: string; price: string }>`
      select instrument_id, price::text from md_ticks order by ts, instrument_id`.execute(db());
    // 500,000 is a possible price per MWh, not per therm.
    expect(left.rows).toEqual([
      { instrument_id: POWER, price: '85.5' },
      { instrument_id: NBP, price: '0.95' },
      { instrument_id: POWER, price: '500000' },
    ]);
  });

  it('rebuilds the bars the poisoned ticks sat in from the ticks left, and drops emptied hours', async () => {
    expect(await bar(POWER, '2026-11-02T10:00:00Z')).toEqual({
      high: '85.5',
      low: '85.5',
      volume: '5',
      tick_count: 1,
    });
    expect(await bar(NBP, '2026-11-02T10:00:00Z')).toMatchObject({ high: '0.95', tick_count: 1 });
    expect(await bar(POWER, '2026-11-02T11:00:00Z')).toMatchObject({ high: '500000' });
    expect(await bar(POWER, '2026-11-02T12:00:00Z')).toBeUndefined();
    expect(await bar(POWER, '1850-06-01T00:00:00Z')).toBeUndefined();
  });

  it('runs once per database', async () => {
    expect(await quarantineLegacyTicks(db())).toBeUndefined();
    const recorded = await sql<{ detail: { quarantined: number } }>`
      select detail from md_repairs where name = ${TICK_RANGE_REPAIR}`.execute(db());
    expect(recorded.rows[0]?.detail.quarantined).toBe(5);
  });
});
