/**
 * How long the desk takes to rebuild its books at start-up from a long command log,
 * with and without snapshots. A deterministic session of orders, iceberg orders,
 * stops, modifies and cancels over four books is run through the engine and written
 * to `order_commands`, along with the snapshot each book's writer would have stored every N of its commands. Start-up
 * (`loadAllStates`) is then timed on the whole log and from the snapshots, and the two
 * rebuilt desks are compared order by order.
 * Usage: npm run bench:startup [-- commands] [pglite,postgres] [snapshot every N]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { standardCatalogue, type Instrument } from '../src/modules/market-data/index.js';
import {
  loadAllStates,
  NO_GATE,
  type StoredBook,
} from '../src/modules/trading/orders/desk-state.js';
import {
  applyCommand,
  OrderBook,
  snapshotBook,
  type BookCommand,
  type OrderRequest,
} from '../src/modules/trading/domain/index.js';
import { tradingDb, type TradingDb } from '../src/modules/trading/tables.js';
import { openPlatform } from '../src/platform/runtime.js';
import { formatTable } from './lib/latency.js';
import { freshSchema } from '../src/test-support/schema.js';

const BOOKS = [
  'PWR-DE-LU-FUT-M-BASE',
  'PWR-FR-FUT-M-BASE',
  'PWR-NL-FUT-M-BASE',
  'PWR-DE-LU-FUT-Q-BASE',
];
const T0 = Date.UTC(2026, 0, 5, 9, 0, 0);
const CHUNK = 5000;

/** A small deterministic generator, so that every run writes the same log. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

interface Generated {
  /** Rows for order_commands in seq order. */
  rows: {
    seq: number;
    instrument_id: string;
    kind: string;
    order_id: string | null;
    payload: string;
    at_ms: number;
  }[];
  snapshots: { instrument_id: string; last_seq: number; image: string }[];
  books: Map<string, OrderBook>;
}

/** The session: about 60% new orders, the rest cancels and modifies of live ones, so the books stay a realistic size. */
function generate(total: number, every: number): Generated {
  const random = lcg(42);
  const books = new Map<string, OrderBook>();
  const nets = new Map(BOOKS.map((id) => [id, new Map<string, number>()]));
  const live = new Map(BOOKS.map((id) => [id, [] as string[]]));
  const counts = new Map(BOOKS.map((id) => [id, 0]));
  const rows: Generated['rows'] = [];
  const snapshots = new Map<string, Generated['snapshots'][number]>();
  for (const id of BOOKS) {
    const net = nets.get(id)!;
    books.set(
      id,
      new OrderBook({ instrumentId: id, gateClosureAt: NO_GATE }, (event) => {
        if (event.type !== 'trade') return;
        const buyer = event.aggressorSide === 'buy' ? event.takerAccount : event.makerAccount;
        const seller = event.aggressorSide === 'buy' ? event.makerAccount : event.takerAccount;
        net.set(buyer, (net.get(buyer) ?? 0) + event.quantity);
        net.set(seller, (net.get(seller) ?? 0) - event.quantity);
      }),
    );
  }
  for (let seq = 1; seq <= total; seq++) {
    const instrumentId = BOOKS[Math.floor(random() * BOOKS.length)]!;
    const book = books.get(instrumentId)!;
    const ids = live.get(instrumentId)!;
    const at = T0 + seq;
    const r = random();
    let command: BookCommand;
    if (ids.length > 50 && r < 0.3) {
      const i = Math.floor(random() * ids.length);
      const orderId = ids[i]!;
      ids[i] = ids[ids.length - 1]!;
      ids.pop();
      command = { kind: 'cancel', orderId, at };
    } else if (ids.length > 50 && r < 0.4) {
      command = {
        kind: 'modify',
        orderId: ids[Math.floor(random() * ids.length)]!,
        change: { quantity: 1 + Math.floor(random() * 20) },
        at,
      };
    } else {
      const side = random() < 0.5 ? 'buy' : 'sell';
      const orderId = `o${seq}`;
      const kind = random();
      const order: OrderRequest = {
        orderId,
        account: `acct-${Math.floor(random() * 40)}`,
        side,
        type: kind < 0.03 ? 'stop_limit' : 'limit',
        quantity: 1 + Math.floor(random() * 20),
        price: 8000 + Math.floor(random() * 60) - (side === 'buy' ? 31 : 29),
        at,
        selfTrade: 'cancel_resting',
        ...(kind < 0.03 ? { stopPrice: 8000 + (side === 'buy' ? 25 : -25) } : {}),
        ...(kind > 0.95 ? { peak: 3 } : {}),
      };
      command = { kind: 'submit', order };
      ids.push(orderId);
    }
    applyCommand(book, command);
    rows.push({
      seq,
      instrument_id: instrumentId,
      kind: command.kind,
      order_id:
        command.kind === 'submit'
          ? command.order.orderId
          : command.kind === 'cancel' || command.kind === 'modify'
            ? command.orderId
            : null,
      payload: JSON.stringify(command),
      at_ms: at,
    });
    // Orders that filled or were cancelled by the engine leave the live list lazily.
    if (ids.length > 400)
      live.set(
        instrumentId,
        ids.filter((id) => book.order(id) !== undefined),
      );
    const n = counts.get(instrumentId)! + 1;
    counts.set(instrumentId, n);
    if (n % every === 0) {
      const stored: StoredBook = { book: book.image(), net: [...nets.get(instrumentId)!] };
      snapshots.set(instrumentId, {
        instrument_id: instrumentId,
        last_seq: seq,
        image: JSON.stringify(stored),
      });
    }
  }
  return { rows, snapshots: [...snapshots.values()], books };
}

