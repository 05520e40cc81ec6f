import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { snapshotBook } from './book-snapshot.js';
import { applyCommand, replayBook, type BookCommand } from './commands.js';
import { EventRecorder, type BookEvent } from './events.js';
import { OrderBook } from './order-book.js';
import type { BookConfig, OrderRequest, TimeInForce } from './types.js';

const T0 = Date.UTC(2026, 0, 5, 9, 0, 0);
const CONFIG: BookConfig = { instrumentId: 'DE-PWR-H15', gateClosureAt: T0 + 10_000_000 };

/** Command shapes with ids still to be assigned; prices sit in a narrow range so orders meet often. */
const orderSpec = fc.record({
  kind: fc.constant('order' as const),
  type: fc.constantFrom('limit', 'limit', 'limit', 'market', 'stop', 'stop_limit'),
  side: fc.constantFrom('buy' as const, 'sell' as const),
  account: fc.constantFrom('a', 'b', 'c', 'd'),
  quantity: fc.integer({ min: 1, max: 20 }),
  price: fc.integer({ min: 95, max: 105 }),
  stopOffset: fc.integer({ min: 1, max: 4 }),
  tif: fc.constantFrom<TimeInForce | undefined>(undefined, undefined, 'IOC', 'FOK', 'GTD'),
  postOnly: fc.boolean(),
  peak: fc.option(fc.integer({ min: 1, max: 6 })),
  selfTrade: fc.constantFrom(
    'cancel_resting' as const,
    'cancel_incoming' as const,
    'cancel_both' as const,
  ),
  /** Most orders are well formed; the rest exercise the refusals. */
  wellFormed: fc.boolean().chain((b) => (b ? fc.constant(true) : fc.boolean())),
});
const spec = fc.oneof(
  { weight: 8, arbitrary: orderSpec },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('cancel' as const), pick: fc.nat() }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('modify' as const),
      pick: fc.nat(),
      price: fc.option(fc.integer({ min: 95, max: 105 })),
      quantity: fc.option(fc.integer({ min: 1, max: 20 })),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('expire' as const) }) },
);

/** Turns specs into a command log with unique ids, advancing time by a second per command. */
type Spec = typeof spec extends fc.Arbitrary<infer T> ? T : never;

function toCommands(specs: Spec[]): BookCommand[] {
  const ids: string[] = [];
  return specs.map((s, i): BookCommand => {
    const at = T0 + i * 1000;
    if (s.kind === 'cancel')
      return { kind: 'cancel', orderId: ids[s.pick % Math.max(1, ids.length)] ?? 'none', at };
    if (s.kind === 'modify') {
      const change = {
        ...(s.price === null ? {} : { price: s.price }),
        ...(s.quantity === null ? {} : { quantity: s.quantity }),
      };
      return {
        kind: 'modify',
        orderId: ids[s.pick % Math.max(1, ids.length)] ?? 'none',
        change,
        at,
      };
    }
    if (s.kind === 'expire') return { kind: 'expire', at };
    const orderId = `o${i}`;
    ids.push(orderId);
    const order: OrderRequest = {
      orderId,
      account: s.account,
      side: s.side,
      type: s.type,
      quantity: s.quantity,
      at,
      selfTrade: s.selfTrade,
    };
    if (s.type === 'limit' || s.type === 'stop_limit') order.price = s.price;
    if (s.type === 'stop' || s.type === 'stop_limit')
      order.stopPrice = s.side === 'buy' ? 100 + s.stopOffset : 100 - s.stopOffset;
    const marketable = s.type === 'market' || s.type === 'stop';
    const resting = s.tif === undefined || s.tif === 'GTD';
    if (s.tif !== undefined && !(s.wellFormed && marketable && resting)) order.timeInForce = s.tif;
    if (s.tif === 'GTD') order.expireAt = at + 5000;
    if (s.postOnly && (!s.wellFormed || (s.type === 'limit' && resting))) order.postOnly = true;
    if (s.peak !== null && (!s.wellFormed || (!marketable && resting && s.peak < s.quantity)))
      order.peak = s.peak;
    return { kind: 'submit', order };
  });
}

interface Run {
  book: OrderBook;
  events: BookEvent[];
  crossedAtRest: boolean;
}

function run(commands: BookCommand[]): Run {
  const recorder = new EventRecorder();
  const book = new OrderBook(CONFIG, recorder.listener);
  let crossedAtRest = false;
  for (const command of commands) {
    applyCommand(book, command);
    const bid = book.bids.best();
    const ask = book.asks.best();
    if (bid !== undefined && ask !== undefined && bid.price >= ask.price) crossedAtRest = true;
  }
  return { book, events: recorder.events, crossedAtRest };
}

const commandLogs = fc.array(spec, { minLength: 10, maxLength: 150 }).map(toCommands);
// FC_RUNS raises the count for a soak run; the default keeps the suite fast.
const runs = { numRuns: Number(process.env.FC_RUNS ?? 150) };

