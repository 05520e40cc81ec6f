import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import type { PlatformTables } from './schema.js';
import { PGliteDialect } from './pglite-dialect.js';

// int8 counts and sequence numbers fit a JS number; NUMERIC stays a string so that
// money and energy quantities never pass through a float by accident.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));

/** The platform's handle; a module types it with its own tables (`tradingDb(db)`). */
export type Db = Kysely<PlatformTables>;

export type DatabaseKind = 'pglite' | 'postgres';

export interface Databases {
  /** Primary: every write and every read that must see its own writes. */
  db: Db;
  /** Read replica when configured, else the primary: reports and listings. */
  reader: Db;
  kind: DatabaseKind;
  /**
   * On PostgreSQL, a connection to the primary outside the pool (not yet connected), for
   * state that belongs to one session for the life of the process, such as advisory locks.
   */
  session?: (applicationName: string) => pg.Client;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  databaseUrl?: string | undefined;
  replicaUrl?: string | undefined;
  /** Directory for PGlite's files; `memory` for a throwaway in-memory database. */
  dataDir: string;
}

export async function openDatabases(opts: DatabaseOptions): Promise<Databases> {
  if (opts.databaseUrl) {
    const db = postgres(opts.databaseUrl, 10);
    const reader = opts.replicaUrl ? postgres(opts.replicaUrl, 5) : db;
    const connectionString = opts.databaseUrl;
    return {
      db,
      reader,
      kind: 'postgres',
      session: (applicationName) =>
        new pg.Client({ connectionString, application_name: applicationName, keepAlive: true }),
      close: async () => {
        if (reader !== db) await reader.destroy();
        await db.destroy();
      },
    };
  }
  let dataDir: string | undefined;
  if (opts.dataDir !== 'memory') {
    dataDir = path.resolve(opts.dataDir, 'pglite');
    mkdirSync(dataDir, { recursive: true });
  }
  const pglite = new PGlite(dataDir);
  await pglite.waitReady;
  const db = new Kysely<PlatformTables>({ dialect: new PGliteDialect(pglite) });
  return { db, reader: db, kind: 'pglite', close: () => db.destroy() };
}

function postgres(connectionString: string, max: number): Db {
  const pool = new pg.Pool({ connectionString, max });
  return new Kysely<PlatformTables>({ dialect: new PostgresDialect({ pool }) });
}

export async function pingDatabase(db: Db): Promise<void> {
  await sql`select 1`.execute(db);
}
