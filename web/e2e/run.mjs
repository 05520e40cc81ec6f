// Browser tests: starts the built server on a fresh data directory, a headless
// Chromium, and runs web/e2e/*.test.mjs with node's test runner against them.
// Usage (from the repo root, after building server and web): node web/e2e/run.mjs [name ...]
// With names, only the test files whose names contain one of them run.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, '../..');
const serverEntry = join(repoRoot, 'server/dist/src/main.js');
const distDir = join(repoRoot, 'web/dist');
const readyTimeoutMs = 180_000;

function freePort() {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolvePort(port));
    });
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function waitForReady(origin, server, output) {
  const deadline = Date.now() + readyTimeoutMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null)
      throw new Error(`server exited with code ${server.exitCode} before it was ready`);
    try {
      const answer = await fetch(`${origin}/readyz`);
      if (answer.status === 200) return;
    } catch {
      // Not listening yet.
    }
    await sleep(250);
  }
  throw new Error(`server was not ready within ${readyTimeoutMs / 1000} s\n${output()}`);
}

function stopServer(server) {
  if (server.exitCode !== null || server.signalCode !== null) return Promise.resolve();
  return new Promise((resolveStop) => {
    const force = setTimeout(() => server.kill('SIGKILL'), 10_000);
    server.once('exit', () => {
      clearTimeout(force);
      resolveStop();
    });
    server.kill('SIGTERM');
  });
}

const only = process.argv.slice(2);

function runTests(env) {
  const files = readdirSync(here)
    .filter((name) => name.endsWith('.test.mjs'))
    .filter((name) => only.length === 0 || only.some((part) => name.includes(part)))
    .sort()
    .map((name) => join(here, name));
  return new Promise((resolveRun) => {
    const child = spawn(
      process.execPath,
      ['--test', '--test-concurrency=1', '--test-reporter=spec', ...files],
      {
        cwd: repoRoot,
        env: { ...process.env, ...env },
        stdio: 'inherit',
      },
    );
    child.on('exit', (code) => resolveRun(code ?? 1));
  });
}

async function main() {
  if (!existsSync(serverEntry))
    throw new Error(`${serverEntry} is missing; build the server first (npm run build)`);
  if (!existsSync(join(distDir, 'index.html')))
    throw new Error('web/dist is missing; build the web app first (npm run build)');

  const dataDir = mkdtempSync(join(tmpdir(), 'energyopti-e2e-'));
  const screenshots = join(here, 'screenshots');
  mkdirSync(screenshots, { recursive: true });
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  let log = '';
  const server = spawn(process.execPath, [serverEntry, 'serve'], {
    cwd: repoRoot,
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const keep = (chunk) => {
    log = (log + chunk.toString()).slice(-20_000);
  };
  server.stdout.on('data', keep);
  server.stderr.on('data', keep);

  let browserServer;
  let exitCode = 1;
  try {
    await waitForReady(origin, server, () => log);
    browserServer = await chromium.launchServer({
      executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    exitCode = await runTests({
      E2E_BASE_URL: origin,
      E2E_BROWSER_WS: browserServer.wsEndpoint(),
      E2E_SCREENSHOTS: screenshots,
    });
    if (exitCode !== 0) console.error(`\nLast server output:\n${log}`);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    console.error(`\nServer output:\n${log}`);
  } finally {
    await browserServer?.close().catch(() => undefined);
    await stopServer(server);
    rmSync(dataDir, { recursive: true, force: true });
  }
  process.exitCode = exitCode;
}

await main();
