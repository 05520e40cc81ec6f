import type { Instrument } from '../market-data/index.js';
import { replayBook, type BookCommand, type BookConfig, type BookEvent } from './domain/index.js';
import type { BookState } from './book-writer.js';
import { orderFromRow, type OrderRecord } from './order-record.js';
import { commandsOf, ensureBook, ensureBooks, openOrders } from './repo-orders.js';
import type { TradingDb } from './tables.js';

/** A book that never closes: term products trade until the desk takes them off. */
export const NO_GATE = Number.MAX_SAFE_INTEGER;

export interface LoggedRow {
  instrument_id: string;
  kind: string;
  payload: unknown;
}

/** Rebuilds a book's state by replaying its commands; pre-trade refusals never reached the book. */
export function replayState(
  instrumentId: string,
  gateClosureMs: number | null,
  log: readonly LoggedRow[],
  open: readonly OrderRecord[],
): BookState {
  const config: BookConfig = { instrumentId, gateClosureAt: gateClosureMs ?? NO_GATE };
  const events: BookEvent[] = [];
  const net = new Map<string, number>();
  // While replaying only the trades matter (for positions); afterwards the writer reads what each command emitted.
  let sink: (event: BookEvent) => void = (event) => {
      if (event.type !== 'trade') return;
      const buyer = event.aggressorSide === 'buy' ? event.takerAccount : event.makerAccount;
      const seller = event.aggressorSide === 'buy' ? event.makerAccount : event.takerAccount;
      net.set(buyer, (net.get(buyer) ?? 0) + event.quantity);
      net.set(seller, (net.get(seller) ?? 0) - event.quantity);
  };
  const book = replayBook(
    config,
    log.filter((c) => c.kind !== 'pre_trade_reject').map((c) => c.payload as BookCommand),
    (event) => sink(event),
  );
  sink = (event) => events.push(event);
  return { book, open: new Map(open.map((o) => [o.id, o])), net, events };
}

/** Every continuous book as the log leaves it, read in one pass over the log. */
export async function loadAllStates(
  db: TradingDb,
  instruments: readonly Instrument[],
): Promise<Map<string, BookState>> {
  const log = await commandsOf(db);
  const open = await openOrders(db);
  const gates = await ensureBooks(db, instruments.map((i) => i.id));
  const states = new Map<string, BookState>();
  for (const instrument of instruments) {
    const gate = gates.get(instrument.id) ?? null;
    states.set(
      instrument.id,
      replayState(
        instrument.id,
        gate,
        log.filter((c) => c.instrument_id === instrument.id),
        open.filter((o) => o.instrument_id === instrument.id).map((o) => orderFromRow(o, instrument)),
      ),
    );
  }
  return states;
}

export async function loadState(db: TradingDb, instrument: Instrument): Promise<BookState> {
  const gate = await ensureBook(db, instrument.id, null);
  const [log, open] = await Promise.all([commandsOf(db, instrument.id), openOrders(db, instrument.id)]);
  return replayState(instrument.id, gate, log, open.map((o) => orderFromRow(o, instrument)));
}
