import type { Bus } from '../../platform/bus/bus.js';
import type { Db } from '../../platform/db/database.js';
import { DomainError } from '../../platform/errors.js';
import type { Instrument } from '../market-data/index.js';
import { soleOwner, type BookLease } from './orders/book-lease.js';
import { BookWriter, type BookState, type JobOutcome } from './orders/book-writer.js';
import { loadAllStates, loadState, snapshotState } from './orders/desk-state.js';
import { GroupCommitter } from './orders/group-commit.js';
import { fromLots, fromTicks, instrumentNotFound } from './instruments.js';
import { orderRow, orderView, tradeRow, tradeView, type TradeRecord } from './order-record.js';
import type { PreTradeContext } from './orders/pre-trade.js';
import {
  BOOK_STATE_TOPIC,
  bookStateMessage,
  type BookStateMessage,
} from './orders/book-state-message.js';
import { PublishedBooks } from './orders/published-books.js';
import { appendBatch, isUnstorableData } from './orders/repo.js';
import { tradingDb } from './tables.js';
import type { UnitOfWork } from './orders/unit-of-work.js';

export const ORDER_TOPIC = 'trading.order';
export const TRADE_TOPIC = 'trading.trade';
export const BOOK_TOPIC = 'trading.book';

/** A trade as it travels on the bus: the public view plus both parties, for per-user fan-out. */
export interface TradeMessage {
  trade: ReturnType<typeof tradeView>;
  buyer: string;
  seller: string;
  buyOrderId: string;
  sellOrderId: string;
}

export interface BookLevelView {
  price: number;
  quantity: number;
  orders: number;
}

export interface BookMessage {
  instrumentId: string;
  bids: BookLevelView[];
  asks: BookLevelView[];
  lastTradePrice: number | null;
  halted: boolean;
}

export interface DeskDeps {
  db: Db;
  bus: Bus;
  instruments: readonly Instrument[];
  /** Which books this instance takes orders for and where their writes go; by default it owns them all. */
  lease?: BookLease;
  onPublishError(error: unknown): void;
  /** Where failed commits are reported, with the request ids of the orders they held. */
  log?: { warn(details: Record<string, unknown>, message: string): void };
  /** Commands of a book between two snapshots of it; 0 takes none. */
  snapshotEvery?: number;
}

/** A command whose text the database cannot store (a NUL byte, a lone surrogate): the caller's fault, not an outage. */
export const commandNotStorable = (): DomainError =>
  new DomainError(
    'unprocessable',
    'order_not_storable',
    'the order holds text the order log cannot store',
  );

/**
 * The continuous books of the desk, each behind its single writer. Built from
 * the command log before the first request; after every committed batch it
 * publishes the changed orders, the trades and the book's new depth.
 */
export class Desk {
  private readonly writers = new Map<string, BookWriter>();
  private readonly byId: Map<string, Instrument>;
  private readonly committer: GroupCommitter;
  private readonly lease: BookLease;
  private readonly published: PublishedBooks<BookMessage>;
  private readonly publishedStates: PublishedBooks<BookStateMessage>;

  constructor(private readonly deps: DeskDeps) {
    this.byId = new Map(deps.instruments.map((i) => [i.id, i]));
    const lease = deps.lease ?? soleOwner(deps.db, 'embedded');
    this.lease = lease;
    this.published = new PublishedBooks(deps.bus, BOOK_TOPIC);
    this.publishedStates = new PublishedBooks(deps.bus, BOOK_STATE_TOPIC);
    this.committer = new GroupCommitter(
      (batch) =>
        lease.write([...new Set(batch.commands.map((c) => c.instrumentId))], (db) =>
          appendBatch(tradingDb(db), batch),
        ),
      (error, requestIds) =>
        deps.log?.warn(
          { err: error, requestIds },
          'group commit failed; committing each book alone',
        ),
    );
  }

