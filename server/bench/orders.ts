/**
 * Order entry through HTTP on loopback, every order committed before its 201:
 * the app in this process on PGlite (on disk, in a temporary folder) and on
 * PostgreSQL (a fresh schema of DATABASE_URL, default postgres://root@127.0.0.1:5432/test).
 * The load comes from autocannon in a child process, so that this process's CPU
 * time is the server's (and PGlite's) alone. Beside the orders, the same run
 * measures what they are compared with: a bare single-row insert loop (the cost
 * of one durable commit), `GET /healthz` through the same stack, and orders
 * placed one at a time. Usage: npm run bench:orders [-- seconds] [connections] [pglite,postgres]
 *
 * The matching rows run without compliance's pre-trade check (one account crossing its own
 * orders is what they measure); the last block places resting orders, which cross nothing,
 * with the check on and off on the same database, and reports what it adds per order.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { buildApp } from '../src/app.js';
import { createComplianceModule } from '../src/modules/compliance/index.js';
import { domainModules } from '../src/modules/registry.js';
import { loadConfig } from '../src/config.js';
import { standardCatalogue } from '../src/modules/market-data/index.js';
import { openPlatform, type Platform } from '../src/platform/runtime.js';
import { freshSchema } from '../src/test-support/schema.js';

const INSTRUMENTS = [
  'PWR-DE-LU-FUT-M-BASE',
  'PWR-FR-FUT-M-BASE',
  'PWR-NL-FUT-M-BASE',
  'GAS-TTF-FUT-M',
];

interface DriveOptions {
  url: string;
  token: string;
  connections: number;
  duration?: number;
  amount?: number;
  /** `orders` posts a fresh order per request, `resting` one that crosses nothing; `get` repeats a GET. */
  kind: 'orders' | 'resting' | 'get';
  tag: string;
  /** Lot size of each instrument: quantities must be whole lots (a gas month is 720 MWh). */
  lots: number[];
}

interface Driven {
  perSecond: number;
  total2xx: number;
  non2xx: number;
  errors: number;
  p50: number;
  p975: number;
  p99: number;
  samples: string[];
}

/** The load generator: runs in a child process and prints its figures as JSON. */
async function drive(opts: DriveOptions): Promise<void> {
  interface CannonResult {
    requests: { average: number };
    latency: { p50: number; p97_5: number; p99: number };
    non2xx: number;
    errors: number;
    '2xx': number;
  }
  // autocannon ships no type declarations; this is the part of its API the bench uses.
  const autocannon = createRequire(import.meta.url)('autocannon') as (
    o: Record<string, unknown>,
  ) => Promise<CannonResult>;
  const samples: string[] = [];
  let n = 0;
  const order = () => {
    const i = n++;
    const side = i % 2 === 0 ? 'buy' : 'sell';
    const offset = ((i * 37) % 21) - 10;
    // Resting orders keep bids under 79 and offers over 81, so they stay in the book.
    const price = (
      opts.kind === 'resting'
        ? side === 'buy'
          ? 78.5 + offset * 0.05
          : 81.5 + offset * 0.05
        : side === 'buy'
          ? 80 + offset * 0.05
          : 80.2 + offset * 0.05
    ).toFixed(2);
    return JSON.stringify({
      clientOrderId: `bench-${opts.tag}-${i}`,
      instrumentId: INSTRUMENTS[i % INSTRUMENTS.length],
      side,
      type: 'limit',
      price: Number(price),
      quantity: opts.lots[i % INSTRUMENTS.length]! * (1 + (i % 5)),
      timeInForce: 'GTC',
      // Orders from one account would self-trade; let them cancel the resting side.
      selfTradePrevention: 'cancel_resting',
    });
  };
  const result = await autocannon({
    url: opts.url,
    method: opts.kind === 'get' ? 'GET' : 'POST',
    connections: opts.connections,
    ...(opts.duration !== undefined ? { duration: opts.duration } : {}),
    ...(opts.amount !== undefined ? { amount: opts.amount } : {}),
    headers: { 'content-type': 'application/json', authorization: `Bearer ${opts.token}` },
    requests: [
      {
        setupRequest: (req: Record<string, unknown>) =>
          opts.kind === 'get' ? req : { ...req, body: order() },
        onResponse: (status: number, body: string) => {
          if ((status < 200 || status > 299) && samples.length < 3)
            samples.push(`${status} ${body.slice(0, 200)}`);
        },
      },
    ],
  });
  const out: Driven = {
    perSecond: result.requests.average,
    total2xx: result['2xx'],
    non2xx: result.non2xx,
    errors: result.errors,
    p50: result.latency.p50,
    p975: result.latency.p97_5,
    p99: result.latency.p99,
    samples,
  };
  process.stdout.write(JSON.stringify(out));
}

