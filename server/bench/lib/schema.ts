import { randomBytes } from 'node:crypto';
import pg from 'pg';

/**
 * A throwaway schema on the benchmark's PostgreSQL, so a run never meets another's
 * tables: its connection string (search_path set, connections named `eo-bench`) and
 * the function that drops it.
 */
export async function freshSchema(
  databaseUrl: string,
): Promise<{ url: string; drop(): Promise<void> }> {
  const schema = `bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: databaseUrl });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const url = new URL(databaseUrl);
  url.searchParams.set('options', `-c search_path=${schema}`);
  url.searchParams.set('application_name', 'eo-bench');
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: databaseUrl });
      await c.connect();
      await c.query(`drop schema ${schema} cascade`);
      await c.end();
    },
  };
}
