#!/usr/bin/env node
import { ConfigError, loadConfig } from './config.js';
import { jwtSecretsOf, startApp, platformOf } from './bootstrap.js';
import { auditKeyringOf, createAuditRepo, createAuditTrail } from './modules/audit/index.js';
import { readFileSync } from 'node:fs';
import {
  ledgerSigningKeys,
  treeHeadFromJson,
  verifyLedger,
  type TreeHeadJson,
} from './modules/ledger/index.js';
import { rebuildPositions } from './modules/portfolio/index.js';
import { systemClock } from './platform/clock.js';
import { migrate } from './platform/db/migrator.js';

const USAGE = `Usage: energyopti <command>

Commands:
  serve          migrate, seed an empty database and serve the API and web app
  migrate        apply pending database migrations
  audit verify   walk the audit hash chain and report the first broken link
  ledger verify [--head <tree-head.json>]
                 walk the trade ledger, check it against trading, the audit trail and its
                 signed tree heads (and a head kept elsewhere), and name the first bad entry
  positions rebuild
                 empty portfolio's position table and replay trading's outbox into it
`;

async function serve(): Promise<void> {
  const config = loadConfig();
  const { app, platform } = await startApp(config);
  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down: finishing in-flight requests');
    // Stop accepting, drain in-flight requests, then release the database and Redis.
    const timer = setTimeout(() => process.exit(1), 15_000);
    timer.unref();
    void app
      .close()
      .then(() => platform.close())
      .then(() => process.exit(0))
      .catch((err: unknown) => {
        app.log.error({ err }, 'shutdown failed');
        process.exit(1);
      });
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
  await app.listen({ host: config.HOST, port: config.PORT });
  app.log.info(
    {
      database: platform.dbs.kind,
      redis: Boolean(platform.redis),
      redisPrefix: platform.redisPrefix,
      demoMode: config.demoMode,
    },
    `EnergyOpti-Pro is serving on http://${config.HOST === '0.0.0.0' ? 'localhost' : config.HOST}:${config.PORT}`,
  );
}

async function runMigrations(): Promise<void> {
  const config = loadConfig();
  const platform = await platformOf(config);
  try {
    // openPlatform has already migrated; run again to report that nothing is pending.
    const applied = await migrate(platform.dbs.db);
    console.log(applied.length === 0 ? 'database is up to date' : `applied: ${applied.join(', ')}`);
  } finally {
    await platform.close();
  }
}

async function verifyAudit(): Promise<number> {
  const config = loadConfig();
  const platform = await platformOf(config);
  try {
    // The same keys the server chains under: without them a rewritten chain would pass.
    const keys = auditKeyringOf({
      key: config.AUDIT_HMAC_KEY,
      previousKeys: config.AUDIT_HMAC_PREVIOUS_KEYS,
      signingSecret: jwtSecretsOf(config)[0]!,
    });
    const trail = createAuditTrail({
      db: platform.dbs.db,
      reader: platform.dbs.reader,
      repo: createAuditRepo(),
      clock: systemClock,
      keys,
    });
    const tty = process.stderr.isTTY;
    const result = await trail.verify((checked) => {
      if (tty) process.stderr.write(`\rverifying audit chain: ${checked} entries checked`);
    });
    if (tty) process.stderr.write('\n');
    if (result.ok) {
      console.log(`audit chain intact: ${result.checked} entries verified`);
      return 0;
    }
    console.log(
      `audit chain BROKEN at entry ${result.firstBrokenSeq} (${result.reason}); ${result.checked} entries before it verified`,
    );
    return 1;
  } finally {
    await platform.close();
  }
}

async function verifyLedgerLog(args: string[]): Promise<number> {
  const config = loadConfig();
  // A head a counterparty or auditor kept: deleting the newest entries shows against it.
  const against: TreeHeadJson[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] !== '--head' || !args[i + 1]) {
      process.stderr.write(USAGE);
      return 2;
    }
    against.push(JSON.parse(readFileSync(args[++i]!, 'utf8')) as TreeHeadJson);
  }
  const platform = await platformOf(config);
  try {
    const keys = ledgerSigningKeys(config);
    const tty = process.stderr.isTTY;
    const result = await verifyLedger({
      db: platform.dbs.db,
      keys: { mlDsa87: keys.mlDsa87.publicKey, ed25519: keys.ed25519.publicKey },
      against: against.map(treeHeadFromJson),
      onProgress: (checked) => {
        if (tty) process.stderr.write(`\rverifying ledger: ${checked} entries checked`);
      },
    });
    if (tty) process.stderr.write('\n');
    if (result.ok) {
      console.log(
        `ledger intact: ${result.checked} entries and ${result.heads} tree heads verified`,
      );
      return 0;
    }
    console.log(
      `ledger BROKEN at entry ${result.firstBadIndex} (${result.reason}: ${result.detail}); ${result.checked} entries before it verified`,
    );
    return 1;
  } finally {
    await platform.close();
  }
}

async function rebuildPositionTable(): Promise<void> {
  const config = loadConfig();
  const platform = await platformOf(config);
  try {
    const started = performance.now();
    const events = await rebuildPositions(platform.dbs.db);
    console.log(
      `positions rebuilt from ${events} trading events in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
  } finally {
    await platform.close();
  }
}

async function main(argv: string[]): Promise<number> {
  const [command, sub] = argv;
  if (command === 'serve') {
    await serve();
    return -1;
  }
  if (command === 'migrate') {
    await runMigrations();
    return 0;
  }
  if (command === 'audit' && sub === 'verify') return verifyAudit();
  if (command === 'ledger' && sub === 'verify') return verifyLedgerLog(argv.slice(2));
  if (command === 'positions' && sub === 'rebuild') {
    await rebuildPositionTable();
    return 0;
  }
  process.stderr.write(USAGE);
  return 2;
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (err: unknown) => {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(78);
    }
    console.error(err);
    process.exit(1);
  },
);