function runDriver(opts: DriveOptions): Promise<Driven> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [...process.execArgv, fileURLToPath(import.meta.url), '--drive', JSON.stringify(opts)],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += String(d)));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0
        ? resolve(JSON.parse(out) as Driven)
        : reject(new Error(`load generator exited with ${code}`)),
    );
  });
}

/** CPU milliseconds of this process and of the PostgreSQL backends serving it. */
async function cpuNow(
  platform: Platform,
): Promise<{ self: number; db: Map<number, number> | null }> {
  const self = process.cpuUsage();
  if (platform.dbs.kind !== 'postgres') return { self: (self.user + self.system) / 1000, db: null };
  const backends = await sql<{
    pid: number;
  }>`select pid from pg_stat_activity where application_name = 'eo-bench'`.execute(platform.dbs.db);
  const db = new Map<number, number>();
  try {
    for (const { pid } of backends.rows) {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      // Linux counts process CPU in ticks of 10 ms.
      db.set(pid, (Number(fields[11]) + Number(fields[12])) * 10);
    }
  } catch {
    return { self: (self.user + self.system) / 1000, db: null };
  }
  return { self: (self.user + self.system) / 1000, db };
}

/** CPU of the backends between two snapshots; a backend that appeared in between started from zero. */
function dbCpuBetween(
  before: Map<number, number> | null,
  after: Map<number, number> | null,
): number | null {
  if (before === null || after === null) return null;
  let ms = 0;
  for (const [pid, total] of after) ms += total - (before.get(pid) ?? 0);
  return ms;
}

async function measured(
  platform: Platform,
  work: () => Promise<Driven>,
): Promise<Driven & { cpuMs: number; dbCpuMs: number | null; load: number }> {
  const before = await cpuNow(platform);
  const result = await work();
  const after = await cpuNow(platform);
  const done = Math.max(1, result.total2xx);
  return {
    ...result,
    cpuMs: (after.self - before.self) / done,
    dbCpuMs: ((ms) => (ms === null ? null : ms / done))(dbCpuBetween(before.db, after.db)),
    load: loadavg()[0]!,
  };
}

/** A bare autocommit insert loop: what one durable commit costs on this database. */
async function insertLoop(
  platform: Platform,
  count: number,
): Promise<{ perSecond: number; p50: number }> {
  const db = platform.dbs.db;
  await sql`create table if not exists bench_inserts (id bigserial primary key, payload text not null)`.execute(
    db,
  );
  const took: number[] = [];
  const started = performance.now();
  for (let i = 0; i < count; i++) {
    const t0 = performance.now();
    await sql`insert into bench_inserts (payload) values (${`row-${i}`})`.execute(db);
    took.push(performance.now() - t0);
  }
  const elapsed = performance.now() - started;
  took.sort((a, b) => a - b);
  return { perSecond: (count / elapsed) * 1000, p50: took[Math.floor(count / 2)]! };
}

interface Row {
  database: string;
  inserts: { perSecond: number; p50: number };
  health: Awaited<ReturnType<typeof measured>>;
  sequential: Awaited<ReturnType<typeof measured>>;
  orders: Awaited<ReturnType<typeof measured>>;
}