  async start(): Promise<void> {
    // Leases first, then the log: a book loaded before its lease was won could miss the last owner's writes.
    await this.lease.start();
    await this.published.start();
    await this.publishedStates.start();
    const states = await loadAllStates(tradingDb(this.deps.db), this.deps.instruments);
    for (const [id, state] of states)
      this.writers.set(id, this.writerFor(this.instrument(id), state));
    this.lease.keepTaking((id) => this.takeOver(id));
  }

  /** A book whose lease this instance just won: rebuilt from the log its last owner left before it takes orders. */
  private async takeOver(instrumentId: string): Promise<void> {
    const instrument = this.instrument(instrumentId);
    await this.writers.get(instrumentId)?.whenIdle();
    const state = await loadState(tradingDb(this.deps.db), instrument);
    this.writers.set(instrumentId, this.writerFor(instrument, state));
  }

  owns(instrumentId: string): boolean {
    return this.lease.owns(instrumentId);
  }

  /** The writer of a book this instance takes orders for; a book owned elsewhere is refused with a 503 naming its owner. */
  ownedWriter(instrumentId: string): BookWriter | undefined {
    const refusal = this.lease.refusal(instrumentId);
    if (refusal) throw refusal;
    return this.writers.get(instrumentId);
  }

  allWriters(): IterableIterator<[string, BookWriter]> {
    return this.writers.entries();
  }

  *ownedWriters(): IterableIterator<[string, BookWriter]> {
    for (const entry of this.writers) if (this.owns(entry[0])) yield entry;
  }

  /** The instruments this desk keeps a book for. */
  instruments(): readonly Instrument[] {
    return this.deps.instruments;
  }

  instrument(id: string): Instrument {
    const instrument = this.byId.get(id);
    if (!instrument) throw instrumentNotFound(id);
    return instrument;
  }

  writer(instrumentId: string): BookWriter | undefined {
    return this.writers.get(instrumentId);
  }

  readonly preTrade: PreTradeContext = {
    netPosition: (account, instrumentId) =>
      this.writers.get(instrumentId)?.state.net.get(account) ?? 0,
    lastTradePrice: (instrumentId) =>
      this.writers.get(instrumentId)?.state.book.lastTradePrice ?? null,
    midPrice: (instrumentId) => {
      const book = this.writers.get(instrumentId)?.state.book;
      if (!book) return null;
      const { bids, asks } = book.depth(1);
      const bid = bids[0]?.price;
      const ask = asks[0]?.price;
      return bid === undefined || ask === undefined ? null : (bid + ask) / 2;
    },
    openOrders: (account) => this.openOrdersOf(account),
  };

  /** Halts of a book: its own where this instance owns it, else as its owner last published them. */
  controls(instrumentId: string): { halted: boolean; killSwitch: boolean } {
    const published = this.owns(instrumentId) ? undefined : this.publishedStates.get(instrumentId);
    const { ctx } = (this.writers.get(instrumentId) as BookWriter).state.book;
    return published
      ? { halted: published.halted, killSwitch: published.killSwitch }
      : { halted: ctx.halted, killSwitch: ctx.killSwitch };
  }

  private *openOrdersOf(account: string) {
    for (const [id, writer] of this.writers) {
      const instrument = this.instrument(id);
      const tickValue = Number(instrument.tickSize) * Number(instrument.lotSize);
      const published = this.owns(id) ? undefined : this.publishedStates.get(id);
      if (published) {
        for (const [side, priceTicks, remainingLots] of published.openByAccount[account] ?? [])
          yield { instrumentId: id, side, priceTicks, remainingLots, tickValue };
        continue;
      }
      for (const o of writer.state.open.values()) {
        if (o.account !== account) continue;
        yield {
          instrumentId: id,
          side: o.side,
          priceTicks: o.priceTicks,
          remainingLots: o.quantityLots - o.filledLots,
          tickValue,
        };
      }
    }
  }

  /** A book's depth: from memory where this instance owns it, else as its owner last published it. */
  depth(instrumentId: string, levels: number): BookMessage {
    const published = this.owns(instrumentId) ? undefined : this.published.get(instrumentId);
    if (published)
      return {
        ...published,
        bids: published.bids.slice(0, levels),
        asks: published.asks.slice(0, levels),
      };
    return this.bookDepth(instrumentId, levels);
  }

