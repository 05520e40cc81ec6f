import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from './database.js';

/** The id migration 0009 gave this database; the same for every instance that shares it. */
export async function deploymentId(db: Db): Promise<string> {
  const { rows } = await sql<{ id: string }>`select id from platform_deployment`.execute(db);
  const row = rows[0];
  if (!row) throw new Error('platform_deployment is empty: the database was not migrated');
  return row.id;
}

/**
 * The Redis namespace of a deployment when REDIS_PREFIX is not set. It comes from the
 * database rather than from its address, so instances that reach one database by
 * different hosts (a pooler, a service name) still agree, and two deployments on
 * different databases never do.
 */
export function redisPrefixOf(id: string): string {
  return `eo:${createHash('sha256').update(id).digest('hex').slice(0, 16)}:`;
}
