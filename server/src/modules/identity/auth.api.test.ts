import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../platform/clock.js';
import {
  ADMIN_PASSWORD,
  bearer,
  cookieOf,
  login,
  startTestApp,
  type TestApp,
} from '../../test-support/harness.js';
import { totpNow } from './mfa.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ env: { LOCKOUT_THRESHOLD: '3' } });
});
afterAll(() => t.close());

const refresh = (cookie: string, csrf: string | undefined) =>
  t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/refresh',
    cookies: { eo_refresh: cookie, ...(csrf ? { eo_csrf: csrf } : {}) },
    headers: csrf ? { 'x-csrf-token': csrf } : {},
  });

describe('sign-in', () => {
  it('returns a short-lived access token and sets an httpOnly strict refresh cookie', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'trader', password: 'Test-Demo-Passw0rd' },
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.expiresIn).toBe(900);
    expect(body.user).toMatchObject({ username: 'trader', roles: ['trader'] });
    expect(body.user.permissions).toContain('orders:write');
    expect(body.user).not.toHaveProperty('passwordHash');
    const cookie = res.cookies.find((c) => c.name === 'eo_refresh')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Strict');
    expect(cookie.path).toBe('/api/v1/auth');
  });

  it('answers a wrong password and an unknown user with the same problem', async () => {
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'analyst', password: 'not-the-password' },
    });
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'nobody-here', password: 'not-the-password' },
    });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.headers['content-type']).toContain('application/problem+json');
    const strip = (b: Record<string, unknown>) => ({ ...b, requestId: undefined });
    expect(strip(wrong.json())).toEqual(strip(unknown.json()));
    expect(wrong.json().code).toBe('invalid_credentials');
  });

  it('names the missing field when the body is incomplete', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'x' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([expect.objectContaining({ field: 'password' })]);
  });

  it('slows an address after repeated failures for a name, whether or not the user exists', async () => {
    for (const name of ['compliance', 'ghost-user']) {
      const attempt = () =>
        t.app.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          payload: { username: name, password: 'wrong-password!' },
        });
      for (let i = 0; i < 3; i++) expect((await attempt()).statusCode).toBe(401);
      const slowed = await attempt();
      expect(slowed.statusCode).toBe(429);
      expect(slowed.json().code).toBe('login_throttled');
      expect(Number(slowed.headers['retry-after'])).toBeGreaterThan(0);
    }
  });
});

describe('refresh tokens', () => {
  it('rotates the refresh token and needs the CSRF header', async () => {
    const s = await login(t.app, 'risk');
    expect((await refresh(s.refreshCookie, undefined)).statusCode).toBe(403);
    const res = await refresh(s.refreshCookie, s.csrf);
    expect(res.statusCode).toBe(200);
    const next = cookieOf(res, 'eo_refresh');
    expect(next).toBeDefined();
    expect(next).not.toBe(s.refreshCookie);
    const me = await t.app.inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: bearer(res.json().accessToken),
    });
    expect(me.json().username).toBe('risk');
  });

  it('revokes the whole family when a used refresh token comes back', async () => {
    const s = await login(t.app, 'viewer');
    const first = await refresh(s.refreshCookie, s.csrf);
    const rotated = cookieOf(first, 'eo_refresh')!;
    const replay = await refresh(s.refreshCookie, s.csrf);
    expect(replay.statusCode).toBe(401);
    // The thief's replay also ends the legitimate holder's session.
    expect((await refresh(rotated, s.csrf)).statusCode).toBe(401);
  });

  it('ends the session at logout', async () => {
    const s = await login(t.app, 'viewer');
    const out = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      cookies: { eo_refresh: s.refreshCookie, eo_csrf: s.csrf },
      headers: { 'x-csrf-token': s.csrf },
    });
    expect(out.statusCode).toBe(204);
    expect((await refresh(s.refreshCookie, s.csrf)).statusCode).toBe(401);
  });
});

