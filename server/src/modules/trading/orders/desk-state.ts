import type { Instrument } from '../../market-data/index.js';
import {
  applyCommand,
  OrderBook,
  type BookCommand,
  type BookConfig,
  type BookEvent,
  type BookImage,
} from '../domain/index.js';
import type { BookState } from './book-writer.js';
import { orderFromRow, type OrderRecord } from '../order-record.js';
import {
  bookSnapshots,
  commandsAfter,
  ensureBook,
  ensureBooks,
  lastCommandSeq,
  openOrders,
  saveBookSnapshot,
} from './repo.js';
import type { TradingDb } from '../tables.js';

/** A book that never closes: term products trade until the desk takes them off. */
export const NO_GATE = Number.MAX_SAFE_INTEGER;

export interface LoggedRow {
  instrument_id: string;
  kind: string;
  payload: unknown;
}

/** What a book snapshot stores: the engine's image and the net positions its trades made. */
export interface StoredBook {
  book: BookImage;
  net: [account: string, lots: number][];
}

/**
 * Rebuilds a book's state from its snapshot, if any, and the commands logged after
 * it; without a snapshot, from the whole log. Pre-trade refusals never reached the book.
 */
export function replayState(
  instrumentId: string,
  gateClosureMs: number | null,
  log: readonly LoggedRow[],
  open: readonly OrderRecord[],
  from?: StoredBook,
): BookState {
  const config: BookConfig = { instrumentId, gateClosureAt: gateClosureMs ?? NO_GATE };
  const events: BookEvent[] = [];
  const net = new Map<string, number>(from?.net ?? []);
  // While replaying only the trades matter (for positions); afterwards the writer reads what each command emitted.
  let sink: (event: BookEvent) => void = (event) => {
    if (event.type !== 'trade') return;
    const buyer = event.aggressorSide === 'buy' ? event.takerAccount : event.makerAccount;
    const seller = event.aggressorSide === 'buy' ? event.makerAccount : event.takerAccount;
    net.set(buyer, (net.get(buyer) ?? 0) + event.quantity);
    net.set(seller, (net.get(seller) ?? 0) - event.quantity);
  };
  const listener = (event: BookEvent) => sink(event);
  const book = from
    ? OrderBook.fromImage(config, from.book, listener)
    : new OrderBook(config, listener);
  for (const c of log)
    if (c.kind !== 'pre_trade_reject') applyCommand(book, c.payload as BookCommand);
  sink = (event) => events.push(event);
  return { book, open: new Map(open.map((o) => [o.id, o])), net, events };
}

/** Every continuous book as its snapshot and the log after it leave it. */
export async function loadAllStates(
  db: TradingDb,
  instruments: readonly Instrument[],
): Promise<Map<string, BookState>> {
  // A listed contract's book closes when its last trading day does; rolling books have no gate.
  const gates = await ensureBooks(
    db,
    instruments.map((i) => ({ id: i.id, gateClosureMs: i.contract?.tradingEndsAt ?? null })),
  );
  const snapshots = new Map((await bookSnapshots(db)).map((s) => [s.instrument_id, s]));
  const open = await openOrders(db);
  const states = new Map<string, BookState>();
  for (const instrument of instruments) {
    const snapshot = snapshots.get(instrument.id);
    const log = await commandsAfter(
      db,
      instrument.id,
      snapshot === undefined ? 0 : Number(snapshot.last_seq),
    );
    states.set(
      instrument.id,
      replayState(
        instrument.id,
        gates.get(instrument.id) ?? null,
        log,
        open
          .filter((o) => o.instrument_id === instrument.id)
          .map((o) => orderFromRow(o, instrument)),
        snapshot?.image as StoredBook | undefined,
      ),
    );
  }
  return states;
}

export async function loadState(db: TradingDb, instrument: Instrument): Promise<BookState> {
  const gate = await ensureBook(db, instrument.id, instrument.contract?.tradingEndsAt ?? null);
  const [snapshot] = await bookSnapshots(db, instrument.id);
  const [log, open] = await Promise.all([
    commandsAfter(db, instrument.id, snapshot === undefined ? 0 : Number(snapshot.last_seq)),
    openOrders(db, instrument.id),
  ]);
  return replayState(
    instrument.id,
    gate,
    log,
    open.map((o) => orderFromRow(o, instrument)),
    snapshot?.image as StoredBook | undefined,
  );
}

/**
 * Stores the book as it stands after its latest logged command. Called by the book's
 * writer between batches, when memory and the log agree and no command is in flight.
 */
export async function snapshotState(
  db: TradingDb,
  instrumentId: string,
  state: BookState,
): Promise<void> {
  const stored: StoredBook = { book: state.book.image(), net: [...state.net] };
  await saveBookSnapshot(db, instrumentId, await lastCommandSeq(db, instrumentId), stored);
}
