import type { PGlite } from '@electric-sql/pglite';
import {
  CompiledQuery,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type Kysely,
  type QueryResult,
} from 'kysely';

/**
 * Kysely dialect over embedded PGlite. PGlite is a single connection, so the driver
 * hands it out to one user at a time; a transaction keeps it until commit or rollback.
 */
export class PGliteDialect implements Dialect {
  constructor(private readonly pglite: PGlite) {}
  createAdapter() {
    return new PostgresAdapter();
  }
  createDriver(): Driver {
    return new PGliteDriver(this.pglite);
  }
  createIntrospector(db: Kysely<unknown>) {
    return new PostgresIntrospector(db);
  }
  createQueryCompiler() {
    return new PostgresQueryCompiler();
  }
}

/** A `copy ... from '/dev/blob'` statement with the rows PGlite reads as that file. */
export interface BlobCopyQuery extends CompiledQuery {
  readonly blob: Blob;
}

/**
 * COPY on PGlite: its `copy from '/dev/blob'` reads the rows from a Blob passed beside the
 * statement. Kysely hands the compiled query through to the connection untouched, so the
 * blob rides on it and the copy runs on whatever connection, or transaction, executes it.
 */
export const blobCopyQuery = (statement: string, blob: Blob): BlobCopyQuery => ({
  ...CompiledQuery.raw(statement),
  blob,
});

class PGliteConnection implements DatabaseConnection {
  constructor(private readonly pglite: PGlite) {}

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    if ('blob' in query && query.blob instanceof Blob) {
      const result = await this.pglite.query<R>(query.sql, [], { blob: query.blob });
      return { rows: result.rows };
    }
    // Raw SQL without parameters may hold several statements (migrations); only
    // PGlite's simple-protocol exec runs those.
    if (query.parameters.length === 0 && query.query.kind === 'RawNode') {
      const results = await this.pglite.exec(query.sql);
      return { rows: (results.at(-1)?.rows ?? []) as R[] };
    }
    const result = await this.pglite.query<R>(query.sql, query.parameters as unknown[]);
    const affected = result.affectedRows;
    return {
      rows: result.rows,
      ...(affected !== undefined && isWriteQuery(query)
        ? { numAffectedRows: BigInt(affected) }
        : {}),
    };
  }

  // PGlite has no cursors: the stream is one batch.
  async *streamQuery<R>(query: CompiledQuery): AsyncIterableIterator<QueryResult<R>> {
    yield await this.executeQuery<R>(query);
  }
}

function isWriteQuery(query: CompiledQuery): boolean {
  const kind = query.query.kind;
  return (
    kind === 'InsertQueryNode' ||
    kind === 'UpdateQueryNode' ||
    kind === 'DeleteQueryNode' ||
    kind === 'MergeQueryNode'
  );
}

class PGliteDriver implements Driver {
  private readonly connection: PGliteConnection;
  private queue: Promise<void> = Promise.resolve();
  private release: (() => void) | undefined;

  constructor(private readonly pglite: PGlite) {
    this.connection = new PGliteConnection(pglite);
  }

  async init(): Promise<void> {
    await this.pglite.waitReady;
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    const previous = this.queue;
    let release!: () => void;
    this.queue = new Promise<void>((resolve) => (release = resolve));
    await previous;
    this.release = release;
    return this.connection;
  }

  async beginTransaction(conn: DatabaseConnection): Promise<void> {
    await conn.executeQuery(CompiledQuery.raw('begin'));
  }

  async commitTransaction(conn: DatabaseConnection): Promise<void> {
    await conn.executeQuery(CompiledQuery.raw('commit'));
  }

  async rollbackTransaction(conn: DatabaseConnection): Promise<void> {
    await conn.executeQuery(CompiledQuery.raw('rollback'));
  }

  async releaseConnection(): Promise<void> {
    const release = this.release;
    this.release = undefined;
    release?.();
  }

  async destroy(): Promise<void> {
    if (!this.pglite.closed) await this.pglite.close();
  }
}
