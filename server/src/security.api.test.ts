import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ADMIN_PASSWORD,
  bearer,
  login,
  startTestApp,
  type TestApp,
} from './test-support/harness.js';

const INJECTIONS = [
  "' OR '1'='1",
  "admin'--",
  "admin' /*",
  "'; DROP TABLE users; --",
  '" OR ""="',
  '1; select pg_sleep(5)',
  "%' union select password_hash, null from users --",
  '\\',
];

let t: TestApp;
let admin: string;
beforeAll(async () => {
  t = await startTestApp();
  admin = (await login(t.app, 'admin', ADMIN_PASSWORD)).token;
});
afterAll(() => t.close());

describe('SQL injection', () => {
  it('signs nobody in and never fails with 5xx on injection strings in the login form', async () => {
    for (const s of INJECTIONS) {
      for (const payload of [
        { username: s, password: 'x' },
        { username: 'admin', password: s },
      ]) {
        const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload });
        expect(res.statusCode, s).toBeGreaterThanOrEqual(400);
        expect(res.statusCode, s).toBeLessThan(500);
        expect(res.body).not.toContain('accessToken');
      }
    }
  });

  it('treats injection strings in query parameters as plain text', async () => {
    for (const s of INJECTIONS) {
      const q = encodeURIComponent(s);
      const users = await t.app.inject({ url: `/api/v1/users?q=${q}`, headers: bearer(admin) });
      expect(users.statusCode, s).toBe(200);
      expect(users.json().total, s).toBe(0);
      expect(users.body).not.toContain('$argon2');
      const audit = await t.app.inject({
        url: `/api/v1/audit?actor=${q}&action=${q}`,
        headers: bearer(admin),
      });
      expect(audit.statusCode, s).toBe(200);
      expect(audit.json().total, s).toBe(0);
      const limit = await t.app.inject({ url: `/api/v1/audit?limit=${q}`, headers: bearer(admin) });
      expect(limit.statusCode, s).toBe(400);
    }
    // The users table is still there and whole.
    const all = await t.app.inject({ url: '/api/v1/users', headers: bearer(admin) });
    expect(all.json().total).toBe(6);
  });

  it('matches LIKE wildcards in a search literally', async () => {
    const res = await t.app.inject({
      url: `/api/v1/users?q=${encodeURIComponent('%')}`,
      headers: bearer(admin),
    });
    expect(res.json().total).toBe(0);
  });
});

describe('stored markup', () => {
  it('keeps a script tag in a display name as data, byte for byte, in JSON', async () => {
    const name = '<script>alert(1)</script><img src=x onerror=alert(2)>';
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: bearer(admin),
      payload: {
        username: 'markup',
        displayName: name,
        password: 'Stored-Text-2026',
        roles: ['viewer'],
      },
    });
    expect(res.statusCode).toBe(201);
    expect(res.headers['content-type']).toContain('application/json');
    expect(res.json().displayName).toBe(name);
  });
});

describe('role boundaries', () => {
  it('keeps a viewer out of every admin route', async () => {
    const viewer = (await login(t.app, 'viewer')).token;
    const adminOnly = t.app.declaredRoutes.filter(
      (r) =>
        r.access &&
        ['users:read', 'users:write', 'roles:write', 'apikeys:manage', 'audit:read'].includes(
          r.access,
        ),
    );
    expect(adminOnly.length).toBeGreaterThan(5);
    for (const r of adminOnly) {
      const url = r.url
        .replace(':id', '00000000-0000-4000-8000-000000000000')
        .replace(':role', 'viewer');
      const res = await t.app.inject({
        method: r.method as 'GET',
        url,
        headers: bearer(viewer),
        payload: {},
      });
      expect(res.statusCode, `${r.method} ${r.url}`).toBe(403);
    }
  });
});
