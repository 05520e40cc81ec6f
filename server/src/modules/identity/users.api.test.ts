import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

const createUser = (token: string, payload: Record<string, unknown>) =>
  t.app.inject({ method: 'POST', url: '/api/v1/users', headers: bearer(token), payload });

describe('users API', () => {
  it('lets an admin create a user who can then sign in with the given roles', async () => {
    const res = await createUser(admin, {
      username: 'gas.trader',
      displayName: 'Gas Trader',
      password: 'TTF-spreads-2026',
      roles: ['trader', 'analyst'],
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      username: 'gas.trader',
      roles: ['trader', 'analyst'],
      mfaEnabled: false,
    });
    const s = await login(t.app, 'gas.trader', 'TTF-spreads-2026');
    expect(s.body.user.permissions).toEqual(
      expect.arrayContaining(['orders:write', 'forecasts:write']),
    );
  });

  it('names each bad field and the rule it breaks, and creates nothing', async () => {
    const res = await createUser(admin, {
      username: 'x',
      displayName: '',
      password: 'pw',
      roles: ['king'],
    });
    expect(res.statusCode).toBe(400);
    const fields = (res.json().errors as { field: string }[]).map((e) => e.field).sort();
    expect(fields).toEqual(['displayName', 'roles.0', 'username']);
    const weak = await createUser(admin, {
      username: 'weakling',
      displayName: 'W',
      password: 'short',
      roles: ['viewer'],
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().errors).toEqual([
      expect.objectContaining({ field: 'password', rule: 'min_length' }),
    ]);
    const list = await t.app.inject({
      method: 'GET',
      url: '/api/v1/users?q=weakling',
      headers: bearer(admin),
    });
    expect(list.json().total).toBe(0);
  });

  it('refuses a second user with the same name in any case', async () => {
    const payload = { displayName: 'Dup', password: 'Duplicate-Name-1', roles: ['viewer'] };
    expect((await createUser(admin, { ...payload, username: 'dupe' })).statusCode).toBe(201);
    const again = await createUser(admin, { ...payload, username: 'DUPE' });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('username_taken');
  });

  it('keeps viewers and traders out of user administration', async () => {
    for (const who of ['viewer', 'trader']) {
      const s = await login(t.app, who);
      const list = await t.app.inject({
        method: 'GET',
        url: '/api/v1/users',
        headers: bearer(s.token),
      });
      expect(list.statusCode).toBe(403);
      expect(list.json().code).toBe('permission_denied');
      const create = await createUser(s.token, {
        username: 'sneaky',
        displayName: 'S',
        password: 'Sneaky-Passw0rd',
        roles: ['admin'],
      });
      expect(create.statusCode).toBe(403);
    }
  });

  it('changes roles, disables a user and ends their sessions', async () => {
    await createUser(admin, {
      username: 'leaver',
      displayName: 'Leaver',
      password: 'Leaving-Soon-26',
      roles: ['trader'],
    });
    const s = await login(t.app, 'leaver', 'Leaving-Soon-26');
    const patched = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/users/${s.body.user.id}`,
      headers: bearer(admin),
      payload: { roles: ['viewer'] },
    });
    expect(patched.json().roles).toEqual(['viewer']);
    // Roles apply at once, not when the access token expires.
    const order = await t.app.inject({
      method: 'GET',
      url: '/api/v1/users',
      headers: bearer(s.token),
    });
    expect(order.statusCode).toBe(403);
    await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/users/${s.body.user.id}`,
      headers: bearer(admin),
      payload: { disabled: true },
    });
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(s.token) });
    expect(me.statusCode).toBe(401);
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'leaver', password: 'Leaving-Soon-26' },
    });
    expect(again.statusCode).toBe(401);
  });

  it('answers a malformed user id with 400, not a database error', async () => {
    const res = await t.app.inject({
      method: 'PATCH',
      url: "/api/v1/users/1'%20or%20'1'='1",
      headers: bearer(admin),
      payload: { disabled: true },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe('id');
  });

  it('stops an admin from removing their own admin role', async () => {
    const me = await login(t.app, 'admin', ADMIN_PASSWORD);
    const res = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/users/${me.body.user.id}`,
      headers: bearer(admin),
      payload: { roles: ['viewer'] },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0]).toMatchObject({ field: 'roles', rule: 'not_self' });
  });
});

describe('API keys', () => {
  it('shows a key once, stores only its hash, and limits it to its scopes', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/api-keys',
      headers: bearer(admin),
      payload: { name: 'reporting bot', scopes: ['audit:read'] },
    });
    expect(created.statusCode).toBe(201);
    const { key, id, prefix } = created.json();
    expect(key).toMatch(new RegExp(`^eo_${prefix}_`));
    const listed = await t.app.inject({
      method: 'GET',
      url: '/api/v1/api-keys',
      headers: bearer(admin),
    });
    expect(JSON.stringify(listed.json())).not.toContain(key);

    const audit = await t.app.inject({
      method: 'GET',
      url: '/api/v1/audit',
      headers: { 'x-api-key': key },
    });
    expect(audit.statusCode).toBe(200);
    const users = await t.app.inject({
      method: 'GET',
      url: '/api/v1/users',
      headers: { 'x-api-key': key },
    });
    expect(users.statusCode).toBe(403);

    const revoke = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/api-keys/${id}`,
      headers: bearer(admin),
    });
    expect(revoke.statusCode).toBe(204);
    const after = await t.app.inject({
      method: 'GET',
      url: '/api/v1/audit',
      headers: { 'x-api-key': key },
    });
    expect(after.statusCode).toBe(401);
  });

  it('refuses a key with a scope the creator does not hold', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/api-keys',
      headers: bearer(admin),
      payload: { name: 'x', scopes: ['launch:missiles'] },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe('scopes.0');
  });
});
