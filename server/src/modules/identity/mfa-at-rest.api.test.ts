import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../platform/clock.js';
import { MemoryCache } from '../../platform/cache/cache.js';
import { MemoryRateLimitStore } from '../../platform/http/rate-limit.js';
import { login, startTestApp, type TestApp } from '../../test-support/harness.js';
import { chainKeyring, createAuditRepo, createAuditTrail } from '../audit/index.js';
import { createIdentity } from './index.js';
import { totpNow } from './mfa.js';
import { createMfaSecretBox } from './mfa-secret-box.js';
import { identityDb } from './tables.js';

const KEY = 'k'.repeat(16) + 'mfa-at-rest-test-key';

describe('authenticator secrets at rest', () => {
  let c: TestApp;
  const clock = new ManualClock(Date.UTC(2026, 5, 1, 8));
  const storedSecret = async (username: string) =>
    await identityDb(c.platform.dbs.db)
      .selectFrom('users')
      .select(['id', 'mfa_secret'])
      .where('username', '=', username)
      .executeTakeFirstOrThrow();

  beforeAll(async () => {
    c = await startTestApp({ clock, env: { MFA_ENCRYPTION_KEY: KEY } });
  });
  afterAll(() => c.close());

  it('stores an enrolled secret sealed, and sign-in still takes the code', async () => {
    const s = await login(c.app, 'analyst');
    const enrol = await c.app.inject({
      method: 'POST',
      url: '/api/v1/me/mfa/enrol',
      headers: { authorization: `Bearer ${s.token}` },
    });
    const { secret } = enrol.json<{ secret: string }>();
    const row = await storedSecret('analyst');
    expect(row.mfa_secret).toMatch(/^v1\./);
    expect(row.mfa_secret).not.toContain(secret);
    expect(createMfaSecretBox(KEY).open(row.mfa_secret!, row.id)).toBe(secret);

    const confirm = await c.app.inject({
      method: 'POST',
      url: '/api/v1/me/mfa/confirm',
      headers: { authorization: `Bearer ${s.token}` },
      payload: { totp: totpNow('analyst', secret, clock.now()) },
    });
    expect(confirm.statusCode).toBe(204);
    const signedIn = await login(
      c.app,
      'analyst',
      undefined,
      totpNow('analyst', secret, clock.now()),
    );
    expect(signedIn.body.user).toMatchObject({ username: 'analyst' });
  });

  it('seals a secret stored in clear by an older version, which keeps working', async () => {
    const legacy = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
    await identityDb(c.platform.dbs.db)
      .updateTable('users')
      .set({ mfa_secret: legacy, mfa_enabled: true })
      .where('username', '=', 'viewer')
      .execute();
    // Before sealing, the clear secret still signs the user in.
    await login(c.app, 'viewer', undefined, totpNow('viewer', legacy, clock.now()));

    const identity = createIdentity({
      db: c.platform.dbs.db,
      reader: c.platform.dbs.reader,
      audit: createAuditTrail({
        db: c.platform.dbs.db,
        reader: c.platform.dbs.reader,
        repo: createAuditRepo(),
        clock,
        keys: chainKeyring(['a'.repeat(32)]),
      }),
      clock,
      rateLimits: new MemoryRateLimitStore(),
      cache: new MemoryCache(),
      bus: c.platform.bus,
      alerts: { warn: () => undefined },
      jwtSecrets: ['x'.repeat(32)],
      mfaKey: KEY,
      accessTtlSeconds: 900,
      refreshTtlSeconds: 3600,
      lockoutThreshold: 5,
      lockoutAccountAddresses: 4,
      loginPerMinute: 100,
      secureCookies: false,
    });
    expect(await identity.sealStoredMfaSecrets()).toBe(1);
    expect(await identity.sealStoredMfaSecrets()).toBe(0);
    const row = await storedSecret('viewer');
    expect(row.mfa_secret).toMatch(/^v1\./);
    expect(row.mfa_secret).not.toContain(legacy);
    clock.advance(60_000);
    await login(c.app, 'viewer', undefined, totpNow('viewer', legacy, clock.now()));
  });

  it('answers 409 mfa_unreadable, not a server error, for a secret sealed under another key', async () => {
    const legacy = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
    const row = await storedSecret('viewer');
    const foreign = createMfaSecretBox('another key of at least thirty-two characters').seal(
      legacy,
      row.id,
    );
    await identityDb(c.platform.dbs.db)
      .updateTable('users')
      .set({ mfa_secret: foreign })
      .where('id', '=', row.id)
      .execute();
    const res = await c.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: {
        username: 'viewer',
        password: 'Test-Demo-Passw0rd',
        totp: totpNow('viewer', legacy, clock.now()),
      },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'mfa_unreadable' });
  });
});
