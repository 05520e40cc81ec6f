import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../platform/clock.js';
import { forgeUnkeyedChain } from './forge-unkeyed-chain.js';
import { chainKeyring, createAuditRepo, createAuditTrail } from './index.js';
import {
  ADMIN_PASSWORD,
  bearer,
  login,
  startTestApp,
  type TestApp,
} from '../../test-support/harness.js';

let t: TestApp;
let admin: string;
beforeAll(async () => {
  t = await startTestApp();
  admin = (await login(t.app, 'admin', ADMIN_PASSWORD)).token;
});
afterAll(() => t.close());

const audit = (token: string, query = '') =>
  t.app.inject({ method: 'GET', url: `/api/v1/audit${query}`, headers: bearer(token) });

describe('audit trail', () => {
  it('records a user creation with actor, target and the request id the client saw', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: bearer(admin),
      payload: {
        username: 'audited',
        displayName: 'A',
        password: 'Audit-Me-Please-1',
        roles: ['viewer'],
      },
    });
    const page = await audit(admin, '?action=user.create&target=user:audited');
    expect(page.statusCode).toBe(200);
    expect(page.json().items).toEqual([
      expect.objectContaining({
        actor: 'user:admin',
        action: 'user.create',
        target: 'user:audited',
        requestId: res.headers['x-request-id'],
      }),
    ]);
  });

  it('records failed sign-ins and role changes', async () => {
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'trader', password: 'nope-nope-nope' },
    });
    const failed = await audit(admin, '?action=auth.login_failed');
    expect(failed.json().items[0]).toMatchObject({
      target: 'user:trader',
      details: { reason: 'bad_password' },
    });
    const viewer = await login(t.app, 'viewer');
    await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/users/${viewer.body.user.id}`,
      headers: bearer(admin),
      payload: { roles: ['viewer', 'analyst'] },
    });
    const change = await audit(admin, '?action=user.roles_change');
    expect(change.json().items[0].details).toEqual({ from: ['viewer'], to: ['viewer', 'analyst'] });
  });

  it('records refused state-changing requests too', async () => {
    const viewer = await login(t.app, 'viewer');
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: bearer(viewer.token),
      payload: {
        username: 'nope',
        displayName: 'N',
        password: 'Nope-Nope-Nope-1',
        roles: ['admin'],
      },
    });
    const page = await audit(admin, '?action=http.refused&actor=user:viewer');
    expect(page.json().items[0]).toMatchObject({
      target: '/api/v1/users',
      details: { method: 'POST', status: 403 },
    });
  });

  it('is open to compliance officers and closed to traders', async () => {
    expect((await audit((await login(t.app, 'compliance')).token)).statusCode).toBe(200);
    expect((await audit((await login(t.app, 'trader')).token)).statusCode).toBe(403);
  });

  it('pages newest first and filters by time', async () => {
    const all = await audit(admin, '?limit=3');
    const items = all.json().items as { seq: number }[];
    expect(items).toHaveLength(3);
    expect(items[0]!.seq).toBeGreaterThan(items[1]!.seq);
    const future = await audit(admin, `?from=${encodeURIComponent('2999-01-01T00:00:00Z')}`);
    expect(future.json()).toEqual({ items: [], total: 0 });
    const bad = await audit(admin, '?from=yesterday');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('from');
  });

  it('verifies an intact chain and reports the first row someone edited', async () => {
    const ok = await t.app.inject({
      method: 'GET',
      url: '/api/v1/audit/verify',
      headers: bearer(admin),
    });
    expect(ok.json()).toMatchObject({ ok: true, firstBrokenSeq: null });
    expect(ok.json().checked).toBeGreaterThan(5);
    await sql`update audit_log set actor = 'user:nobody' where seq = 3`.execute(t.platform.dbs.db);
    const broken = await t.app.inject({
      method: 'GET',
      url: '/api/v1/audit/verify',
      headers: bearer(admin),
    });
    // Entries 1 and 2 still verify; the count says so rather than 0.
    expect(broken.json()).toEqual({
      ok: false,
      checked: 2,
      firstBrokenSeq: 3,
      reason: 'hash_mismatch',
    });
  });
});

describe('keyed audit chain', () => {
  const KEY = 'audit-key-held-outside-the-database-0123';
  let k: TestApp;
  let kAdmin: string;
  beforeAll(async () => {
    k = await startTestApp({ env: { AUDIT_HMAC_KEY: KEY } });
    kAdmin = (await login(k.app, 'admin', ADMIN_PASSWORD)).token;
  });
  afterAll(() => k.close());
  const verify = async () =>
    (
      await k.app.inject({ method: 'GET', url: '/api/v1/audit/verify', headers: bearer(kAdmin) })
    ).json();
  const trail = () =>
    createAuditTrail({
      db: k.platform.dbs.db,
      reader: k.platform.dbs.reader,
      repo: createAuditRepo(),
      clock: systemClock,
      keys: chainKeyring([KEY]),
    });

  it('keys every new entry under the configured key', async () => {
    const page = await k.app.inject({
      method: 'GET',
      url: '/api/v1/audit?limit=5',
      headers: bearer(kAdmin),
    });
    for (const e of page.json().items)
      expect(e).toMatchObject({ hashAlg: 'hmac-sha256', keyId: expect.any(String) });
    expect(await verify()).toMatchObject({ ok: true });
  });

  it('still verifies entries hashed before the chain was keyed, once a keyed entry seals them', async () => {
    // The state an upgraded database starts in: every entry plain SHA-256.
    await forgeUnkeyedChain(k.platform.dbs.db);
    expect(await verify()).toMatchObject({ ok: false, reason: 'chain_not_keyed' });
    expect(await trail().sealUnkeyedChain()).toBe(true);
    await k.app.inject({
      method: 'PUT',
      url: '/api/v1/roles/viewer/mfa',
      headers: bearer(kAdmin),
      payload: { required: false },
    });
    const result = await verify();
    expect(result).toMatchObject({ ok: true, firstBrokenSeq: null });
    const newest = await k.app.inject({
      method: 'GET',
      url: '/api/v1/audit?limit=1',
      headers: bearer(kAdmin),
    });
    expect(newest.json().items[0]).toMatchObject({
      action: 'role.mfa_change',
      hashAlg: 'hmac-sha256',
    });
  });

  it('refuses a chain rewritten whole with plain SHA-256, as someone with only the database could', async () => {
    await forgeUnkeyedChain(k.platform.dbs.db, { seq: 2, actor: 'user:mallory' });
    expect(await verify()).toEqual({
      ok: false,
      checked: 0,
      firstBrokenSeq: 1,
      reason: 'chain_not_keyed',
    });
  });
});
