import { describe, expect, it } from 'vitest';
import { GATE, limit, market, T0 } from './book-fixtures.js';
import { snapshotBook } from './book-snapshot.js';
import { applyCommand, replayBook, type BookCommand } from './commands.js';
import { EventRecorder } from './events.js';
import { OrderBook } from './order-book.js';

const CONFIG = { instrumentId: 'DE-PWR-H15', gateClosureAt: GATE };

const session: BookCommand[] = [
  { kind: 'submit', order: limit('ice', 'sell', 30, 5000, { peak: 5 }) },
  { kind: 'submit', order: limit('a2', 'sell', 5, 5000) },
  { kind: 'submit', order: limit('b1', 'buy', 10, 4990) },
  { kind: 'submit', order: { ...market('stop', 'buy', 4), type: 'stop', stopPrice: 5000 } },
  { kind: 'submit', order: limit('b2', 'buy', 7, 5000, { at: T0 + 1 }) },
  { kind: 'modify', orderId: 'b1', change: { quantity: 6 }, at: T0 + 2 },
  { kind: 'halt', reason: 'halted', at: T0 + 3 },
  { kind: 'submit', order: limit('late', 'buy', 1, 4980, { at: T0 + 4 }) },
  { kind: 'resume', reason: 'halted', at: T0 + 5 },
  { kind: 'cancel', orderId: 'a2', at: T0 + 6 },
];

describe('replaying the command log', () => {
  it('rebuilds the book to the order, iceberg refreshes and fired stops included', () => {
    const recorder = new EventRecorder();
    const live = new OrderBook(CONFIG, recorder.listener);
    for (const command of session) applyCommand(live, command);
    // The session did trade, fire the stop and refresh the iceberg, so the replay has work to do.
    expect(recorder.ofType('stop_triggered')).toHaveLength(1);
    expect(live.order('ice')?.remaining).toBe(24);

    const replayed = new EventRecorder();
    const rebuilt = replayBook(CONFIG, session, replayed.listener);
    expect(snapshotBook(rebuilt)).toEqual(snapshotBook(live));
    expect(replayed.events).toEqual(recorder.events);
  });
});
