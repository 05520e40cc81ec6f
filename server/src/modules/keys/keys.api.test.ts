import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../platform/clock.js';
import { bearer, login, startTestApp, type TestApp } from '../../test-support/harness.js';
import { parseEnvelope } from './domain/envelope-format.js';
import { deriveMasterKey } from './domain/master-key.js';
import { createKeysModule } from './index.js';
import { keysDb } from './tables.js';

const MASTER = 'keys-master-secret-of-the-test-desk-0123456789';
const text = (s: string) => new TextEncoder().encode(s);
const read = (b: Uint8Array | undefined) => new TextDecoder().decode(b);

describe('keys API: rotation, revocation and destruction', () => {
  let t: TestApp;
  const module = createKeysModule();
  const log: string[] = [];
  const clock = new ManualClock(Date.UTC(2026, 0, 5, 9));
  let admin: Record<string, string>;
  let trader: Record<string, string>;
  const post = (url: string, headers: Record<string, string>, payload?: unknown) =>
    t.app.inject({
      method: 'POST',
      url,
      headers,
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
  const get = (url: string, headers = admin) => t.app.inject({ method: 'GET', url, headers });
  const versionsOf = async (keyId: string) =>
    (await get('/api/v1/keys'))
      .json<{ versions: { keyId: string; version: number; state: string }[] }>()
      .versions.filter((v) => v.keyId === keyId);

  beforeAll(async () => {
    t = await startTestApp({
      clock,
      modules: [module.register],
      env: { KEYS_MASTER_SECRET: MASTER, ACCESS_TOKEN_TTL_SECONDS: '86400' },
      logger: { write: (line) => void log.push(line) },
    });
    admin = bearer((await login(t.app, 'admin')).token);
    trader = bearer((await login(t.app, 'trader')).token);
  });
  afterAll(() => t.close());

  it('starts with an active hybrid default key, listed to admins only', async () => {
    const res = await get('/api/v1/keys');
    expect(res.statusCode).toBe(200);
    expect(res.json().versions).toEqual([
      expect.objectContaining({
        keyId: 'default',
        version: 1,
        state: 'active',
        algorithm: 'ML-KEM-1024+X25519',
      }),
    ]);
    expect(res.body).not.toMatch(/public|secret/i);
    expect((await get('/api/v1/keys', trader)).statusCode).toBe(403);
    expect((await post('/api/v1/keys/default/rotate', trader, {})).statusCode).toBe(403);
    expect((await post('/api/v1/keys/default/versions/1/revoke', trader)).statusCode).toBe(403);
    expect((await post('/api/v1/keys/default/versions/1/destroy', trader)).statusCode).toBe(403);
  });

  it('rotates: new data goes under the new version and a job rewraps the old without touching payloads', async () => {
    const vault = module.service().vault;
    for (const n of [1, 2, 3]) await vault.put(`bank:${n}`, text(`IBAN DE${n}`));
    const before = await vault.envelope('bank:1');
    const res = await post('/api/v1/keys/default/rotate', admin, {});
    expect(res.statusCode).toBe(202);
    expect(res.json()).toMatchObject({
      version: { version: 2, state: 'active' },
      rewrapJob: { total: 3, toVersion: 2 },
    });
    await module.service().rewrapper.settled();
    const job = await get(`/api/v1/keys/rewrap-jobs/${res.json().rewrapJob.id as number}`);
    expect(job.json()).toMatchObject({
      state: 'done',
      total: 3,
      rewrapped: 3,
      skipped: 0,
      startedBy: 'user:admin',
    });
    const after = await vault.envelope('bank:1');
    expect(parseEnvelope(after!).keyVersion).toBe(2);
    expect(parseEnvelope(after!).payload).toEqual(parseEnvelope(before!).payload);
    expect(read(await vault.get('bank:1'))).toBe('IBAN DE1');
    const sealed = await module.keys.seal('note:1', text('new'));
    expect(parseEnvelope(sealed).keyVersion).toBe(2);
    expect(await versionsOf('default')).toMatchObject([
      { version: 1, state: 'retired' },
      { version: 2, state: 'active' },
    ]);
    const audit = await get('/api/v1/audit?action=http.request&limit=50');
    expect(audit.json().items.map((e: { target: string }) => e.target)).toContain(
      '/api/v1/keys/:keyId/rotate',
    );
  });

  it('revokes: the version opens nothing and the answer lists the data sealed under it', async () => {
    const res = await post('/api/v1/keys/default/versions/2/revoke', admin);
    expect(res.statusCode).toBe(200);
    expect(res.json().version.state).toBe('revoked');
    expect(res.json().affected.total).toBe(3);
    expect(res.json().affected.records.map((r: { recordId: string }) => r.recordId)).toEqual([
      'bank:1',
      'bank:2',
      'bank:3',
    ]);
    await expect(module.service().vault.get('bank:1')).rejects.toMatchObject({
      code: 'key_revoked',
    });
    await expect(module.keys.seal('note:2', text('x'))).rejects.toMatchObject({
      code: 'no_active_key',
    });
    expect((await post('/api/v1/keys/default/versions/2/revoke', admin)).json()).toMatchObject({
      code: 'illegal_key_transition',
    });
    // A new version: the job cannot unwrap data under a revoked version and says so.
    const rotated = await post('/api/v1/keys/default/rotate', admin, {});
    await module.service().rewrapper.settled();
    expect(
      (await get(`/api/v1/keys/rewrap-jobs/${rotated.json().rewrapJob.id as number}`)).json(),
    ).toMatchObject({
      state: 'done',
      rewrapped: 0,
      skipped: 3,
    });
    expect((await get('/api/v1/keys/default/versions/2/usage')).json().total).toBe(3);
  });

  it('destroys a version only after its retention period, and never the active one', async () => {
    const early = await post('/api/v1/keys/default/versions/1/destroy', admin);
    expect(early.statusCode).toBe(409);
    expect(early.json()).toMatchObject({ code: 'key_retention_period' });
    expect((await post('/api/v1/keys/default/versions/3/destroy', admin)).json()).toMatchObject({
      code: 'illegal_key_transition',
    });
    clock.advance(31 * 86_400_000);
    admin = bearer((await login(t.app, 'admin')).token);
    const res = await post('/api/v1/keys/default/versions/1/destroy', admin);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ state: 'destroyed' });
    const row = await keysDb(t.platform.dbs.db)
      .selectFrom('keys_key_versions')
      .select('sealed_secret')
      .where('key_id', '=', 'default')
      .where('version', '=', 1)
      .executeTakeFirstOrThrow();
    expect(row.sealed_secret).toBeNull();
  });

  it('creates an RSA-4096 key for a partner and seals under it by key id', async () => {
    const res = await post('/api/v1/keys', admin, {
      keyId: 'partner.acme',
      algorithm: 'RSA-4096-OAEP-SHA256',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      keyId: 'partner.acme',
      version: 1,
      state: 'active',
      algorithm: 'RSA-4096-OAEP-SHA256',
    });
    const sealed = await module.keys.seal('confirmation:9', text('confirmed'), {
      keyId: 'partner.acme',
    });
    expect(parseEnvelope(sealed).kem).toBe(2);
    expect(read(await module.keys.open('confirmation:9', sealed))).toBe('confirmed');
    await expect(module.keys.open('confirmation:10', sealed)).rejects.toMatchObject({
      code: 'envelope_unopenable',
    });
    expect((await post('/api/v1/keys', admin, { keyId: 'partner.acme' })).json()).toMatchObject({
      code: 'key_exists',
    });
  });

  it('refuses bad input naming the field, and unknown keys', async () => {
    const bad = [
      ['/api/v1/keys', { keyId: 'Bad Id' }, 'keyId'],
      ['/api/v1/keys', { keyId: 'ok', algorithm: 'DES' }, 'algorithm'],
      ['/api/v1/keys', { keyId: 'ok', extra: 1 }, 'body'],
      ['/api/v1/keys/default/rotate', { algorithm: 'Kyber512' }, 'algorithm'],
      ['/api/v1/keys/default/versions/0/revoke', undefined, 'version'],
      ['/api/v1/keys/default/versions/abc/destroy', undefined, 'version'],
    ] as const;
    for (const [url, payload, field] of bad) {
      const res = await post(url, admin, payload);
      expect(res.statusCode, url).toBe(400);
      expect(
        res.json().errors.map((e: { field: string }) => e.field),
        url,
      ).toContain(field);
    }
    expect((await post('/api/v1/keys/nokey/rotate', admin, {})).json()).toMatchObject({
      code: 'key_unknown',
    });
    expect((await post('/api/v1/keys/default/versions/99/revoke', admin)).statusCode).toBe(404);
    expect((await get('/api/v1/keys/rewrap-jobs/999999')).json()).toMatchObject({
      code: 'rewrap_job_unknown',
    });
    await expect(module.keys.open('bank:1', text('not an envelope'))).rejects.toMatchObject({
      code: 'envelope_malformed',
    });
  });

  it('never writes key material to the log', async () => {
    const master = deriveMasterKey(MASTER);
    const rows = await keysDb(t.platform.dbs.db)
      .selectFrom('keys_key_versions')
      .selectAll()
      .execute();
    const all = log.join('\n');
    expect(all.length).toBeGreaterThan(0);
    for (const r of rows) {
      if (!r.sealed_secret) continue;
      const secret = master.openSecret(r.key_id, r.version, r.kem, r.sealed_secret)!;
      for (const form of [
        Buffer.from(secret).toString('hex'),
        Buffer.from(secret).toString('base64'),
      ]) {
        expect(all).not.toContain(form.slice(0, 32));
      }
    }
    expect(all).not.toContain(MASTER);
  });
});
