import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Real server processes for the tests that kill one: `energyopti serve` under tsx
 * on a free loopback port, and a throwaway schema on the PostgreSQL of DATABASE_URL.
 */
const SERVER_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export interface ServerProcess {
  child: ChildProcess;
  base: string;
  /** Sends SIGKILL and waits until the process is gone. */
  kill(): Promise<void>;
}

export async function startServer(
  env: Record<string, string>,
  adminPassword: string,
): Promise<ServerProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', 'serve'], {
    cwd: SERVER_DIR,
    env: {
      ...process.env,
      ...env,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      NODE_ENV: 'development',
      MARKET_FEED: 'off',
      TRADING_DEMO_BOTS: 'off',
      DEMO_DESK: 'off',
      ADMIN_PASSWORD: adminPassword,
      RATE_LIMIT_PER_MINUTE: '100000',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  const kill = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const gone = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await gone;
  };
  for (let i = 0; i < 1200; i++) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    const ok = await fetch(`${base}/api/v1/trading/instruments`).then(
      (r) => r.status === 401,
      () => false,
    );
    if (ok) return { child, base, kill };
    await new Promise((r) => setTimeout(r, 100));
  }
  await kill();
  throw new Error('server did not start');
}

export async function call(
  base: string,
  method: string,
  url: string,
  token?: string,
  body?: unknown,
) {
  const res = await fetch(base + url, {
    method,
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return {
    status: res.status,
    contentType: res.headers.get('content-type') ?? '',
    body: (await res.json()) as Record<string, unknown>,
  };
}

export const loginAs = async (base: string, username: string, password: string) =>
  (await call(base, 'POST', '/api/v1/auth/login', undefined, { username, password })).body
    .accessToken as string;

export { freshSchema } from './schema.js';
