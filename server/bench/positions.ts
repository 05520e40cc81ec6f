/**
 * `GET /api/v1/portfolio/positions` for a desk whose book holds 100,000 fills (and a few
 * OTC deals), answered from portfolio's position table, beside the old way of answering
 * it: every fill and deal of the book read and folded afresh on each request. Also the
 * one-off costs of the table: catching up on the whole outbox, and a rebuild.
 * On PostgreSQL (a fresh schema of DATABASE_URL, default postgres://root@127.0.0.1:5432/test)
 * and, with `pglite` in the list, on embedded PGlite.
 * Usage: npm run bench:positions [-- fills] [requests] [postgres,pglite]
 */
import { randomBytes } from 'node:crypto';
import { availableParallelism, loadavg } from 'node:os';
import { sql } from 'kysely';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { marketDataReader, standardCatalogue } from '../src/modules/market-data/index.js';
import { visibleBooks } from '../src/modules/portfolio/book-access.js';
import { instrumentFacts, periodOfDeal } from '../src/modules/portfolio/book-trades.js';
import { frontPeriod } from '../src/modules/portfolio/domain/delivery-periods.js';
import type { Mark } from '../src/modules/portfolio/domain/marks.js';
import {
  markKey,
  periodPositions,
  type BookTrade,
} from '../src/modules/portfolio/domain/period-positions.js';
import { curvesFromMarketData } from '../src/modules/portfolio/market-curves.js';
import { createMarker } from '../src/modules/portfolio/marker.js';
import { rebuildPositions } from '../src/modules/portfolio/index.js';
import {
  accountFills,
  lastTradesAsOf,
  liveDeals,
  tradingAccounts,
} from '../src/modules/trading/index.js';
import type { Db } from '../src/platform/db/database.js';
import type { Principal } from '../src/platform/http/access.js';
import { openPlatform } from '../src/platform/runtime.js';
import { summariseLatency } from './lib/latency.js';
import { freshSchema } from '../src/test-support/schema.js';

const INSTRUMENTS = [
  'PWR-DE-LU-FUT-M-BASE',
  'PWR-FR-FUT-M-BASE',
  'PWR-NL-FUT-M-BASE',
  'GAS-TTF-FUT-M',
];
const BOOK = 'trader';

/** Everything the books traded, read from trading's records on every request (the old way). */
async function bookTrades(reader: Db, books: readonly string[]): Promise<BookTrade[]> {
  const out: BookTrade[] = [];
  for (const book of books) {
    for (const fill of await accountFills(reader, book)) {
      const instrument = standardCatalogue.find(fill.instrumentId);
      if (!instrument) continue;
      const at = Date.parse(fill.at);
      out.push({
        book,
        instrumentId: instrument.id,
        period: frontPeriod(instrument, at),
        side: fill.side,
        price: fill.price,
        quantity: fill.quantity,
        at,
        source: 'exchange',
      });
    }
  }
  for (const deal of await liveDeals(reader, { traders: books })) {
    const instrument = standardCatalogue.find(deal.instrumentId);
    if (!instrument) continue;
    out.push({
      book: deal.trader,
      instrumentId: instrument.id,
      period: periodOfDeal(instrument, deal),
      side: deal.side,
      price: deal.price,
      quantity: deal.quantity,
      at: deal.capturedAt,
      source: 'otc',
    });
  }
  return out.sort((a, b) => a.at - b.at);
}

/** The old read: every fill and deal of the books folded afresh, then marked (as before the table). */
async function recomputed(reader: Db, principal: Principal, now: number) {
  const books = visibleBooks(principal, BOOK, await tradingAccounts(reader));
  const [trades, tape] = await Promise.all([
    bookTrades(reader, books),
    lastTradesAsOf(reader, new Date(now)),
  ]);
  const marker = createMarker(tape, curvesFromMarketData(marketDataReader(reader)));
  const marks = new Map<string, Mark | null>();
  for (const t of trades) {
    const key = markKey(t.instrumentId, t.period.label);
    if (!marks.has(key))
      marks.set(key, await marker.markOf(standardCatalogue.get(t.instrumentId), t.period, now));
  }
  return periodPositions(trades, marks, instrumentFacts).filter(
    (p) => p.netQuantity !== 0 || p.realisedPnl !== 0,
  );
}

