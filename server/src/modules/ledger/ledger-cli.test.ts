import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp } from '../../bootstrap.js';
import { loadConfig } from '../../config.js';
import { openPlatform } from '../../platform/runtime.js';
import { bearer, login } from '../../test-support/harness.js';

const serverRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const env = {
  NODE_ENV: 'test',
  JWT_SECRET: 'jwt-secret-of-the-ledger-cli-test-0123456789',
  LEDGER_SIGNING_SECRET: 'ledger-secret-of-the-ledger-cli-test-0123456789',
  MARKET_FEED: 'off',
  TRADING_DEMO_BOTS: 'off',
  LOG_LEVEL: 'silent',
};
let dataDir: string;
let headFile: string;

/** Runs `energyopti ledger verify` as an operator would, on an embedded database folder. */
function verifyCli(args: string[] = []) {
  return spawnSync(
    process.execPath,
    ['--import', 'tsx', 'src/main.ts', 'ledger', 'verify', ...args],
    {
      cwd: serverRoot,
      env: { PATH: process.env.PATH, DATA_DIR: dataDir, ...env },
      encoding: 'utf8',
      timeout: 120_000,
    },
  );
}

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'eo-ledger-cli-'));
  headFile = path.join(dataDir, 'kept-head.json');
  const { app, platform } = await startApp(loadConfig({ ...env, DATA_DIR: dataDir }));
  const admin = bearer((await login(app, 'admin', 'energyopti-admin')).token);
  for (let i = 0; i < 3; i++) {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/ledger/tree-heads',
      headers: admin,
    });
    if (res.statusCode !== 200) throw new Error(res.body);
    writeFileSync(headFile, JSON.stringify(res.json<{ treeHead: unknown }>().treeHead));
  }
  await app.close();
  await platform.close();
});
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('energyopti ledger verify', () => {
  it('reports an intact ledger and exits 0', () => {
    const run = verifyCli(['--head', headFile]);
    expect(run.stdout, run.stderr).toMatch(
      /ledger intact: \d+ entries and \d+ tree heads verified/,
    );
    expect(run.status).toBe(0);
  });

  it('names the first missing entry when the newest entries and heads are deleted, against a kept head', async () => {
    const platform = await openPlatform({ dataDir });
    const db = platform.dbs.db;
    const { rows } = await sql<{ n: number }>`select max(idx)::int as n from ledger_leaves`.execute(
      db,
    );
    const last = rows[0]!.n;
    await sql`delete from ledger_leaves where idx = ${last}`.execute(db);
    await sql`delete from ledger_tree_heads where size > ${last}`.execute(db);
    await sql`delete from ledger_nodes where (idx + 1) * (1::bigint << level) > ${last}`.execute(
      db,
    );
    await platform.close();
    expect(verifyCli().status).toBe(0);
    const run = verifyCli(['--head', headFile]);
    expect(run.stdout).toContain(`ledger BROKEN at entry ${last} (missing_entries`);
    expect(run.status).toBe(1);
  });
});
