import { DomainError } from '../../../platform/errors.js';

/**
 * The rules of book ownership, apart from PostgreSQL: who may take orders for a
 * book, what a refused caller is told, and what a lost session means.
 */

/** PostgreSQL keeps at most 63 bytes of `application_name`, and only printable ASCII. */
const MAX_INSTANCE_ID = 63;

/** The configured `INSTANCE_ID`, else host name and process id, in a form PostgreSQL keeps intact. */
export function instanceIdOf(
  configured: string | undefined,
  hostname: string,
  pid: number,
): string {
  const raw = configured ?? `${hostname}:${pid}`;
  return raw.replace(/[^\x21-\x7e]/g, '?').slice(0, MAX_INSTANCE_ID);
}

export type BookOwnership =
  | { kind: 'owned' }
  /** The lease is ours, and the book is being rebuilt from the log before it takes orders. */
  | { kind: 'taking_over' }
  /** Another instance holds the lease (`owner` null when nobody does at this moment). */
  | { kind: 'elsewhere'; owner: string | null };

/** Order entry refused here because another instance owns the book: answered 503. */
export function ownedElsewhere(
  instrumentId: string,
  ownership: Exclude<BookOwnership, { kind: 'owned' }>,
  self: string,
): DomainError {
  const owner = ownership.kind === 'taking_over' ? self : ownership.owner;
  const message =
    ownership.kind === 'taking_over'
      ? `instance ${self} is taking over order entry for ${instrumentId}; retry with the same clientOrderId in a moment`
      : owner === null
        ? `no instance holds order entry for ${instrumentId} at this moment; one takes it over within seconds, retry with the same clientOrderId`
        : `order entry for ${instrumentId} is served by instance ${owner}; send order commands for this book there`;
  return new DomainError('unavailable', 'book_owned_elsewhere', message, [], {
    instrumentId,
    owner,
    instance: self,
  });
}

/**
 * Which books this instance owns. Only books marked owned take orders; a book
 * whose lease was just won is not owned until its state is rebuilt, and losing
 * the database session loses every lease at once.
 */
export class LeaseBoard {
  private readonly books = new Map<string, BookOwnership>();

  constructor(
    readonly self: string,
    instrumentIds: readonly string[],
  ) {
    for (const id of instrumentIds) this.books.set(id, { kind: 'elsewhere', owner: null });
  }

  owns(instrumentId: string): boolean {
    return this.books.get(instrumentId)?.kind === 'owned';
  }

  ownership(instrumentId: string): BookOwnership | undefined {
    return this.books.get(instrumentId);
  }

  /** Books whose lease this instance should try to take. */
  wanted(): string[] {
    return [...this.books].filter(([, o]) => o.kind === 'elsewhere').map(([id]) => id);
  }

  ownedBooks(): string[] {
    return [...this.books].filter(([, o]) => o.kind === 'owned').map(([id]) => id);
  }

  takingOver(instrumentId: string): void {
    this.set(instrumentId, { kind: 'taking_over' });
  }

  owned(instrumentId: string): void {
    this.set(instrumentId, { kind: 'owned' });
  }

  heldBy(instrumentId: string, owner: string | null): void {
    this.set(instrumentId, { kind: 'elsewhere', owner });
  }

  /** The session that held the leases is gone: nothing is ours until it is won again. Returns what was owned. */
  loseAll(): string[] {
    const lost = [...this.books].filter(([, o]) => o.kind !== 'elsewhere').map(([id]) => id);
    for (const id of lost) this.books.set(id, { kind: 'elsewhere', owner: null });
    return lost;
  }

  /** Why order entry for the book is refused here, or undefined when this instance takes its orders. */
  refusal(instrumentId: string): DomainError | undefined {
    const o = this.books.get(instrumentId);
    if (o === undefined || o.kind === 'owned') return undefined;
    return ownedElsewhere(instrumentId, o, this.self);
  }

  private set(instrumentId: string, ownership: BookOwnership): void {
    if (this.books.has(instrumentId)) this.books.set(instrumentId, ownership);
  }
}
