import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../platform/clock.js';
import {
  ADMIN_PASSWORD,
  DEMO_PASSWORD,
  bearer,
  login,
  startTestApp,
  type TestApp,
} from '../../test-support/harness.js';
import { totpNow } from './mfa.js';

const ATTACKER = '198.51.100.7';
const OWNER = '203.0.113.5';

let t: TestApp;
const clock = new ManualClock(Date.UTC(2026, 5, 1, 8, 0, 0));
const logLines: string[] = [];
beforeAll(async () => {
  t = await startTestApp({
    clock,
    env: { LOCKOUT_THRESHOLD: '3', LOCKOUT_ACCOUNT_ADDRESSES: '2', LOG_LEVEL: 'warn' },
    logger: { write: (line) => void logLines.push(line) },
  });
});
afterAll(() => t.close());

const signIn = (username: string, password: string, from: string, totp?: string) =>
  t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    remoteAddress: from,
    payload: { username, password, ...(totp ? { totp } : {}) },
  });

async function auditOf(action: string, target: string) {
  const admin = (await login(t.app, 'admin', ADMIN_PASSWORD)).token;
  const res = await t.app.inject({
    method: 'GET',
    url: `/api/v1/audit?action=${action}&target=${target}`,
    headers: bearer(admin),
  });
  return res.json().items as { details: Record<string, unknown> }[];
}

/** Slows two addresses for the name, which locks it everywhere in this app's setting. */
async function lockEverywhere(username: string) {
  for (const from of ['192.0.2.10', '192.0.2.11']) {
    for (let i = 0; i < 3; i++) await signIn(username, 'wrong-password!', from);
  }
}

describe('sign-in throttling', () => {
  it("lets the owner sign in from another address after an attacker's 20 failures", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 20; i++)
      statuses.push((await signIn('trader', 'wrong-password!', ATTACKER)).statusCode);
    expect(statuses.slice(0, 3)).toEqual([401, 401, 401]);
    expect(new Set(statuses.slice(3))).toEqual(new Set([429]));
    expect((await signIn('trader', DEMO_PASSWORD, OWNER)).statusCode).toBe(200);
  });

  it("slows the attacker's address with a wait that grows, for real and unknown names alike", async () => {
    for (const name of ['risk', 'ghost-user']) {
      for (let i = 0; i < 3; i++)
        expect((await signIn(name, 'wrong-password!', ATTACKER)).statusCode).toBe(401);
      const slowed = await signIn(name, 'wrong-password!', ATTACKER);
      expect(slowed.statusCode).toBe(429);
      expect(slowed.json().code).toBe('login_throttled');
      expect(slowed.headers['retry-after']).toBe('30');
      clock.advance(31_000);
      expect((await signIn(name, 'wrong-password!', ATTACKER)).statusCode).toBe(401);
      const slower = await signIn(name, 'wrong-password!', ATTACKER);
      expect(slower.statusCode).toBe(429);
      expect(slower.headers['retry-after']).toBe('60');
    }
    // The right password does not get the slowed address through either.
    expect((await signIn('risk', DEMO_PASSWORD, ATTACKER)).statusCode).toBe(429);
  });

  it('raises an alert when an address is slowed: an audited auth.lockout and a warning in the log', async () => {
    const lockouts = await auditOf('auth.lockout', 'user:trader');
    expect(lockouts[0]!.details).toMatchObject({
      scope: 'address',
      address: ATTACKER,
      failures: 3,
    });
    const warnings = logLines.map(
      (l) => JSON.parse(l) as { level: number; msg: string; username?: string },
    );
    expect(warnings).toContainEqual(
      expect.objectContaining({ level: 40, msg: 'sign-in lockout', username: 'trader' }),
    );
  });

  it('locks the name everywhere once several addresses are slowed, and a valid one-time code still signs the owner in', async () => {
    const s = await login(t.app, 'analyst');
    const { secret } = (
      await t.app.inject({ method: 'POST', url: '/api/v1/me/mfa/enrol', headers: bearer(s.token) })
    ).json();
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/me/mfa/confirm',
      headers: bearer(s.token),
      payload: { totp: totpNow('analyst', secret, clock.now()) },
    });
    await lockEverywhere('analyst');

    const noCode = await signIn('analyst', DEMO_PASSWORD, OWNER);
    expect(noCode.statusCode).toBe(423);
    expect(noCode.json().code).toBe('account_locked');
    expect(Number(noCode.headers['retry-after'])).toBeGreaterThan(0);
    // A wrong password with a good code looks like any refusal while the name is locked.
    const code = totpNow('analyst', secret, clock.now());
    expect((await signIn('analyst', 'wrong-password!', OWNER, code)).statusCode).toBe(423);
    expect((await signIn('analyst', DEMO_PASSWORD, OWNER, code)).statusCode).toBe(200);
    const account = await auditOf('auth.lockout', 'user:analyst');
    expect(account.map((e) => e.details.scope)).toContain('account');
  });

  it('lets an admin unlock a locked name, and records who did', async () => {
    await lockEverywhere('compliance');
    expect((await signIn('compliance', DEMO_PASSWORD, OWNER)).statusCode).toBe(423);
    const users = await t.app.inject({
      method: 'GET',
      url: '/api/v1/users?q=compliance',
      headers: bearer((await login(t.app, 'admin', ADMIN_PASSWORD)).token),
    });
    const id = users.json().items[0].id as string;

    const viewer = (await login(t.app, 'viewer')).token;
    const refused = await t.app.inject({
      method: 'POST',
      url: `/api/v1/users/${id}/unlock`,
      headers: bearer(viewer),
    });
    expect(refused.statusCode).toBe(403);

    const admin = (await login(t.app, 'admin', ADMIN_PASSWORD)).token;
    const unlock = await t.app.inject({
      method: 'POST',
      url: `/api/v1/users/${id}/unlock`,
      headers: bearer(admin),
    });
    expect(unlock.statusCode).toBe(204);
    expect((await signIn('compliance', DEMO_PASSWORD, OWNER)).statusCode).toBe(200);
    // Every address's count went too, the slowed ones included.
    expect((await signIn('compliance', DEMO_PASSWORD, '192.0.2.10')).statusCode).toBe(200);
    const unlocks = await auditOf('auth.unlock', 'user:compliance');
    expect(unlocks[0]!.details).toMatchObject({ addresses: 2, wasLocked: true });
  });

  it('answers an unlock of a user that does not exist with 404', async () => {
    const admin = (await login(t.app, 'admin', ADMIN_PASSWORD)).token;
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/users/00000000-0000-4000-8000-000000000000/unlock',
      headers: bearer(admin),
    });
    expect(res.statusCode).toBe(404);
  });
});
