import type pg from 'pg';
import type { Databases, Db } from '../../../platform/db/database.js';
import type { DomainError } from '../../../platform/errors.js';
import { LeaseBoard } from './book-lease-rules.js';
import { OrderEntrySession } from './order-entry-session.js';
import {
  bookLeaseHolders,
  pingSession,
  releaseBookLease,
  tryBookLeases,
} from './repo-book-leases.js';

/**
 * Order entry for a book is owned by one process at a time. On PostgreSQL the
 * owner holds a session advisory lock per book on a connection of its own (see
 * `OrderEntrySession`), chosen over a lease row with an expiry because it
 * survives kill -9 cleanly: the kernel closes a dead process's socket,
 * PostgreSQL ends its session and frees the locks at once, with no expiry to
 * wait out, no clocks to agree on and no heartbeat that a paused process could
 * miss while it still believes it owns the book. Order entry writes through the
 * same session, so the lock also fences them.
 */
export interface BookLease {
  readonly instanceId: string;
  /** Whether other instances may own some of the books (they then need this one's published state). */
  readonly sharesBooks: boolean;
  /**
   * Runs an order-entry write for the books: on PostgreSQL on the session that holds
   * their leases, and only while this instance still owns every one of them.
   */
  write<T>(instrumentIds: readonly string[], work: (db: Db) => Promise<T>): Promise<T>;
  owns(instrumentId: string): boolean;
  /** Why this instance refuses order commands for the book (503, naming the owner), if it does. */
  refusal(instrumentId: string): DomainError | undefined;
  /** Takes the leases that are free now; the caller loads those books with the rest. */
  start(): Promise<void>;
  /** From now on, tries free leases every interval; a won book is rebuilt by `takeOver` before it takes orders. */
  keepTaking(takeOver: (instrumentId: string) => Promise<void>): void;
  stop(): Promise<void>;
}

export interface BookLeaseOptions {
  dbs: Databases;
  instrumentIds: readonly string[];
  instanceId: string;
  retryMs: number;
  log: { warn(obj: object, msg: string): void; info(obj: object, msg: string): void };
}

/** Embedded PGlite is one process: it owns every book. On PostgreSQL, advisory-lock leases. */
export function createBookLease(opts: BookLeaseOptions): BookLease {
  const { dbs } = opts;
  if (dbs.kind === 'pglite' || dbs.session === undefined) return soleOwner(dbs.db, opts.instanceId);
  return new AdvisoryBookLease(opts, dbs.session);
}

export function soleOwner(db: Db, instanceId: string): BookLease {
  return {
    instanceId,
    sharesBooks: false,
    write: (_, work) => work(db),
    owns: () => true,
    refusal: () => undefined,
    start: async () => undefined,
    keepTaking: () => undefined,
    stop: async () => undefined,
  };
}

/** A round of lease queries that takes longer than this means the session is unusable. */
const SESSION_TIMEOUT_MS = 5000;

class AdvisoryBookLease implements BookLease {
  readonly instanceId: string;
  readonly sharesBooks = true;
  private readonly board: LeaseBoard;
  private readonly session: OrderEntrySession;
  private timer: NodeJS.Timeout | undefined;
  private round: Promise<void> | undefined;
  private takeOver: ((instrumentId: string) => Promise<void>) | undefined;
  private stopped = false;

  constructor(
    private readonly opts: BookLeaseOptions,
    openClient: (applicationName: string) => pg.Client,
  ) {
    this.instanceId = opts.instanceId;
    this.board = new LeaseBoard(opts.instanceId, opts.instrumentIds);
    this.session = new OrderEntrySession(
      () => openClient(opts.instanceId),
      (reason) => {
        const lost = this.board.loseAll();
        if (lost.length > 0)
          opts.log.warn(
            { err: reason, books: lost },
            'order-entry session lost: this instance no longer owns its books',
          );
      },
    );
  }

  async write<T>(instrumentIds: readonly string[], work: (db: Db) => Promise<T>): Promise<T> {
    this.refuseUnowned(instrumentIds);
    return this.session.db.connection().execute(async (db) => {
      // Again on our turn of the session: a batch that waited out a lost session finds its books no longer owned.
      this.refuseUnowned(instrumentIds);
      return work(db);
    });
  }

  private refuseUnowned(instrumentIds: readonly string[]): void {
    for (const id of instrumentIds) {
      const refusal = this.board.refusal(id);
      if (refusal) throw refusal;
    }
  }

  owns(instrumentId: string): boolean {
    return this.board.owns(instrumentId);
  }

  refusal(instrumentId: string): DomainError | undefined {
    return this.board.refusal(instrumentId);
  }

  async start(): Promise<void> {
    await this.session.open();
    await this.tryFreeLeases();
  }

  keepTaking(takeOver: (instrumentId: string) => Promise<void>): void {
    this.takeOver = takeOver;
    this.timer = setInterval(() => {
      if (this.round || this.stopped) return;
      this.round = this.tryFreeLeases()
        .catch((error: unknown) => this.opts.log.warn({ err: error }, 'book lease round failed'))
        .finally(() => {
          this.round = undefined;
        });
    }, this.opts.retryMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.round;
    this.board.loseAll();
    // Ending the session frees the leases now, so another instance takes over without waiting for a timeout.
    await this.session.db.destroy();
  }

  /** One round: reconnect if the session was lost, take what is free, learn who holds the rest. */
  private async tryFreeLeases(): Promise<void> {
    await this.session.open();
    const db = this.session.db;
    const generation = this.session.generation;
    const wanted = this.board.wanted();
    if (wanted.length === 0) {
      await this.withinTimeout(pingSession(db));
      return;
    }
    const won = await this.withinTimeout(tryBookLeases(db, wanted));
    const lost = wanted.filter((id) => !won.includes(id));
    const holders =
      lost.length > 0
        ? await this.withinTimeout(bookLeaseHolders(db, lost))
        : new Map<string, string | null>();
    for (const id of lost) this.board.heldBy(id, holders.get(id) ?? null);
    for (const id of won) {
      await this.take(id, generation).catch((error: unknown) =>
        this.opts.log.warn(
          { err: error, book: id },
          'taking over a book failed; trying again next round',
        ),
      );
    }
  }

  /** Locks won on a session that has since been lost are not ours: the server freed them with it. */
  private async take(instrumentId: string, generation: number): Promise<void> {
    const stillOurs = () => this.session.live && this.session.generation === generation;
    if (!stillOurs()) return;
    if (!this.takeOver) {
      this.board.owned(instrumentId);
      return;
    }
    this.board.takingOver(instrumentId);
    try {
      await this.takeOver(instrumentId);
      if (!stillOurs()) {
        this.board.heldBy(instrumentId, null);
        return;
      }
      this.board.owned(instrumentId);
      this.opts.log.info(
        { book: instrumentId, instance: this.instanceId },
        'took over order entry for a book',
      );
    } catch (error) {
      this.board.heldBy(instrumentId, null);
      await releaseBookLease(this.session.db, instrumentId).catch(() => this.session.drop());
      throw error;
    }
  }

  private async withinTimeout<T>(work: Promise<T>): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        this.session.drop(undefined, new Error('the order-entry session did not answer'));
        reject(new Error('the order-entry session did not answer'));
      }, SESSION_TIMEOUT_MS);
    });
    try {
      return await Promise.race([work, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }
}
