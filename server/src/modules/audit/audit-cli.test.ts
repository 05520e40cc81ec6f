import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPlatform } from '../../platform/runtime.js';
import { forgeUnkeyedChain } from './forge-unkeyed-chain.js';
import { auditKeyringOf, createAuditRepo, createAuditTrail } from './index.js';
import { loadOrCreateDevSecret } from '../identity/index.js';
import { systemClock } from '../../platform/clock.js';

const serverRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
let dataDir: string;

/** Runs `energyopti audit verify` as an operator would, on an embedded database folder. */
function verifyCli(extraEnv: Record<string, string> = {}) {
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    DATA_DIR: dataDir,
    NODE_ENV: 'test',
    ...extraEnv,
  };
  return spawnSync(process.execPath, ['--import', 'tsx', 'src/main.ts', 'audit', 'verify'], {
    cwd: serverRoot,
    env,
    encoding: 'utf8',
    timeout: 120_000,
  });
}

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'eo-audit-cli-'));
  const platform = await openPlatform({ dataDir });
  // Keyed as a development server on this folder keys it: from the signing secret beside the data.
  const keys = auditKeyringOf({
    key: undefined,
    previousKeys: [],
    signingSecret: loadOrCreateDevSecret(dataDir),
  });
  const trail = createAuditTrail({
    db: platform.dbs.db,
    reader: platform.dbs.reader,
    repo: createAuditRepo(),
    clock: systemClock,
    keys,
  });
  for (let i = 0; i < 5; i++) {
    await trail.record({ actor: 'user:admin' }, { action: 'user.create', target: `user:u${i}` });
  }
  await platform.close();
});
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('energyopti audit verify', () => {
  it('reports an intact chain and exits 0', () => {
    const run = verifyCli();
    expect(run.stdout).toContain('audit chain intact: 5 entries verified');
    expect(run.status).toBe(0);
  });

  it('refuses the chain when verified under another key', () => {
    const run = verifyCli({ AUDIT_HMAC_KEY: 'not-the-key-the-server-used-at-all' });
    expect(run.stdout).toContain(
      'audit chain BROKEN at entry 1 (unknown_key); 0 entries before it verified',
    );
    expect(run.status).toBe(1);
  });

  it('reports the first broken link after a row is tampered with, and exits 1', async () => {
    const platform = await openPlatform({ dataDir });
    await sql`update audit_log set target = 'user:someone-else' where seq = 4`.execute(
      platform.dbs.db,
    );
    await platform.close();
    const run = verifyCli();
    expect(run.stdout).toContain(
      'audit chain BROKEN at entry 4 (hash_mismatch); 3 entries before it verified',
    );
    expect(run.status).toBe(1);
  });

  it('refuses a chain rewritten whole with plain SHA-256, as someone with only the database could', async () => {
    const platform = await openPlatform({ dataDir });
    await forgeUnkeyedChain(platform.dbs.db);
    await platform.close();
    const run = verifyCli();
    expect(run.stdout).toContain(
      'audit chain BROKEN at entry 1 (chain_not_keyed); 0 entries before it verified',
    );
    expect(run.status).toBe(1);
  });
});
