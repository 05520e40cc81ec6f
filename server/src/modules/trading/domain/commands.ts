import type { BookEventListener } from './events.js';
import { OrderBook, type OrderChange } from './order-book.js';
import type { BookConfig, OrderRequest, RejectReason } from './types.js';

/**
 * Everything that can change a book, as data. The service appends each
 * command to the event log before applying it, so that replaying the log
 * through a fresh book reproduces the book to the order.
 */
export type BookCommand =
  | { kind: 'submit'; order: OrderRequest }
  | { kind: 'cancel'; orderId: string; at: number }
  | { kind: 'modify'; orderId: string; change: OrderChange; at: number }
  | { kind: 'expire'; at: number }
  | { kind: 'halt'; reason: 'halted' | 'kill_switch'; at: number }
  | { kind: 'resume'; reason: 'halted' | 'kill_switch'; at: number }
  | { kind: 'set_reference_price'; price: number; at: number };

export function applyCommand(book: OrderBook, command: BookCommand): RejectReason | null {
  switch (command.kind) {
    case 'submit':
      return book.submit(command.order);
    case 'cancel':
      return book.cancel(command.orderId, command.at);
    case 'modify':
      return book.modify(command.orderId, command.change, command.at);
    case 'expire':
      book.expire(command.at);
      return null;
    case 'halt':
      book.halt(command.at, command.reason);
      return null;
    case 'resume':
      book.resume(command.at, command.reason);
      return null;
    case 'set_reference_price':
      book.setReferencePrice(command.price);
      return null;
  }
}

/** Rebuilds a book from its configuration and command log; the events are emitted again. */
export function replayBook(
  config: BookConfig,
  log: Iterable<BookCommand>,
  listener?: BookEventListener,
): OrderBook {
  const book = new OrderBook(config, listener);
  for (const command of log) applyCommand(book, command);
  return book;
}
