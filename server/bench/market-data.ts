/**
 * Market-data storage benchmark, on embedded PGlite and on PostgreSQL.
 *
 *   npx tsx bench/market-data.ts [--ingest-rows 100000] [--year-rows 525600]
 *        [--pg postgres://root@127.0.0.1:5432/test] [--no-pg] [--passes 3]
 *
 * Ingest: the API's path (validated ticks through the ingest service: staged COPY and
 * insert-select on PostgreSQL, multi-row inserts on PGlite, bus publication) beside a
 * raw COPY of the same rows straight into the partitioned table, each on an empty table.
 * Aggregation: hourly bars of one year of one-minute ticks as the API serves them (from
 * the hourly table the ingest path keeps), aggregated from the ticks on the fly, and the
 * hourly table rebuilt from the ticks, each beside a plain SELECT of the same ticks. Best of `passes`. PostgreSQL runs in its own
 * schema, dropped afterwards.
 */
import { randomBytes } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { Registry } from 'prom-client';
import { InProcessBus } from '../src/platform/bus/bus.js';
import { MemoryCache } from '../src/platform/cache/cache.js';
import type { Databases } from '../src/platform/db/database.js';
import { migrate } from '../src/platform/db/migrator.js';
import { PGliteDialect } from '../src/platform/db/pglite-dialect.js';
import type { PlatformTables } from '../src/platform/db/schema.js';
import { createMarketDataCache } from '../src/modules/market-data/cache.js';
import { standardCatalogue } from '../src/modules/market-data/domain/catalogue.js';
import type { Tick } from '../src/modules/market-data/domain/tick.js';
import { barsFromTicks, refreshHourlyBars } from '../src/modules/market-data/repo-bars.js';
import { copyInto, createTickRepo, monthsOf } from '../src/modules/market-data/repo-ticks.js';
import { createIngestService } from '../src/modules/market-data/service-ingest.js';
import { formatTable } from './lib/latency.js';
import { Progress } from '../src/platform/cli/progress.js';

const args = process.argv.slice(2);
const option = (name: string, fallback: string): string => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1]! : fallback;
};
const INGEST_ROWS = Number(option('ingest-rows', '100000'));
const YEAR_ROWS = Number(option('year-rows', '525600'));
const PASSES = Number(option('passes', '3'));
const PG_URL = option('pg', 'postgres://root@127.0.0.1:5432/test');
const WITH_PG = !args.includes('--no-pg');
const INSTRUMENT = 'PWR-DE-LU-DA-H';
const BATCH = 10_000;
const START = Date.UTC(2025, 0, 1);

/** One-minute ticks of an hourly product, each inside its delivery hour. */
function minuteTicks(count: number): Tick[] {
  const ticks: Tick[] = [];
  let price = 80;
  for (let i = 0; i < count; i++) {
    const time = START + i * 60_000;
    price += Math.sin(i * 0.7) * 0.8 + ((i * 7919) % 13) / 13 - 0.5;
    const hour = time - (time % 3_600_000);
    ticks.push({
      instrumentId: INSTRUMENT,
      time,
      deliveryStart: hour,
      deliveryEnd: hour + 3_600_000,
      price: Math.round(price * 100) / 100,
      volume: (i % 17) + 1,
    });
  }
  return ticks;
}

const copyLine = (t: Tick): string =>
  `${t.instrumentId}\t${new Date(t.time).toISOString()}\t${new Date(t.deliveryStart).toISOString()}\t${new Date(t.deliveryEnd).toISOString()}\t${t.price}\t${t.volume}\tbench\n`;

interface Target {
  name: string;
  dbs: Databases;
  rawCopy(ticks: readonly Tick[]): Promise<void>;
  close(): Promise<void>;
}

async function pgliteTarget(): Promise<Target> {
  const pglite = new PGlite();
  const db = new Kysely<PlatformTables>({ dialect: new PGliteDialect(pglite) });
  await migrate(db);
  return {
    name: 'PGlite',
    dbs: { db, reader: db, kind: 'pglite', close: () => db.destroy() },
    async rawCopy(ticks) {
      const blob = new Blob(ticks.map(copyLine));
      await pglite.query(`copy md_ticks from '/dev/blob'`, [], { blob });
    },
    close: () => db.destroy(),
  };
}