/** Fills between the desk's trader and a counterparty account, spread over the last ten days. */
async function seedFills(db: Db, fills: number, now: number): Promise<void> {
  const span = 10 * 86_400_000;
  const chunk = 20_000;
  for (let from = 0; from < fills; from += chunk) {
    const to = Math.min(fills, from + chunk);
    await sql`
      insert into trades (id, instrument_id, price, quantity, aggressor_side, buy_order_id, sell_order_id, buyer, seller, command_seq, executed_at)
      select 'bench:' || i,
        (${sql.val(INSTRUMENTS)}::text[])[1 + i % ${INSTRUMENTS.length}],
        round((60 + 20 * sin(i / 500.0))::numeric, 2),
        case when (${sql.val(INSTRUMENTS)}::text[])[1 + i % ${INSTRUMENTS.length}] like 'GAS-%' then 720 else 1 + i % 5 end,
        case when i % 3 = 0 then 'sell' else 'buy' end,
        'b' || i, 's' || i,
        case when i % 3 = 0 then 'bench-cp' else ${BOOK} end,
        case when i % 3 = 0 then ${BOOK} else 'bench-cp' end,
        i,
        to_timestamp((${now - span}::bigint + i * ${Math.floor(span / fills)}::bigint) / 1000.0)
      from generate_series(${from}::int, ${to - 1}::int) as i`.execute(db);
  }
}

interface Row {
  database: string;
  catchUpMs: number;
  rebuildMs: number;
  table: Summary;
  old: Summary;
  lines: number;
  same: boolean;
}

type Summary = ReturnType<typeof summariseLatency> & { min: number };
const summarise = (ns: Float64Array): Summary => ({
  ...summariseLatency(ns),
  min: Math.min(...ns),
});

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const t0 = performance.now();
  const value = await work();
  return [value, performance.now() - t0];
}

async function run(
  label: string,
  fills: number,
  requests: number,
  databaseUrl: string | undefined,
): Promise<Row> {
  const password = 'Bench-Admin-Passw0rd';
  const config = loadConfig({
    NODE_ENV: 'test',
    DATA_DIR: 'memory',
    LOG_LEVEL: 'warn',
    JWT_SECRET: randomBytes(32).toString('hex'),
    RATE_LIMIT_PER_MINUTE: '100000000',
    ADMIN_PASSWORD: password,
  });
  const platform = await openPlatform({ databaseUrl, dataDir: 'memory' });
  const app = await buildApp({
    config,
    platform,
    jwtSecrets: [config.JWT_SECRET!],
    logger: false,
    seed: { adminPassword: password, demoPassword: password },
  });
  try {
    const login = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: BOOK, password },
    });
    const token = login.json<{ accessToken: string }>().accessToken;
    const headers = { authorization: `Bearer ${token}` };
    for (let i = 0; i < 3; i++) {
      const deal = await app.inject({
        method: 'POST',
        url: '/api/v1/deals',
        headers,
        payload: {
          counterparty: 'Nordic Utility',
          instrumentId: INSTRUMENTS[i]!,
          side: 'buy',
          price: 60 + i,
          quantity: 744,
          deliveryStart: '2027-01-01T00:00:00+01:00',
          deliveryEnd: '2027-02-01T00:00:00+01:00',
        },
      });
      if (deal.statusCode !== 201) throw new Error(`deal capture failed: ${deal.body}`);
    }
    const ask = () =>
      app.inject({ method: 'GET', url: `/api/v1/portfolio/positions?book=${BOOK}`, headers });
    // The fills land behind the app's back (no trade on the bus): the first read catches up on them all.
    await seedFills(platform.dbs.db, fills, Date.now());
    const [first, catchUpMs] = await timed(ask);
    if (first.statusCode !== 200) throw new Error(`positions failed: ${first.body}`);
    const [, rebuildMs] = await timed(() => rebuildPositions(platform.dbs.db));
    const principal: Principal = {
      kind: 'user',
      userId: BOOK,
      username: BOOK,
      roles: ['trader'],
      permissions: new Set(['portfolio:read']),
    };

    const items = first.json<{
      items: { instrumentId: string; period: string; netQuantity: number; realisedPnl: number }[];
    }>().items;
    const old = await recomputed(platform.dbs.reader, principal, Date.now());
    const pick = (
      xs: readonly {
        instrumentId: string;
        period: string;
        netQuantity: number;
        realisedPnl: number;
      }[],
    ) =>
      xs
        .map((p) => `${p.instrumentId} ${p.period} ${p.netQuantity} ${p.realisedPnl.toFixed(4)}`)
        .sort();
    const same = JSON.stringify(pick(items)) === JSON.stringify(pick(old));

    const tableNs = new Float64Array(requests);
    for (let i = 0; i < requests; i++) {
      const [res, ms] = await timed(ask);
      if (res.statusCode !== 200) throw new Error(`positions failed: ${res.body}`);
      tableNs[i] = ms * 1e6;
    }
    const oldRuns = Math.max(3, Math.min(requests, 10));
    const oldNs = new Float64Array(oldRuns);
    for (let i = 0; i < oldRuns; i++)
      oldNs[i] =
        (await timed(() => recomputed(platform.dbs.reader, principal, Date.now())))[1] * 1e6;
    return {
      database: label,
      catchUpMs,
      rebuildMs,
      table: summarise(tableNs),
      old: summarise(oldNs),
      lines: items.length,
      same,
    };
  } finally {
    await app.close();
    await platform.close();
  }
}

