import {
  Kysely,
  PostgresDialect,
  type PostgresCursor,
  type PostgresPool,
  type PostgresPoolClient,
  type PostgresQueryResult,
} from 'kysely';
import type pg from 'pg';
import type { Db } from '../../../platform/db/database.js';
import type { PlatformTables } from '../../../platform/db/schema.js';

/**
 * The one PostgreSQL session of this process that holds its book leases, and the
 * only connection order entry writes through. Because the write and the lease
 * share a session, a commit can never land after the lease it was made under is
 * gone: when the session ends, PostgreSQL releases its locks and nothing more is
 * written through it. Kysely sees the session as a pool of one, handed to one
 * user at a time, so group commits and lease queries take turns.
 */
export class OrderEntrySession implements PostgresPool {
  private client: pg.Client | undefined;
  private tail: Promise<void> = Promise.resolve();
  /** Counts the sessions opened, so that a lock won on an earlier one is not mistaken for a live one. */
  generation = 0;
  readonly db: Db;

  constructor(
    private readonly openClient: () => pg.Client,
    private readonly onLost: (reason: unknown) => void,
  ) {
    this.db = new Kysely<PlatformTables>({ dialect: new PostgresDialect({ pool: this }) });
  }

  get live(): boolean {
    return this.client !== undefined;
  }

  async open(): Promise<void> {
    if (this.client) return;
    const client = this.openClient();
    client.on('error', (error: unknown) => this.drop(client, error));
    client.on('end', () => this.drop(client, new Error('the order-entry session ended')));
    try {
      await client.connect();
      // A host that vanishes sends no FIN; keepalives make the server end the session (and free its leases) in about 8 s.
      await client.query(
        'set tcp_keepalives_idle = 5; set tcp_keepalives_interval = 1; set tcp_keepalives_count = 3',
      );
    } catch (error) {
      client.end().catch(() => undefined);
      throw error;
    }
    this.client = client;
    this.generation++;
  }

  /** Gives the session up (its leases with it); queries still queued on it fail. */
  drop(
    client: pg.Client | undefined = this.client,
    reason: unknown = new Error('the order-entry session was dropped'),
  ): void {
    if (client === undefined || this.client !== client) return;
    this.client = undefined;
    client.end().catch(() => undefined);
    this.onLost(reason);
  }

  async connect(): Promise<PostgresPoolClient> {
    const release = await this.turn();
    const client = this.client;
    if (!client) {
      release();
      throw new Error('the order-entry session is not connected');
    }
    return new SessionTurn(client, release);
  }

  async end(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  /** Waits for the previous user of the session to release it. */
  private turn(): Promise<() => void> {
    let release!: () => void;
    const mine = new Promise<void>((resolve) => (release = resolve));
    const before = this.tail;
    this.tail = before.then(() => mine);
    return before.then(() => release);
  }
}

/** One user's turn on the session, in the shape Kysely's Postgres driver expects of a pooled client. */
class SessionTurn implements PostgresPoolClient {
  constructor(
    private readonly client: pg.Client,
    readonly release: () => void,
  ) {}

  query<R>(sql: string, parameters: ReadonlyArray<unknown>): Promise<PostgresQueryResult<R>>;
  query<R>(cursor: PostgresCursor<R>): PostgresCursor<R>;
  query<R>(
    sql: string | PostgresCursor<R>,
    parameters?: ReadonlyArray<unknown>,
  ): Promise<PostgresQueryResult<R>> | PostgresCursor<R> {
    if (typeof sql !== 'string') throw new Error('the order-entry session does not stream');
    return this.client.query<R & pg.QueryResultRow>(sql, [...(parameters ?? [])]).then((r) => ({
      command: r.command as PostgresQueryResult<R>['command'],
      rowCount: r.rowCount ?? 0,
      rows: r.rows,
    }));
  }
}
