import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabases, type Databases } from '../../../platform/db/database.js';
import { freshSchema } from '../../../test-support/server-process.js';
import { createBookLease, type BookLease } from './book-lease.js';

/**
 * The advisory-lock lease in one process, two leases on one schema: what the
 * second is told, how it takes over when the first's session dies, and that a
 * write of the first after that is refused instead of landing under the other's lease.
 */
const DATABASE_URL = process.env.DATABASE_URL;
const BOOKS = ['PWR-DE-LU-FUT-M-BASE', 'GAS-TTF-FUT-M'];
const quiet = { warn: () => undefined, info: () => undefined };

if (!DATABASE_URL)
  console.info(
    'book lease sessions: skipped without DATABASE_URL (advisory locks need PostgreSQL)',
  );

async function eventually(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 300 && !condition(); i++) await new Promise((r) => setTimeout(r, 50));
  expect(condition()).toBe(true);
}

describe.skipIf(!DATABASE_URL)('book lease sessions (needs DATABASE_URL)', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const c of cleanups.reverse()) await c();
  });

  async function setUp(): Promise<{
    dbs: Databases;
    a: BookLease;
    b: BookLease;
    takenByB: string[];
  }> {
    const schema = await freshSchema(DATABASE_URL!, 'lease_session');
    cleanups.push(() => schema.drop());
    const dbs = await openDatabases({ databaseUrl: schema.url, dataDir: 'memory' });
    cleanups.push(() => dbs.close());
    await sql`create table fills_written (book text not null)`.execute(dbs.db);
    const lease = (instanceId: string) =>
      createBookLease({ dbs, instrumentIds: BOOKS, instanceId, retryMs: 100, log: quiet });
    // The first instance tries no lease after its start, as if its process had died with its session.
    const a = lease(`a-${schema.schema}`);
    await a.start();
    cleanups.push(() => a.stop());
    const b = lease(`b-${schema.schema}`);
    await b.start();
    const takenByB: string[] = [];
    b.keepTaking(async (id) => {
      takenByB.push(id);
    });
    cleanups.push(() => b.stop());
    return { dbs, a, b, takenByB };
  }

  const endSessionOf = (dbs: Databases, instanceId: string) =>
    sql`select pg_terminate_backend(pid, 5000) from pg_stat_activity where application_name = ${instanceId}`.execute(
      dbs.db,
    );

  it('gives every book to the first instance and tells the second which instance owns each', async () => {
    const { a, b } = await setUp();
    for (const id of BOOKS) {
      expect(a.owns(id)).toBe(true);
      expect(b.owns(id)).toBe(false);
      expect(b.refusal(id)).toMatchObject({
        kind: 'unavailable',
        code: 'book_owned_elsewhere',
        extra: { owner: a.instanceId, instrumentId: id },
      });
    }
  });

  it("hands the books to the second instance once the owner's session is gone, rebuilding each before it takes orders", async () => {
    const { dbs, a, b, takenByB } = await setUp();
    await endSessionOf(dbs, a.instanceId);
    await eventually(() => BOOKS.every((id) => b.owns(id)));
    expect([...takenByB].sort()).toEqual([...BOOKS].sort());
    expect(a.owns(BOOKS[0]!)).toBe(false);
    // Back, the first instance reconnects and learns who owns its former books.
    a.keepTaking(async () => undefined);
    await eventually(() => a.refusal(BOOKS[0]!)?.extra.owner === b.instanceId);
  });

  it('hands the books over when the owner stops gracefully, without waiting for a timeout', async () => {
    const { a, b } = await setUp();
    await a.stop();
    await eventually(() => BOOKS.every((id) => b.owns(id)));
    expect(a.owns(BOOKS[0]!)).toBe(false);
  });

  it("refuses a write of the former owner instead of letting it land under the new owner's lease", async () => {
    const { dbs, a, b } = await setUp();
    const written = await a.write([BOOKS[0]!], (db) =>
      sql`insert into fills_written values (${BOOKS[0]!})`.execute(db),
    );
    expect(written.numAffectedRows).toBe(1n);
    await endSessionOf(dbs, a.instanceId);
    await expect(
      a.write([BOOKS[0]!], (db) =>
        sql`insert into fills_written values ('after the session ended')`.execute(db),
      ),
    ).rejects.toThrow();
    await eventually(() => b.owns(BOOKS[0]!));
    await expect(
      a.write([BOOKS[0]!], (db) =>
        sql`insert into fills_written values ('after the take-over')`.execute(db),
      ),
    ).rejects.toMatchObject({ code: 'book_owned_elsewhere' });
    await b.write([BOOKS[0]!], (db) =>
      sql`insert into fills_written values ('by the new owner')`.execute(db),
    );
    const rows = await sql<{ book: string }>`select book from fills_written`.execute(dbs.db);
    expect(rows.rows.map((r) => r.book)).toEqual([BOOKS[0], 'by the new owner']);
  });
});
