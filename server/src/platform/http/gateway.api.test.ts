import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ADMIN_PASSWORD,
  bearer,
  login,
  startTestApp,
  type TestApp,
} from '../../test-support/harness.js';

let t: TestApp;
const logLines: string[] = [];
beforeAll(async () => {
  t = await startTestApp({
    env: { CORS_ORIGINS: 'https://desk.example.com', BODY_LIMIT_BYTES: '2048' },
    logger: { write: (line) => void logLines.push(line) },
  });
});
afterAll(() => t.close());

describe('gateway', () => {
  it('reports liveness and readiness', async () => {
    expect((await t.app.inject('/healthz')).json()).toEqual({ status: 'ok' });
    const ready = await t.app.inject('/readyz');
    expect(ready.statusCode).toBe(200);
    expect(ready.json().status).toBe('ready');
  });

  it('declares an access rule on every API route', () => {
    const api = t.app.declaredRoutes.filter(
      (r) => r.url.startsWith('/api/') && !r.url.startsWith('/api/docs'),
    );
    expect(api.length).toBeGreaterThan(10);
    expect(api.filter((r) => r.access === undefined)).toEqual([]);
  });

  it('refuses to start with a route that declares no access rule', async () => {
    const { default: Fastify } = await import('fastify');
    const { requireDeclaredAccess } = await import('./access.js');
    const app = Fastify();
    requireDeclaredAccess(app);
    expect(() => app.get('/api/v1/forgotten', async () => 'x')).toThrow(/declares no access rule/);
  });

  it('publishes an OpenAPI 3.1 document covering the API', async () => {
    const res = await t.app.inject('/api/openapi.json');
    const doc = res.json();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/v1/auth/login', '/api/v1/users', '/api/v1/audit']),
    );
    expect(
      doc.paths['/api/v1/users'].post.requestBody.content['application/json'].schema.properties,
    ).toHaveProperty('roles');
    const ui = await t.app.inject('/api/docs/');
    expect(ui.statusCode).toBe(200);
    expect(ui.body).toContain('swagger');
    // Swagger UI styles itself inline; a development server speaks plain http.
    const policy = ui.headers['content-security-policy'] as string;
    expect(policy).toContain("style-src 'self' 'unsafe-inline'");
    expect(policy).toContain("script-src 'self'");
    expect(policy).not.toContain('upgrade-insecure-requests');
    expect(policy).not.toMatch(/https:/);
  });

  it('exposes request counts and latency by route template on /metrics', async () => {
    await t.app.inject('/api/v1/users/abc');
    const text = (await t.app.inject('/metrics')).body;
    expect(text).toMatch(
      /energyopti_http_requests_total\{method="GET",route="\/healthz",status="200"\} \d+/,
    );
    expect(text).toContain('energyopti_http_request_duration_seconds_bucket');
    expect(text).toContain('energyopti_process_cpu_seconds_total');
  });

  it('answers an unknown API path with problem+json and the request id', async () => {
    const res = await t.app.inject({
      url: '/api/v1/nowhere',
      headers: { 'x-request-id': 'trace-12345678' },
    });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.headers['x-request-id']).toBe('trace-12345678');
    expect(res.json()).toMatchObject({
      status: 404,
      code: 'route_not_found',
      requestId: 'trace-12345678',
    });
    expect(logLines.some((l) => l.includes('"reqId":"trace-12345678"'))).toBe(true);
  });

  it("answers the router's own refusals (an overlong path parameter, broken percent-encoding) with problem+json", async () => {
    const long = await t.app.inject({ url: `/api/v1/deals/${'x'.repeat(500)}/versions` });
    expect(long.statusCode).toBe(414);
    expect(long.headers['content-type']).toContain('application/problem+json');
    expect(long.json()).toMatchObject({
      code: 'path_parameter_too_long',
      errors: [{ field: 'params' }],
    });
    const broken = await t.app.inject({ url: '/api/v1/deals/%E0%A4%A/versions' });
    expect(broken.statusCode).toBe(400);
    expect(broken.json()).toMatchObject({ code: 'bad_url', errors: [{ field: 'params' }] });
  });

  it('names the body when the body parser refuses it', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"username":"a","password":"b","__proto__":{"admin":true}}',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([expect.objectContaining({ field: 'body' })]);
  });

  it('ignores an unsafe incoming request id', async () => {
    const res = await t.app.inject({ url: '/healthz', headers: { 'x-request-id': '<script>' } });
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('refuses an oversized body with 413', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'admin', password: 'x'.repeat(4000) },
    });
    expect(res.statusCode).toBe(413);
    expect(res.json().status).toBe(413);
  });

  it('refuses malformed JSON with 400', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"username": ',
    });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
  });

  it('sends security headers', async () => {
    const res = await t.app.inject('/healthz');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
  });

  it('offers an allowed origin every method and header the API uses in a preflight', async () => {
    const res = await t.app.inject({
      method: 'OPTIONS',
      url: '/api/v1/orders/abc',
      headers: {
        origin: 'https://desk.example.com',
        'access-control-request-method': 'PATCH',
        'access-control-request-headers': 'authorization,content-type,x-csrf-token,x-request-id',
      },
    });
    expect(res.statusCode).toBe(204);
    expect(res.headers['access-control-allow-origin']).toBe('https://desk.example.com');
    const methods = String(res.headers['access-control-allow-methods'])
      .split(',')
      .map((m) => m.trim());
    expect(methods).toEqual(
      expect.arrayContaining(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE']),
    );
    const headers = String(res.headers['access-control-allow-headers'])
      .toLowerCase()
      .split(',')
      .map((h) => h.trim());
    expect(headers).toEqual(
      expect.arrayContaining(['authorization', 'content-type', 'x-csrf-token', 'x-request-id']),
    );
  });

  it('allows CORS only for origins on the allow-list', async () => {
    const ok = await t.app.inject({
      url: '/healthz',
      headers: { origin: 'https://desk.example.com' },
    });
    expect(ok.headers['access-control-allow-origin']).toBe('https://desk.example.com');
    const no = await t.app.inject({
      url: '/healthz',
      headers: { origin: 'https://evil.example.net' },
    });
    expect(no.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('hides the text of an internal error and logs it under the request id', async () => {
    const admin = await login(t.app, 'admin', ADMIN_PASSWORD);
    // Closing the database makes any query fail the way an outage would.
    const { sql } = await import('kysely');
    const spy = t.platform.dbs.db;
    const original = spy.selectFrom.bind(spy);
    spy.selectFrom = () => {
      throw new Error('connection to 10.0.0.5 refused: password=hunter2');
    };
    try {
      const res = await t.app.inject({ url: '/api/v1/users', headers: bearer(admin.token) });
      expect(res.statusCode).toBe(500);
      expect(res.body).not.toContain('hunter2');
      expect(res.body).not.toContain('10.0.0.5');
      expect(res.json()).toMatchObject({
        code: 'internal_error',
        requestId: res.headers['x-request-id'],
      });
    } finally {
      spy.selectFrom = original;
    }
    await sql`select 1`.execute(spy);
  });
});

describe('rate limits', () => {
  let r: TestApp;
  beforeAll(async () => {
    r = await startTestApp({
      env: { RATE_LIMIT_PER_MINUTE: '15', LOGIN_RATE_LIMIT_PER_MINUTE: '3' },
    });
  });
  afterAll(() => r.close());

  it('limits sign-in attempts per address with 429 and Retry-After', async () => {
    const attempt = () =>
      r.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        remoteAddress: '10.9.9.9',
        payload: { username: 'a', password: 'b' },
      });
    for (let i = 0; i < 3; i++) expect((await attempt()).statusCode).toBe(401);
    const limited = await attempt();
    expect(limited.statusCode).toBe(429);
    expect(limited.json().code).toBe('rate_limited');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('limits requests per address across all routes', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 17; i++)
      codes.push(
        (await r.app.inject({ url: '/api/openapi.json', remoteAddress: '10.1.1.1' })).statusCode,
      );
    expect(codes.slice(0, 15).every((c) => c === 200)).toBe(true);
    expect(codes.at(-1)).toBe(429);
    // Another address is unaffected.
    expect(
      (await r.app.inject({ url: '/api/openapi.json', remoteAddress: '10.1.1.2' })).statusCode,
    ).toBe(200);
  });

  it('keeps answering health and readiness probes from an address over its limit', async () => {
    for (let i = 0; i < 16; i++)
      await r.app.inject({ url: '/api/openapi.json', remoteAddress: '10.3.3.3' });
    expect(
      (await r.app.inject({ url: '/api/openapi.json', remoteAddress: '10.3.3.3' })).statusCode,
    ).toBe(429);
    const probes: number[] = [];
    for (let i = 0; i < 40; i++) {
      probes.push(
        (
          await r.app.inject({
            url: i % 2 === 0 ? '/healthz' : '/readyz',
            remoteAddress: '10.3.3.3',
          })
        ).statusCode,
      );
    }
    expect(probes.every((c) => c === 200)).toBe(true);
  });

  it('limits one user across addresses', async () => {
    const s = await login(r.app, 'trader');
    const codes: number[] = [];
    for (let i = 0; i < 16; i++) {
      const res = await r.app.inject({
        url: '/api/v1/me',
        headers: bearer(s.token),
        remoteAddress: `10.2.0.${i}`,
      });
      codes.push(res.statusCode);
    }
    expect(codes.slice(0, 15).every((c) => c === 200)).toBe(true);
    expect(codes.at(-1)).toBe(429);
  });
});

