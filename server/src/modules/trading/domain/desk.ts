import { DomainError } from '../../../platform/errors.js';
import type { BookEventListener } from './events.js';
import { OrderBook } from './order-book.js';
import type { BookConfig } from './types.js';

/**
 * All books of the desk, one per instrument and delivery period, and the
 * desk-wide kill switch. The switch halts every book through the same
 * command a single halt uses, so it lands in each book's log and a replay
 * sees it; releasing it leaves instrument halts in place.
 */
export class TradingDesk {
  private readonly books = new Map<string, OrderBook>();
  private killSwitchEngaged = false;

  constructor(
    private readonly listenerFor: (instrumentId: string) => BookEventListener = () => () =>
      undefined,
  ) {}

  get killSwitch(): boolean {
    return this.killSwitchEngaged;
  }

  openBook(config: BookConfig, at: number): OrderBook {
    if (this.books.has(config.instrumentId)) {
      throw new DomainError(
        'conflict',
        'book_exists',
        `a book for ${config.instrumentId} is already open`,
      );
    }
    const book = new OrderBook(config, this.listenerFor(config.instrumentId));
    if (this.killSwitchEngaged) book.halt(at, 'kill_switch');
    this.books.set(config.instrumentId, book);
    return book;
  }

  book(instrumentId: string): OrderBook | undefined {
    return this.books.get(instrumentId);
  }

  instruments(): string[] {
    return [...this.books.keys()];
  }

  engageKillSwitch(at: number): void {
    this.killSwitchEngaged = true;
    for (const book of this.books.values()) book.halt(at, 'kill_switch');
  }

  releaseKillSwitch(at: number): void {
    this.killSwitchEngaged = false;
    for (const book of this.books.values()) book.resume(at, 'kill_switch');
  }

  /** Closes the books whose gate has passed: their live orders expire. */
  expireAll(at: number): void {
    for (const book of this.books.values()) book.expire(at);
  }
}
