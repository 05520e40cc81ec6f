import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabases, type Databases } from '../../platform/db/database.js';
import { migrate, readMigrations } from '../../platform/db/migrator.js';
import { createPositionsRepo } from './repo-positions.js';
import { createProjector } from './service-projector.js';

/**
 * A database from before the outbox: trades and deal versions already recorded. Migrating
 * it backfills trading's outbox, and the first catch-up builds the position table from it.
 */
describe('a database that predates the position table', () => {
  let dbs: Databases;
  beforeAll(async () => {
    dbs = await openDatabases({ dataDir: 'memory' });
    const all = readMigrations();
    await migrate(
      dbs.db,
      all.filter((m) => m.version < 12),
    );
    await sql`
      insert into trades (id, instrument_id, price, quantity, aggressor_side, buy_order_id, sell_order_id, buyer, seller, command_seq, executed_at)
      values ('PWR-FR-FUT-M-BASE:1', 'PWR-FR-FUT-M-BASE', 50, 10, 'buy', 'b1', 's1', 'alice', 'bob', 1, '2026-01-05T10:00:00Z'),
             ('PWR-FR-FUT-M-BASE:2', 'PWR-FR-FUT-M-BASE', 55, 4, 'sell', 'b2', 's2', 'bob', 'alice', 2, '2026-01-05T11:00:00Z')`.execute(
      dbs.db,
    );
    await sql`
      insert into deals (id, version, counterparty, instrument_id, side, price, quantity, delivery_start, delivery_end, status, trader, updated_at)
      values ('00000000-0000-4000-8000-000000000001', 2, 'Nordic Utility', 'PWR-FR-FUT-M-BASE', 'buy', 61, 30,
              '2026-02-28T23:00:00Z', '2026-03-31T22:00:00Z', 'amended', 'alice', '2026-01-05T13:00:00Z')`.execute(
      dbs.db,
    );
    await sql`
      insert into deal_versions (deal_id, version, counterparty, instrument_id, side, price, quantity, delivery_start, delivery_end, status, trader, changed_by, updated_at)
      values ('00000000-0000-4000-8000-000000000001', 1, 'Nordic Utility', 'PWR-FR-FUT-M-BASE', 'buy', 60, 20,
              '2026-02-28T23:00:00Z', '2026-03-31T22:00:00Z', 'captured', 'alice', 'alice', '2026-01-05T12:00:00Z'),
             ('00000000-0000-4000-8000-000000000001', 2, 'Nordic Utility', 'PWR-FR-FUT-M-BASE', 'buy', 61, 30,
              '2026-02-28T23:00:00Z', '2026-03-31T22:00:00Z', 'amended', 'alice', 'alice', '2026-01-05T13:00:00Z')`.execute(
      dbs.db,
    );
    await migrate(dbs.db, all);
  });
  afterAll(async () => dbs.close());

  it('builds every book position from the trades and deal versions recorded before', async () => {
    expect(await createProjector({ db: dbs.db }).catchUp()).toBe(4);
    const held = await createPositionsRepo().allPositions(dbs.db);
    expect(
      held.map((p) => [p.book, p.period.label, p.running.net, p.running.realised, p.otc]),
    ).toEqual([
      ['alice', '2026-02', 6, 20, 0],
      ['alice', '2026-03', 30, 0, 30],
      ['bob', '2026-02', -6, -20, 0],
    ]);
    expect(await createPositionsRepo().books(dbs.db)).toEqual(['alice', 'bob']);
  });

  it('numbers a trade recorded after the migration after the backlog', async () => {
    await sql`
      insert into trades (id, instrument_id, price, quantity, aggressor_side, buy_order_id, sell_order_id, buyer, seller, command_seq, executed_at)
      values ('PWR-FR-FUT-M-BASE:3', 'PWR-FR-FUT-M-BASE', 52, 1, 'buy', 'b3', 's3', 'carol', 'bob', 3, '2026-01-05T14:00:00Z')`.execute(
      dbs.db,
    );
    expect(await createProjector({ db: dbs.db }).catchUp()).toBe(1);
    expect(await createPositionsRepo().books(dbs.db)).toEqual(['alice', 'bob', 'carol']);
  });
});