async function postgresTarget(): Promise<Target> {
  const schema = `bench_md_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  const url = new URL(PG_URL);
  url.searchParams.set('options', `-c search_path=${schema}`);
  const db = new Kysely<PlatformTables>({
    dialect: new PostgresDialect({
      pool: new pg.Pool({ connectionString: url.toString(), max: 2 }),
    }),
  });
  await migrate(db);
  return {
    name: 'PostgreSQL',
    dbs: { db, reader: db, kind: 'postgres', close: () => db.destroy() },
    rawCopy: (ticks) =>
      db
        .transaction()
        .execute((trx) => copyInto(trx, 'copy md_ticks from stdin', ticks.map(copyLine))),
    async close() {
      await db.destroy();
      await admin.query(`drop schema ${schema} cascade`);
      await admin.end();
    },
  };
}

const seconds = async (work: () => Promise<unknown>): Promise<number> => {
  const t0 = performance.now();
  await work();
  return (performance.now() - t0) / 1000;
};

async function best(
  passes: number,
  setup: () => Promise<void>,
  work: () => Promise<unknown>,
): Promise<number> {
  let fastest = Infinity;
  for (let p = 0; p < passes; p++) {
    await setup();
    fastest = Math.min(fastest, await seconds(work));
  }
  return fastest;
}

async function run(target: Target, rows: string[][]): Promise<void> {
  const repo = createTickRepo();
  const ingest = createIngestService({
    dbs: target.dbs,
    ticks: repo,
    catalogue: standardCatalogue,
    bus: new InProcessBus(),
    cache: createMarketDataCache(new MemoryCache(), new Registry()),
  });
  const db = target.dbs.db;
  const ticks = minuteTicks(INGEST_ROWS);
  const year = minuteTicks(YEAR_ROWS);
  await repo.ensurePartitions(db, monthsOf(year));
  const empty = async (): Promise<void> => {
    await sql`truncate md_ticks, md_bars_hourly`.execute(db);
  };

  const progress = new Progress(`${target.name}: ingest`, PASSES * 2);
  let step = 0;
  const viaService = await best(PASSES, empty, async () => {
    for (let i = 0; i < ticks.length; i += BATCH)
      await ingest.storeTicks(ticks.slice(i, i + BATCH), 'bench');
    progress.update(++step);
  });
  const rawCopy = await best(PASSES, empty, async () => {
    for (let i = 0; i < ticks.length; i += BATCH) await target.rawCopy(ticks.slice(i, i + BATCH));
    progress.update(++step);
  });
  progress.done();

  process.stderr.write(`${target.name}: loading ${YEAR_ROWS} one-minute ticks\n`);
  await empty();
  await sql`truncate md_bars_hourly`.execute(db);
  for (let i = 0; i < year.length; i += 50_000) await target.rawCopy(year.slice(i, i + 50_000));
  await sql`analyze md_ticks`.execute(db);
  const range = {
    instrumentId: INSTRUMENT,
    from: new Date(START),
    to: new Date(START + YEAR_ROWS * 60_000),
    interval: '1h' as const,
    timeZone: 'Europe/Berlin',
  };
  // The ingest path keeps md_bars_hourly as it stores ticks; the raw COPY above did not,
  // so the whole year is aggregated into it once here, which is itself a figure.
  const rollup = await seconds(() => refreshHourlyBars(db, year));
  await sql`analyze md_bars_hourly`.execute(db);
  let bars = 0;
  const served = await best(
    PASSES,
    async () => undefined,
    async () => {
      bars = (await repo.bars(db, range)).length;
    },
  );
  const onTheFly = await best(
    PASSES,
    async () => undefined,
    () => barsFromTicks(db, range),
  );
  const plain = await best(
    PASSES,
    async () => undefined,
    () =>
      sql`select ts, price, volume from md_ticks where instrument_id = ${INSTRUMENT} and ts >= ${range.from} and ts < ${range.to}`.execute(
        db,
      ),
  );

  const ms = (s: number): string => `${(s * 1000).toFixed(0)} ms`;
  const rate = (s: number): string => `${Math.round(INGEST_ROWS / s).toLocaleString('en-US')}/s`;
  rows.push(
    [
      `${target.name} ingest ${INGEST_ROWS} ticks`,
      rate(viaService),
      rate(rawCopy),
      `${((rawCopy / viaService) * 100).toFixed(0)}% of COPY`,
    ],
    [
      `${target.name} ${bars} hourly bars of ${YEAR_ROWS} ticks, served`,
      ms(served),
      ms(plain),
      `${(served / plain).toFixed(2)}x SELECT`,
    ],
    [
      `${target.name} same, aggregated from ticks on the fly`,
      ms(onTheFly),
      ms(plain),
      `${(onTheFly / plain).toFixed(2)}x SELECT`,
    ],
    [
      `${target.name} same, hourly table rebuilt from ticks`,
      ms(rollup),
      ms(plain),
      `${(rollup / plain).toFixed(2)}x SELECT`,
    ],
  );
}

const rows: string[][] = [];
for (const open of WITH_PG ? [pgliteTarget, postgresTarget] : [pgliteTarget]) {
  const target = await open();
  try {
    await run(target, rows);
  } finally {
    await target.close();
  }
}
console.log(`market-data storage, best of ${PASSES}\n`);
console.log(formatTable(['measure', 'ours', 'yardstick (raw COPY / plain SELECT)', 'ratio'], rows));
