import type { FastifyInstance, FastifyRequest } from 'fastify';
import { DomainError } from '../errors.js';
import type { RateLimitStore } from './rate-limit.js';

/** Who is calling: a logged-in user or a machine client holding an API key. */
export interface Principal {
  kind: 'user' | 'api_key';
  userId: string;
  username: string;
  roles: readonly string[];
  permissions: ReadonlySet<string>;
  /** The API key's id, when the caller used one. */
  apiKeyId?: string;
  /** The sign-in session an access token belongs to (its `sid`); streams close when it ends. */
  sessionId?: string;
}

/**
 * What a route needs: `public` (no credentials), `authenticated` (anyone logged in)
 * or a permission from the identity module's role table.
 */
export type RouteAccess = 'public' | 'authenticated' | (string & { readonly __permission?: never });

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
    /**
     * Hot routes (order entry) may reuse the principal resolved for the same
     * credential within this many milliseconds instead of reading the user again.
     * A role change or a disabled account then applies to them within that time;
     * every other route always reads the user afresh.
     */
    principalMaxAgeMs?: number;
    /** Health and readiness probes: not counted against the per-address limit. */
    rateLimitExempt?: boolean;
  }
  interface FastifyRequest {
    principal?: Principal;
  }
}

export type Authenticator = (request: FastifyRequest) => Promise<Principal | undefined>;

export interface AccessOptions {
  authenticate: Authenticator;
  rateLimits: RateLimitStore;
  perUserPerMinute: number;
  perIpPerMinute: number;
}

const MINUTE = 60_000;

export interface DeclaredRoute {
  method: string;
  url: string;
  access: RouteAccess | undefined;
}

/**
 * Every API route must say what it needs; one that does not is a startup error. Returns
 * the list of routes seen, for the test that reads every route's rule.
 */
export function requireDeclaredAccess(app: FastifyInstance): DeclaredRoute[] {
  const seen: DeclaredRoute[] = [];
  app.addHook('onRoute', (route) => {
    const access = route.config?.access;
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) seen.push({ method: String(method), url: route.url, access });
    if (access === undefined && route.url.startsWith('/api/') && !isDocsRoute(route.url)) {
      throw new Error(`Route ${String(route.method)} ${route.url} declares no access rule`);
    }
  });
  return seen;
}

/** Swagger UI's own static files are registered by the plugin, not by us. */
export function isDocsRoute(url: string): boolean {
  return url === '/api/docs' || url.startsWith('/api/docs/');
}

/** The credential a request presents, as the key of the principal cache. */
function credentialOf(request: FastifyRequest): string | undefined {
  const h = request.headers;
  const key = h.authorization ?? h['x-api-key'] ?? h['sec-websocket-protocol'];
  return typeof key === 'string' ? key : undefined;
}

/**
 * Principals by credential for a short time. Concurrent requests with the same
 * token share one lookup; only successful lookups are kept.
 */
class PrincipalCache {
  private readonly entries = new Map<
    string,
    { principal: Promise<Principal | undefined>; bornAt: number }
  >();

  resolve(
    credential: string,
    maxAgeMs: number,
    lookup: () => Promise<Principal | undefined>,
  ): Promise<Principal | undefined> {
    const now = performance.now();
    const hit = this.entries.get(credential);
    if (hit && now - hit.bornAt < maxAgeMs) return hit.principal;
    if (this.entries.size >= 10_000) this.entries.clear();
    const principal = lookup();
    const entry = { principal, bornAt: now };
    this.entries.set(credential, entry);
    const forget = () => {
      if (this.entries.get(credential) === entry) this.entries.delete(credential);
    };
    principal.then((p) => {
      if (!p) forget();
    }, forget);
    return principal;
  }

  clear(): void {
    this.entries.clear();
  }
}

export interface AccessControl {
  /**
   * Drops every principal reused by the routes that may (`principalMaxAgeMs`), so that a
   * session ended now also stops order entry now rather than within that reuse.
   */
  forgetPrincipals(): void;
}

export function registerAccessControl(app: FastifyInstance, opts: AccessOptions): AccessControl {
  const principals = new PrincipalCache();
  const authenticate = (request: FastifyRequest): Promise<Principal | undefined> => {
    const maxAge = request.routeOptions.config.principalMaxAgeMs;
    const credential = maxAge === undefined ? undefined : credentialOf(request);
    return credential === undefined || maxAge === undefined
      ? opts.authenticate(request)
      : principals.resolve(credential, maxAge, () => opts.authenticate(request));
  };
  app.addHook('onRequest', async (request, reply) => {
    if (request.routeOptions.config.rateLimitExempt !== true) {
      const r = await opts.rateLimits.hit(`ip:${request.ip}`, MINUTE);
      if (r.count > opts.perIpPerMinute) throw rateLimited(reply, r.resetInMs);
    }
    // Credentials are checked before the body is parsed, so an anonymous caller learns
    // nothing from validation errors and costs no parsing.
    const access = request.routeOptions.config.access ?? 'public';
    if (access === 'public') return;
    const principal = await authenticate(request);
    if (!principal) {
      throw new DomainError('unauthenticated', 'unauthenticated', 'Sign in to use this endpoint');
    }
    request.principal = principal;
    const u = await opts.rateLimits.hit(`user:${principal.userId}`, MINUTE);
    if (u.count > opts.perUserPerMinute) throw rateLimited(reply, u.resetInMs);
    if (access !== 'authenticated' && !principal.permissions.has(access)) {
      throw new DomainError(
        'forbidden',
        'permission_denied',
        `This needs the permission '${access}', which your roles do not grant`,
        [],
        { permission: access },
      );
    }
  });
  return { forgetPrincipals: () => principals.clear() };
}

export function rateLimited(
  reply: { header(name: string, value: string): unknown },
  resetInMs: number,
): DomainError {
  const seconds = Math.max(1, Math.ceil(resetInMs / 1000));
  reply.header('retry-after', String(seconds));
  return new DomainError(
    'rate_limited',
    'rate_limited',
    `Too many requests; try again in ${seconds} s`,
    [],
    { retryAfterSeconds: seconds },
  );
}