describe('operations endpoints in production', () => {
  const OPS_TOKEN = 'ops-token-of-this-deployment-0123456789';
  let p: TestApp;
  beforeAll(async () => {
    p = await startTestApp({
      env: {
        NODE_ENV: 'production',
        ADMIN_PASSWORD,
        MFA_ENCRYPTION_KEY: 'mfa-key-of-this-deployment-0123456789',
        AUDIT_HMAC_KEY: 'audit-key-of-this-deployment-0123456789',
        KEYS_MASTER_SECRET: 'keys-master-secret-of-this-deployment-0123',
        LEDGER_SIGNING_SECRET: 'ledger-secret-of-this-deployment-0123456789',
        OPS_TOKEN,
      },
    });
  });
  afterAll(() => p.close());

  it('answers metrics and the API docs only to the operations token', async () => {
    for (const url of ['/metrics', '/api/openapi.json', '/api/docs/']) {
      const open = await p.app.inject({ url });
      expect(open.statusCode, url).toBe(401);
      expect(open.json()).toMatchObject({ code: 'ops_token_required' });
      const wrong = await p.app.inject({ url, headers: bearer('not-the-ops-token') });
      expect(wrong.statusCode, url).toBe(401);
      const right = await p.app.inject({ url, headers: bearer(OPS_TOKEN) });
      expect(right.statusCode, url).toBe(200);
    }
  });

  it('leaves health and readiness open to probes', async () => {
    expect((await p.app.inject('/healthz')).statusCode).toBe(200);
    expect((await p.app.inject('/readyz')).statusCode).toBe(200);
  });
});

describe('operations endpoints configuration', () => {
  it('guards them by default in production and closes them without a token', async () => {
    const { loadConfig } = await import('../../config.js');
    const base = {
      ADMIN_PASSWORD,
      JWT_SECRET: 'j'.repeat(40),
      MFA_ENCRYPTION_KEY: 'm'.repeat(40),
      AUDIT_HMAC_KEY: 'a'.repeat(40),
      KEYS_MASTER_SECRET: 'k'.repeat(40),
      LEDGER_SIGNING_SECRET: 'l'.repeat(40),
    };
    expect(loadConfig({ ...base, NODE_ENV: 'production' }).opsGuarded).toBe(true);
    expect(loadConfig({ ...base, NODE_ENV: 'production', OPS_ENDPOINTS: 'open' }).opsGuarded).toBe(
      false,
    );
    expect(loadConfig({ ...base, NODE_ENV: 'development' }).opsGuarded).toBe(false);
    expect(
      loadConfig({ ...base, NODE_ENV: 'development', OPS_ENDPOINTS: 'token' }).opsGuarded,
    ).toBe(true);
  });
});