describe('order book properties', () => {
  it('continues from an image taken at any point exactly as the book it was taken from', () => {
    fc.assert(
      fc.property(commandLogs, fc.nat(), (commands, cut) => {
        const at = cut % (commands.length + 1);
        const live = new EventRecorder();
        const book = new OrderBook(CONFIG, live.listener);
        for (const c of commands.slice(0, at)) applyCommand(book, c);
        // Through JSON, as the snapshot table stores it.
        const image = JSON.parse(JSON.stringify(book.image())) as ReturnType<OrderBook['image']>;
        const restoredEvents = new EventRecorder();
        const restored = OrderBook.fromImage(CONFIG, image, restoredEvents.listener);
        expect(snapshotBook(restored)).toEqual(snapshotBook(book));
        live.events.length = 0;
        for (const c of commands.slice(at)) {
          applyCommand(book, c);
          applyCommand(restored, c);
        }
        expect(snapshotBook(restored)).toEqual(snapshotBook(book));
        expect(restored.image()).toEqual(book.image());
        expect(restoredEvents.events).toEqual(live.events);
      }),
      runs,
    );
  });

  it('conserves quantity: accepted plus amendments equals filled plus resting plus cancelled and expired', () => {
    fc.assert(
      fc.property(commandLogs, (commands) => {
        const { book, events } = run(commands);
        const balance = new Map<string, number>();
        const add = (id: string, q: number) => balance.set(id, (balance.get(id) ?? 0) + q);
        for (const e of events) {
          if (e.type === 'accepted') add(e.orderId, e.quantity);
          if (e.type === 'modified') add(e.orderId, e.remaining - e.previousRemaining);
          if (e.type === 'trade') {
            add(e.makerOrderId, -e.quantity);
            add(e.takerOrderId, -e.quantity);
          }
          if (e.type === 'cancelled' || e.type === 'expired') add(e.orderId, -e.quantity);
        }
        for (const order of book.liveOrders()) add(order.orderId, -order.remaining);
        for (const [id, left] of balance) expect({ id, left }).toEqual({ id, left: 0 });
      }),
      runs,
    );
  });

  it('never leaves the book crossed between commands', () => {
    fc.assert(
      fc.property(commandLogs, (commands) => !run(commands).crossedAtRest),
      runs,
    );
  });

  it('fills every trade at the maker price and within both orders\u2019 limits', () => {
    fc.assert(
      fc.property(commandLogs, (commands) => {
        const { events } = run(commands);
        const limitOf = new Map<string, number | null>();
        for (const e of events) {
          if (e.type === 'accepted') limitOf.set(e.orderId, e.price);
          if (e.type === 'modified') limitOf.set(e.orderId, e.price);
          if (e.type !== 'trade') continue;
          const buyer = e.aggressorSide === 'buy' ? e.takerOrderId : e.makerOrderId;
          const seller = e.aggressorSide === 'buy' ? e.makerOrderId : e.takerOrderId;
          const buyLimit = limitOf.get(buyer) ?? Infinity;
          const sellLimit = limitOf.get(seller) ?? -Infinity;
          expect(e.price).toBe(limitOf.get(e.makerOrderId));
          expect(e.price).toBeLessThanOrEqual(buyLimit);
          expect(e.price).toBeGreaterThanOrEqual(sellLimit);
          expect(e.makerAccount).not.toBe(e.takerAccount);
        }
      }),
      runs,
    );
  });

  it('fills a FOK order in full or not at all', () => {
    fc.assert(
      fc.property(commandLogs, (commands) => {
        const { events } = run(commands);
        const fok = new Map<string, number>();
        for (const c of commands)
          if (c.kind === 'submit' && c.order.timeInForce === 'FOK')
            fok.set(c.order.orderId, c.order.quantity);
        const filled = new Map<string, number>();
        for (const e of events)
          if (e.type === 'trade')
            filled.set(e.takerOrderId, (filled.get(e.takerOrderId) ?? 0) + e.quantity);
        for (const [id, quantity] of fok) expect([0, quantity]).toContain(filled.get(id) ?? 0);
      }),
      runs,
    );
  });

  it('rebuilds an identical book, and the same events, by replaying the command log', () => {
    fc.assert(
      fc.property(commandLogs, fc.nat(), (commands, cut) => {
        const original = run(commands);
        const replayed = new EventRecorder();
        const rebuilt = replayBook(CONFIG, commands, replayed.listener);
        expect(snapshotBook(rebuilt)).toEqual(snapshotBook(original.book));
        expect(replayed.events).toEqual(original.events);
        // A book rebuilt from a prefix of the log and fed the rest ends in the same place.
        const split = cut % (commands.length + 1);
        const resumed = replayBook(CONFIG, commands.slice(0, split));
        for (const command of commands.slice(split)) applyCommand(resumed, command);
        expect(snapshotBook(resumed)).toEqual(snapshotBook(original.book));
      }),
      runs,
    );
  });
});