  private bookDepth(instrumentId: string, levels: number): BookMessage {
    const instrument = this.instrument(instrumentId);
    const { book } = (this.writers.get(instrumentId) as BookWriter).state;
    const { bids, asks } = book.depth(levels);
    const view = (l: { price: number; quantity: number; orders: number }): BookLevelView => ({
      price: Number(fromTicks(instrument, l.price)),
      quantity: Number(fromLots(instrument, l.quantity)),
      orders: l.orders,
    });
    const last = book.lastTradePrice;
    return {
      instrumentId,
      bids: bids.map(view),
      asks: asks.map(view),
      lastTradePrice: last === null ? null : Number(fromTicks(instrument, last)),
      halted: book.ctx.halted || book.ctx.killSwitch,
    };
  }

  private writerFor(instrument: Instrument, state: BookState): BookWriter {
    return new BookWriter({
      instrumentId: instrument.id,
      state,
      persist: (uow, requestIds) => this.persist(instrument, uow, requestIds),
      restore: () => loadState(tradingDb(this.deps.db), instrument),
      snapshot: (state) =>
        snapshotState(tradingDb(this.deps.db), instrument.id, state).catch((error: unknown) =>
          this.deps.log?.warn(
            { err: error, instrumentId: instrument.id },
            'book snapshot not stored; start-up will replay more',
          ),
        ),
      snapshotEvery: this.deps.snapshotEvery ?? 10_000,
      committed: (uow, outcomes) => this.publish(instrument, uow, outcomes),
      failed: (error, requestIds, retrying) =>
        this.deps.log?.warn(
          { err: error, instrumentId: instrument.id, requestIds },
          retrying
            ? 'order commands not recorded; trying each alone'
            : 'order commands not recorded',
        ),
    });
  }

  /** The batch's commands, order changes and trades, all or nothing, with other books' batches. */
  private async persist(
    instrument: Instrument,
    uow: UnitOfWork,
    requestIds: string[],
  ): Promise<void> {
    if (uow.commands.length === 0) return;
    try {
      await this.committer.commit({
        commands: uow.commands.map((c) => ({ instrumentId: instrument.id, ...c })),
        orders: [...uow.changed.values()].map((o) => orderRow(o, instrument)),
        trades: uow.trades.map(({ trade, command }) => tradeRow(trade, instrument, command)),
        requestIds,
      });
    } catch (error) {
      throw isUnstorableData(error) ? commandNotStorable() : error;
    }
  }

  /** Waits until every book has committed what it was given, so that closing loses nothing. */
  async stop(): Promise<void> {
    await Promise.all([...this.writers.values()].map((w) => w.whenIdle()));
    await this.lease.stop();
    await this.published.stop();
    await this.publishedStates.stop();
  }

  private publish(instrument: Instrument, uow: UnitOfWork, _outcomes: JobOutcome[]): void {
    if (uow.commands.length === 0) return;
    const { bus } = this.deps;
    const send = (topic: string, message: unknown): void => {
      bus.publish(topic, message).catch((error: unknown) => this.deps.onPublishError(error));
    };
    for (const order of uow.changed.values())
      send(ORDER_TOPIC, { order: orderView(order, instrument) });
    for (const { trade } of uow.trades) send(TRADE_TOPIC, tradeMessage(trade, instrument));
    // The owner publishes ten levels; a deeper request elsewhere gets those ten.
    send(BOOK_TOPIC, this.bookDepth(instrument.id, 10));
    if (this.lease.sharesBooks) {
      const writer = this.writers.get(instrument.id) as BookWriter;
      send(BOOK_STATE_TOPIC, bookStateMessage(instrument.id, writer.state));
    }
  }
}

export const tradeMessage = (trade: TradeRecord, instrument: Instrument): TradeMessage => ({
  trade: tradeView(trade, instrument),
  buyer: trade.buyer,
  seller: trade.seller,
  buyOrderId: trade.buyOrderId,
  sellOrderId: trade.sellOrderId,
});