/** An app on a fresh database listening on loopback, and an admin token for it. */
async function startBenchApp(databaseUrl: string | undefined, compliance: boolean) {
  const password = 'Bench-Admin-Passw0rd';
  const dataDir = databaseUrl ? 'memory' : mkdtempSync(path.join(tmpdir(), 'eo-bench-'));
  const config = loadConfig({
    NODE_ENV: 'test',
    DATA_DIR: 'memory',
    LOG_LEVEL: 'warn',
    JWT_SECRET: randomBytes(32).toString('hex'),
    RATE_LIMIT_PER_MINUTE: '100000000',
    ADMIN_PASSWORD: password,
  });
  const platform = await openPlatform({ databaseUrl, dataDir });
  const app = await buildApp({
    config,
    platform,
    jwtSecrets: [config.JWT_SECRET!],
    logger: false,
    modules: domainModules({ compliancePreTrade: compliance }),
    seed: { adminPassword: password, demoPassword: password },
  });
  const address = await app.listen({ host: '127.0.0.1', port: 0 });
  const login = await fetch(`${address}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password }),
  });
  const token = ((await login.json()) as { accessToken: string }).accessToken;
  return {
    platform,
    address,
    token,
    close: async () => {
      await app.close();
      await platform.close();
      if (dataDir !== 'memory') rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function run(
  label: string,
  seconds: number,
  connections: number,
  databaseUrl: string | undefined,
): Promise<Row> {
  const { platform, address, token, close } = await startBenchApp(databaseUrl, false);
  try {
    const lots = INSTRUMENTS.map((id) => Number(standardCatalogue.get(id).lotSize));
    const common = { token, lots, tag: `${label}-${randomBytes(3).toString('hex')}` };
    const inserts = await insertLoop(platform, 300);
    const health = await measured(platform, () =>
      runDriver({
        ...common,
        url: `${address}/healthz`,
        kind: 'get',
        connections,
        duration: Math.max(2, seconds / 2),
      }),
    );
    const sequential = await measured(platform, () =>
      runDriver({
        ...common,
        tag: `${common.tag}-seq`,
        url: `${address}/api/v1/orders`,
        kind: 'orders',
        connections: 1,
        amount: 300,
      }),
    );
    const orders = await measured(platform, () =>
      runDriver({
        ...common,
        url: `${address}/api/v1/orders`,
        kind: 'orders',
        connections,
        duration: seconds,
      }),
    );
    return { database: label, inserts, health, sequential, orders };
  } finally {
    await close();
  }
}

interface ComplianceRow {
  database: string;
  compliance: 'on' | 'off';
  sequential: Driven;
  concurrent: Driven;
}

/** Resting orders one at a time and under load, with compliance's pre-trade check on or off. */
async function runCompliance(
  label: string,
  compliance: boolean,
  seconds: number,
  connections: number,
  databaseUrl: string | undefined,
): Promise<ComplianceRow> {
  const { address, token, close } = await startBenchApp(databaseUrl, compliance);
  try {
    const lots = INSTRUMENTS.map((id) => Number(standardCatalogue.get(id).lotSize));
    const tag = `${label}-c${compliance ? 1 : 0}-${randomBytes(3).toString('hex')}`;
    const url = `${address}/api/v1/orders`;
    const sequential = await runDriver({
      token,
      lots,
      tag: `${tag}-seq`,
      url,
      kind: 'resting',
      connections: 1,
      amount: 500,
    });
    const concurrent = await runDriver({
      token,
      lots,
      tag,
      url,
      kind: 'resting',
      connections,
      duration: Math.max(2, seconds / 2),
    });
    return { database: label, compliance: compliance ? 'on' : 'off', sequential, concurrent };
  } finally {
    await close();
  }
}

/**
 * The check alone, in this process, against a desk of 2,000 open orders: what compliance
 * adds to an order without the noise of HTTP and commits on a shared machine.
 */
async function checkAlone(): Promise<{ p50: number; p99: number }> {
  const { preTradeCheck } = createComplianceModule();
  const open = Array.from(
    { length: 2000 },
    (
      _,
      i,
    ): {
      instrumentId: string;
      side: 'buy' | 'sell';
      priceTicks: number;
      remainingLots: number;
      tickValue: number;
    } => ({
      instrumentId: INSTRUMENTS[i % INSTRUMENTS.length]!,
      side: i % 2 === 0 ? 'buy' : 'sell',
      priceTicks: 7800 + (i % 50),
      remainingLots: 1,
      tickValue: 0.01,
    }),
  );
  const ctx = {
    netPosition: () => 0,
    lastTradePrice: () => 8000,
    midPrice: () => 8000,
    openOrders: () => open,
  };
  const times: number[] = [];
  for (let i = 0; i < 20_000; i++) {
    const started = performance.now();
    await preTradeCheck(
      {
        orderId: `o${i}`,
        clientOrderId: `c${i}`,
        account: 'admin',
        instrumentId: INSTRUMENTS[i % INSTRUMENTS.length]!,
        side: i % 2 === 0 ? 'buy' : 'sell',
        type: 'limit',
        priceTicks: 7900 + (i % 40),
        quantityLots: 5,
        tickValue: 0.01,
        tickSize: 0.01,
        lotSize: 1,
        at: Date.UTC(2026, 5, 1),
      },
      ctx,
    );
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return {
    p50: times[Math.floor(times.length * 0.5)]!,
    p99: times[Math.floor(times.length * 0.99)]!,
  };
}

function reportCompliance(
  rows: ComplianceRow[],
  connections: number,
  alone: { p50: number; p99: number },
): void {
  console.log(
    `\ncompliance check alone (in process, 2,000 open orders on the desk): p50 ${alone.p50.toFixed(3)} ms, p99 ${alone.p99.toFixed(3)} ms — target < 5 ms p99: ${alone.p99 < 5 ? 'met' : 'not met'}`,
  );
  console.log(
    `\nbench:orders — compliance pre-trade check on and off (resting orders, nothing fills)`,
  );
  console.log(
    'database  compliance  one at a time p50 / p99 ms  ' +
      `${connections} conn p50 / p99 ms  orders/s  non-2xx`,
  );
  for (const r of rows)
    console.log(
      `${r.database.padEnd(8)}  ${r.compliance.padEnd(10)}  ${`${r.sequential.p50} / ${r.sequential.p99}`.padStart(26)}  ${`${r.concurrent.p50} / ${r.concurrent.p99}`.padStart(19)}  ${r.concurrent.perSecond.toFixed(0).padStart(8)}  ${String(r.sequential.non2xx + r.concurrent.non2xx).padStart(7)}`,
    );
  for (const database of new Set(rows.map((r) => r.database))) {
    const on = rows.find((r) => r.database === database && r.compliance === 'on');
    const off = rows.find((r) => r.database === database && r.compliance === 'off');
    if (!on || !off) continue;
    const added = on.sequential.p99 - off.sequential.p99;
    console.log(
      `${database}: compliance adds ${added.toFixed(2)} ms to p99 one at a time (${(on.concurrent.p99 - off.concurrent.p99).toFixed(2)} ms under load) — target < 5 ms p99: ${added < 5 ? 'met' : 'not met'}`,
    );
  }
}

function report(rows: Row[], seconds: number, connections: number): void {
  const f = (v: number | null, digits = 0) => (v === null ? '-' : v.toFixed(digits));
  const cols = ['', ...rows.map((r) => r.database)];
  const lines: [string, ...string[]][] = [
    ['bare insert loop: commits/s', ...rows.map((r) => f(r.inserts.perSecond))],
    ['bare insert loop: p50 ms', ...rows.map((r) => f(r.inserts.p50, 2))],
    [`GET /healthz (${connections} conn): req/s`, ...rows.map((r) => f(r.health.perSecond))],
    [
      'GET /healthz: p99 ms / CPU ms per req',
      ...rows.map((r) => `${f(r.health.p99)} / ${f(r.health.cpuMs, 3)}`),
    ],
    ['orders one at a time: p50 ms', ...rows.map((r) => f(r.sequential.p50, 1))],
    ['orders one at a time: CPU ms/order', ...rows.map((r) => f(r.sequential.cpuMs, 2))],
    [
      'orders one at a time: answered 2xx / non-2xx',
      ...rows.map((r) => `${r.sequential.total2xx} / ${r.sequential.non2xx}`),
    ],
    [`orders (${connections} conn): orders/s`, ...rows.map((r) => f(r.orders.perSecond))],
    [
      'orders: p50 / p97.5 / p99 ms',
      ...rows.map((r) => `${r.orders.p50} / ${r.orders.p975} / ${r.orders.p99}`),
    ],
    [
      'orders: non-2xx / socket errors',
      ...rows.map((r) => `${r.orders.non2xx} / ${r.orders.errors}`),
    ],
    ['orders: server CPU ms/order', ...rows.map((r) => f(r.orders.cpuMs, 3))],
    [
      'orders: database CPU ms/order',
      ...rows.map((r) => (r.orders.dbCpuMs === null ? 'in process' : f(r.orders.dbCpuMs, 3))),
    ],
    ['load average (1 min) after orders', ...rows.map((r) => f(r.orders.load, 2))],
  ];
  const width0 = Math.max(...lines.map((l) => l[0].length));
  const widths = cols
    .slice(1)
    .map((c, i) => Math.max(c.length, ...lines.map((l) => l[i + 1]!.length)));
  console.log(
    `\nbench:orders — ${seconds} s of orders per database, ${connections} connections, ${INSTRUMENTS.length} books, one account; every order committed before its answer`,
  );
  console.log(
    `${''.padEnd(width0)}  ${cols
      .slice(1)
      .map((c, i) => c.padStart(widths[i]!))
      .join('  ')}`,
  );
  for (const [name, ...values] of lines)
    console.log(
      `${name.padEnd(width0)}  ${values.map((v, i) => v.padStart(widths[i]!)).join('  ')}`,
    );
  for (const r of rows)
    for (const s of [...r.sequential.samples, ...r.orders.samples])
      console.log(`non-2xx sample (${r.database}): ${s}`);
  const pgRow = rows.find((r) => r.database === 'postgres');
  if (pgRow) {
    const met = pgRow.orders.perSecond >= 2000 && pgRow.orders.p99 < 50;
    console.log(
      `target on PostgreSQL: 2000 orders/s with p99 < 50 ms — ${met ? 'met' : 'not met'}`,
    );
  }
}

if (process.argv[2] === '--drive') {
  await drive(JSON.parse(process.argv[3]!) as DriveOptions);
} else {
  const seconds = Number(process.argv[2] ?? 10);
  const connections = Number(process.argv[3] ?? 32);
  const which = (process.argv[4] ?? 'pglite,postgres').split(',');
  const databaseUrl = process.env.DATABASE_URL ?? 'postgres://root@127.0.0.1:5432/test';
  const rows: Row[] = [];
  if (which.includes('pglite')) rows.push(await run('pglite', seconds, connections, undefined));
  if (which.includes('postgres')) {
    const schema = await freshSchema(databaseUrl, 'bench', { applicationName: 'eo-bench' });
    try {
      rows.push(await run('postgres', seconds, connections, schema.url));
    } finally {
      await schema.drop();
    }
  }
  report(rows, seconds, connections);
  const complianceRows: ComplianceRow[] = [];
  for (const compliance of [false, true]) {
    if (which.includes('pglite'))
      complianceRows.push(
        await runCompliance('pglite', compliance, seconds, connections, undefined),
      );
    if (which.includes('postgres')) {
      const schema = await freshSchema(databaseUrl, 'bench', { applicationName: 'eo-bench' });
      try {
        complianceRows.push(
          await runCompliance('postgres', compliance, seconds, connections, schema.url),
        );
      } finally {
        await schema.drop();
      }
    }
  }
  reportCompliance(complianceRows, connections, await checkAlone());
}
