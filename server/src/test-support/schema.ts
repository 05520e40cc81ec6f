import { randomBytes } from 'node:crypto';
import pg from 'pg';

/**
 * A throwaway schema on the PostgreSQL of `databaseUrl`, so that a test app, a test's
 * server process or a benchmark never meets another run's tables: the schema, the
 * connection string that lands in it, and the function that drops it.
 */
export async function freshSchema(
  databaseUrl: string,
  prefix: string,
  opts: { applicationName?: string } = {},
): Promise<{ schema: string; url: string; drop(): Promise<void> }> {
  const schema = `${prefix}_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: databaseUrl });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const url = new URL(databaseUrl);
  url.searchParams.set('options', `-c search_path=${schema}`);
  if (opts.applicationName) url.searchParams.set('application_name', opts.applicationName);
  return {
    schema,
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: databaseUrl });
      await c.connect();
      await c.query(`drop schema ${schema} cascade`);
      await c.end();
    },
  };
}
