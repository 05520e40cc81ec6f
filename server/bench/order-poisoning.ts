/**
 * Can one trader's malformed orders fail another trader's? On PGlite (on disk, in a
 * temporary folder) a victim places valid orders from several concurrent loops on
 * one book for the whole run, while an attacker on another book sends a trickle of
 * orders whose clientOrderId holds text PostgreSQL cannot store (a NUL byte or a
 * lone surrogate). The run prints the victim's accepted orders, failures and
 * latency, and the same figures for a run without the attacker beside them.
 * Usage: npm run bench:poisoning [-- seconds] [victim loops] [attacker interval ms]
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { openPlatform } from '../src/platform/runtime.js';

const VICTIM_BOOK = 'PWR-DE-LU-FUT-M-BASE';
const ATTACKER_BOOK = 'PWR-FR-FUT-M-BASE';
const POISON = ['\u0000', '\ud800'];

interface Figures {
  accepted: number;
  failed: number;
  statuses: Map<number, number>;
  p50: number;
  p99: number;
  attackerSent: number;
  attackerStatuses: Map<number, number>;
}

const percentile = (sorted: number[], q: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
const count = (m: Map<number, number>, k: number) => m.set(k, (m.get(k) ?? 0) + 1);

async function run(seconds: number, loops: number, attackEveryMs: number | null): Promise<Figures> {
  const password = 'Bench-Admin-Passw0rd';
  const dataDir = mkdtempSync(path.join(tmpdir(), 'eo-poison-'));
  const config = loadConfig({
    NODE_ENV: 'test',
    DATA_DIR: 'memory',
    LOG_LEVEL: 'warn',
    JWT_SECRET: randomBytes(32).toString('hex'),
    RATE_LIMIT_PER_MINUTE: '100000000',
    ADMIN_PASSWORD: password,
  });
  const platform = await openPlatform({ dataDir });
  const app = await buildApp({
    config,
    platform,
    jwtSecrets: [config.JWT_SECRET!],
    logger: false,
    seed: { adminPassword: password, demoPassword: password },
  });
  try {
    const address = await app.listen({ host: '127.0.0.1', port: 0 });
    const post = (url: string, token: string | null, body: unknown) =>
      fetch(`${address}${url}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify(body),
      });
    const signIn = async (username: string) =>
      (
        (await (await post('/api/v1/auth/login', null, { username, password })).json()) as {
          accessToken: string;
        }
      ).accessToken;
    const admin = await signIn('admin');
    const created = await post('/api/v1/users', admin, {
      username: 'attacker',
      displayName: 'Attacker',
      password,
      roles: ['trader'],
    });
    if (created.status !== 201)
      throw new Error(`creating the attacker failed: ${created.status} ${await created.text()}`);
    const victim = await signIn('trader');
    const attacker = await signIn('attacker');

    const tag = randomBytes(3).toString('hex');
    const figures: Figures = {
      accepted: 0,
      failed: 0,
      statuses: new Map(),
      p50: 0,
      p99: 0,
      attackerSent: 0,
      attackerStatuses: new Map(),
    };
    const latencies: number[] = [];
    const until = performance.now() + seconds * 1000;
    let n = 0;
    const victimLoop = async () => {
      while (performance.now() < until) {
        const i = n++;
        const side = i % 2 === 0 ? 'buy' : 'sell';
        const t0 = performance.now();
        const res = await post('/api/v1/orders', victim, {
          clientOrderId: `victim-${tag}-${i}`,
          instrumentId: VICTIM_BOOK,
          side,
          type: 'limit',
          price: (side === 'buy' ? 8000 - (i % 7) * 5 : 8020 + (i % 7) * 5) / 100,
          quantity: 1 + (i % 3),
          timeInForce: 'GTC',
          selfTradePrevention: 'cancel_resting',
        });
        await res.arrayBuffer();
        latencies.push(performance.now() - t0);
        count(figures.statuses, res.status);
        if (res.status === 201) figures.accepted++;
        else figures.failed++;
      }
    };
    const attackerLoop = async () => {
      if (attackEveryMs === null) return;
      let j = 0;
      while (performance.now() < until) {
        const res = await post('/api/v1/orders', attacker, {
          clientOrderId: `evil-${j}-${POISON[j % POISON.length]}`,
          instrumentId: ATTACKER_BOOK,
          side: 'buy',
          type: 'limit',
          price: 50,
          quantity: 1,
          timeInForce: 'GTC',
        });
        await res.arrayBuffer();
        j++;
        figures.attackerSent++;
        count(figures.attackerStatuses, res.status);
        await new Promise((resolve) => setTimeout(resolve, attackEveryMs));
      }
    };
    await Promise.all([...Array.from({ length: loops }, victimLoop), attackerLoop()]);
    latencies.sort((a, b) => a - b);
    figures.p50 = percentile(latencies, 0.5);
    figures.p99 = percentile(latencies, 0.99);
    return figures;
  } finally {
    await app.close();
    await platform.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const statuses = (m: Map<number, number>) =>
  [...m]
    .sort(([a], [b]) => a - b)
    .map(([s, c]) => `${s}×${c}`)
    .join(' ') || '-';

const seconds = Number(process.argv[2] ?? 15);
const loops = Number(process.argv[3] ?? 8);
const attackEveryMs = Number(process.argv[4] ?? 50);
const quiet = await run(seconds, loops, null);
const attacked = await run(seconds, loops, attackEveryMs);
const rows: [string, string, string][] = [
  ['victim orders accepted (201)', String(quiet.accepted), String(attacked.accepted)],
  ['victim orders failed', String(quiet.failed), String(attacked.failed)],
  ['victim answers by status', statuses(quiet.statuses), statuses(attacked.statuses)],
  [
    'victim p50 / p99 ms',
    `${quiet.p50.toFixed(1)} / ${quiet.p99.toFixed(1)}`,
    `${attacked.p50.toFixed(1)} / ${attacked.p99.toFixed(1)}`,
  ],
  ['attacker orders sent', '-', String(attacked.attackerSent)],
  ['attacker answers by status', '-', statuses(attacked.attackerStatuses)],
];
const w0 = Math.max(...rows.map((r) => r[0].length));
const w1 = Math.max('no attacker'.length, ...rows.map((r) => r[1].length));
console.log(
  `\nbench:poisoning — PGlite on disk, ${seconds} s, ${loops} victim loops on ${VICTIM_BOOK}, attacker on ${ATTACKER_BOOK} every ${attackEveryMs} ms`,
);
console.log(`${''.padEnd(w0)}  ${'no attacker'.padStart(w1)}  with attacker`);
for (const [name, a, b] of rows) console.log(`${name.padEnd(w0)}  ${a.padStart(w1)}  ${b}`);