describe('access tokens', () => {
  const me = (token: string) =>
    t.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(token) });

  it('refuses a request without a token', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/me' });
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('unauthenticated');
  });

  it('refuses a token whose payload was tampered with', async () => {
    const s = await login(t.app, 'viewer');
    const [h, p, sig] = s.token.split('.');
    const payload = JSON.parse(Buffer.from(p!, 'base64url').toString());
    payload.roles = ['admin'];
    const forged = [h, Buffer.from(JSON.stringify(payload)).toString('base64url'), sig].join('.');
    expect((await me(forged)).statusCode).toBe(401);
  });

  it('refuses an unsigned token with alg none', async () => {
    const s = await login(t.app, 'admin', ADMIN_PASSWORD);
    const [, p] = s.token.split('.');
    const header = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
    expect((await me(`${header}.${p}.`)).statusCode).toBe(401);
  });

  it('refuses a token signed with another key', async () => {
    const s = await login(t.app, 'viewer');
    const forged = await new SignJWT({ username: 'viewer', roles: ['admin'], typ: 'access' })
      .setProtectedHeader({ alg: 'HS256', kid: 'whatever' })
      .setSubject(s.body.user.id)
      .setIssuer('energyopti')
      .setAudience('energyopti-api')
      .setExpirationTime('5m')
      .sign(new TextEncoder().encode('a'.repeat(40)));
    expect((await me(forged)).statusCode).toBe(401);
  });
});

describe('expiry and MFA with a controlled clock', () => {
  let c: TestApp;
  const clock = new ManualClock(Date.UTC(2026, 5, 1, 8, 0, 0));
  beforeAll(async () => {
    c = await startTestApp({ clock });
  });
  afterAll(() => c.close());

  it('refuses an access token once it has expired', async () => {
    const s = await login(c.app, 'trader');
    const me = () => c.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(s.token) });
    expect((await me()).statusCode).toBe(200);
    clock.advance(901_000);
    expect((await me()).statusCode).toBe(401);
  });

  it('asks for a TOTP code at sign-in once MFA is enrolled', async () => {
    const s = await login(c.app, 'analyst');
    const enrol = await c.app.inject({
      method: 'POST',
      url: '/api/v1/me/mfa/enrol',
      headers: bearer(s.token),
    });
    expect(enrol.statusCode).toBe(200);
    const { secret, otpauthUri, qrDataUrl } = enrol.json();
    expect(otpauthUri).toMatch(/^otpauth:\/\/totp\/EnergyOpti-Pro:analyst\?/);
    expect(qrDataUrl).toMatch(/^data:image\/png;base64,/);
    const wrong = await c.app.inject({
      method: 'POST',
      url: '/api/v1/me/mfa/confirm',
      headers: bearer(s.token),
      payload: { totp: '000000' === totpNow('analyst', secret, clock.now()) ? '111111' : '000000' },
    });
    expect(wrong.statusCode).toBe(400);
    const ok = await c.app.inject({
      method: 'POST',
      url: '/api/v1/me/mfa/confirm',
      headers: bearer(s.token),
      payload: { totp: totpNow('analyst', secret, clock.now()) },
    });
    expect(ok.statusCode).toBe(204);

    const noCode = await c.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'analyst', password: 'Test-Demo-Passw0rd' },
    });
    expect(noCode.statusCode).toBe(401);
    expect(noCode.json().code).toBe('mfa_required');
    const withCode = await login(
      c.app,
      'analyst',
      undefined,
      totpNow('analyst', secret, clock.now()),
    );
    expect(withCode.body.user).toMatchObject({ mfaEnabled: true });
  });

  it('grants no permissions to a user whose role requires MFA until they enrol', async () => {
    const admin = await login(c.app, 'admin', ADMIN_PASSWORD);
    const put = await c.app.inject({
      method: 'PUT',
      url: '/api/v1/roles/risk_manager/mfa',
      headers: bearer(admin.token),
      payload: { required: true },
    });
    expect(put.statusCode).toBe(200);
    const risk = await login(c.app, 'risk');
    expect(risk.body.user).toMatchObject({ mfaRequired: true });
    const me = await c.app.inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: bearer(risk.token),
    });
    expect(me.statusCode).toBe(200);
    const audit = await c.app.inject({
      method: 'GET',
      url: '/api/v1/roles',
      headers: bearer(risk.token),
    });
    expect(audit.statusCode).toBe(403);
  });
});