function report(rows: Row[], fills: number, requests: number): void {
  const ms = (ns: number) => (ns / 1e6).toFixed(1);
  const lines: [string, ...string[]][] = [
    ['position lines answered', ...rows.map((r) => String(r.lines))],
    ['same positions both ways', ...rows.map((r) => (r.same ? 'yes' : 'NO'))],
    [`from the table (HTTP, ${requests} reads): p50 ms`, ...rows.map((r) => ms(r.table.p50))],
    [
      'from the table: min / p99 / max ms',
      ...rows.map((r) => `${ms(r.table.min)} / ${ms(r.table.p99)} / ${ms(r.table.max)}`),
    ],
    ['old full recompute (service only): p50 ms', ...rows.map((r) => ms(r.old.p50))],
    ['old full recompute: min / max ms', ...rows.map((r) => `${ms(r.old.min)} / ${ms(r.old.max)}`)],
    ['old p50 / table p50', ...rows.map((r) => `${(r.old.p50 / r.table.p50).toFixed(0)}x`)],
    [
      `first read, catching up on ${fills} fills: s`,
      ...rows.map((r) => (r.catchUpMs / 1000).toFixed(1)),
    ],
    ['energyopti positions rebuild: s', ...rows.map((r) => (r.rebuildMs / 1000).toFixed(1))],
  ];
  const cols = rows.map((r) => r.database);
  const width0 = Math.max(...lines.map((l) => l[0].length));
  const widths = cols.map((c, i) => Math.max(c.length, ...lines.map((l) => l[i + 1]!.length)));
  console.log(
    `\nbench:positions — one book with ${fills} fills and 3 OTC deals; the old figure excludes HTTP, so the ratio understates the gain`,
  );
  console.log(
    `load average (1 min) at the end: ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores; figures include waiting for the CPU`,
  );
  console.log(`${''.padEnd(width0)}  ${cols.map((c, i) => c.padStart(widths[i]!)).join('  ')}`);
  for (const [name, ...values] of lines)
    console.log(
      `${name.padEnd(width0)}  ${values.map((v, i) => v.padStart(widths[i]!)).join('  ')}`,
    );
  const pgRow = rows.find((r) => r.database === 'postgres');
  if (pgRow)
    console.log(
      `target on PostgreSQL: p50 under 50 ms — ${pgRow.table.p50 < 50e6 ? 'met' : 'not met'}`,
    );
}

const fills = Number(process.argv[2] ?? 100_000);
const requests = Number(process.argv[3] ?? 50);
const which = (process.argv[4] ?? 'postgres').split(',');
const databaseUrl = process.env.DATABASE_URL ?? 'postgres://root@127.0.0.1:5432/test';
const rows: Row[] = [];
if (which.includes('postgres')) {
  const schema = await freshSchema(databaseUrl, 'bench', { applicationName: 'eo-bench' });
  try {
    rows.push(await run('postgres', fills, requests, schema.url));
  } finally {
    await schema.drop();
  }
}
if (which.includes('pglite')) rows.push(await run('pglite', fills, requests, undefined));
report(rows, fills, requests);