async function write(db: TradingDb, generated: Generated): Promise<void> {
  for (let i = 0; i < generated.rows.length; i += CHUNK) {
    await db
      .insertInto('order_commands')
      .values(generated.rows.slice(i, i + CHUNK))
      .execute();
  }
  await db
    .insertInto('trading_books')
    .values(BOOKS.map((id) => ({ instrument_id: id, gate_closure_ms: null })))
    .onConflict((oc) => oc.doNothing())
    .execute();
}

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t0 = performance.now();
  const value = await work();
  return { ms: performance.now() - t0, value };
}

interface Row {
  database: string;
  writeS: number;
  fullMs: number;
  snapshotMs: number;
  replayedFull: number;
  replayedTail: number;
  identical: boolean;
}

async function run(
  label: string,
  databaseUrl: string | undefined,
  generated: Generated,
): Promise<Row> {
  const dataDir = databaseUrl ? 'memory' : mkdtempSync(path.join(tmpdir(), 'eo-startup-'));
  const platform = await openPlatform({ databaseUrl, dataDir });
  try {
    const db = tradingDb(platform.dbs.db);
    const written = await timed(() => write(db, generated));
    const instruments: Instrument[] = BOOKS.map((id) => standardCatalogue.get(id));
    const full = await timed(() => loadAllStates(db, instruments));
    // A log shorter than one snapshot interval has no snapshots to store.
    if (generated.snapshots.length > 0)
      await db.insertInto('book_snapshots').values(generated.snapshots).execute();
    const fromSnapshots = await timed(() => loadAllStates(db, instruments));
    const snapshotSeq = new Map(generated.snapshots.map((s) => [s.instrument_id, s.last_seq]));
    const tail = generated.rows.filter(
      (r) => r.seq > (snapshotSeq.get(r.instrument_id) ?? 0),
    ).length;
    const identical = BOOKS.every((id) => {
      const expected = JSON.stringify(snapshotBook(generated.books.get(id)!));
      return (
        JSON.stringify(snapshotBook(full.value.get(id)!.book)) === expected &&
        JSON.stringify(snapshotBook(fromSnapshots.value.get(id)!.book)) === expected &&
        JSON.stringify([...full.value.get(id)!.net].sort()) ===
          JSON.stringify([...fromSnapshots.value.get(id)!.net].sort())
      );
    });
    return {
      database: label,
      writeS: written.ms / 1000,
      fullMs: full.ms,
      snapshotMs: fromSnapshots.ms,
      replayedFull: generated.rows.length,
      replayedTail: tail,
      identical,
    };
  } finally {
    await platform.close();
    if (dataDir !== 'memory') rmSync(dataDir, { recursive: true, force: true });
  }
}

const total = Number(process.argv[2] ?? 1_000_000);
const which = (process.argv[3] ?? 'pglite').split(',');
const every = Number(process.argv[4] ?? 10_000);
const generated = generate(total, every);
const rows: Row[] = [];
if (which.includes('pglite')) rows.push(await run('pglite', undefined, generated));
if (which.includes('postgres')) {
  const schema = await freshSchema(
    process.env.DATABASE_URL ?? 'postgres://root@127.0.0.1:5432/test',
    'bench',
    { applicationName: 'eo-bench' },
  );
  try {
    rows.push(await run('postgres', schema.url, generated));
  } finally {
    await schema.drop();
  }
}
console.log(
  `\nbench:startup — ${total.toLocaleString('en')} logged commands over ${BOOKS.length} books, a snapshot every ${every.toLocaleString('en')} commands of a book`,
);
console.log(
  formatTable(
    ['', ...rows.map((r) => r.database)],
    [
      ['writing the log (s, setup)', ...rows.map((r) => r.writeS.toFixed(1))],
      ['start-up, whole log: ms', ...rows.map((r) => r.fullMs.toFixed(0))],
      ['  commands replayed', ...rows.map((r) => r.replayedFull.toLocaleString('en'))],
      ['start-up, from snapshots: ms', ...rows.map((r) => r.snapshotMs.toFixed(0))],
      ['  commands replayed', ...rows.map((r) => r.replayedTail.toLocaleString('en'))],
      ['speed-up', ...rows.map((r) => `${(r.fullMs / r.snapshotMs).toFixed(1)}×`)],
      ['books identical to the live ones', ...rows.map((r) => (r.identical ? 'yes' : 'NO'))],
    ],
  ),
);
