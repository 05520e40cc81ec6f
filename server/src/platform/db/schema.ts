import type { Generated } from 'kysely';

/**
 * Table types of the platform itself. Each module keeps its own tables' types in its
 * `tables.ts` and types the platform's handle with them (`tradingDb(db)`), so no
 * module can reach another's tables through this file.
 */
export interface SchemaMigrationsTable {
  version: number;
  name: string;
  applied_at: Generated<Date>;
}

export interface PlatformTables {
  schema_migrations: SchemaMigrationsTable;
}
