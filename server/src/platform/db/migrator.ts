import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import type { Db } from './database.js';

const MIGRATION_FILE = /^(\d{4})_[a-z0-9_]+\.sql$/;
// Any fixed number works; it only has to be the same in every process that migrates.
const MIGRATION_LOCK_KEY = 7_262_026;

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** The migrations folder sits beside src/ in the source tree and beside dist/ once built. */
export function findMigrationsDir(from = path.dirname(fileURLToPath(import.meta.url))): string {
  let dir = from;
  for (;;) {
    const candidate = path.join(dir, 'migrations');
    if (existsSync(path.join(candidate, '0001_identity.sql'))) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('migrations folder not found');
    dir = parent;
  }
}

export function readMigrations(dir = findMigrationsDir()): Migration[] {
  return readdirSync(dir)
    .filter((f) => MIGRATION_FILE.test(f))
    .sort()
    .map((f) => ({
      version: Number(f.slice(0, 4)),
      name: f.replace(/\.sql$/, ''),
      sql: readFileSync(path.join(dir, f), 'utf8'),
    }));
}

/**
 * Applies pending migrations in order, each in its own transaction. An advisory lock
 * makes concurrent starts of several instances safe: the second waits, then skips.
 */
export async function migrate(db: Db, migrations = readMigrations()): Promise<string[]> {
  await sql`create table if not exists schema_migrations (
    version integer primary key,
    name text not null,
    applied_at timestamptz not null default now()
  )`.execute(db);
  const applied: string[] = [];
  for (const m of migrations) {
    const ran = await db.transaction().execute(async (trx) => {
      await sql`select pg_advisory_xact_lock(${MIGRATION_LOCK_KEY})`.execute(trx);
      const done = await sql<{ version: number }>`
        select version from schema_migrations where version = ${m.version}`.execute(trx);
      if (done.rows.length > 0) return false;
      await sql.raw(m.sql).execute(trx);
      await sql`insert into schema_migrations (version, name) values (${m.version}, ${m.name})`.execute(
        trx,
      );
      return true;
    });
    if (ran) applied.push(m.name);
  }
  return applied;
}
