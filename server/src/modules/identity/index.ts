import type { FastifyInstance } from 'fastify';
import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import type { RateLimitStore } from '../../platform/http/rate-limit.js';
import type { AuditTrail } from '../audit/index.js';
import { registerAuthRoutes } from './auth-routes.js';
import { createAuthService } from './auth-service.js';
import { DEFAULT_LOCKOUT } from './domain/lockout.js';
import { createIdentityRepo } from './repo.js';
import { createTokenSigner } from './tokens.js';
import { registerUserRoutes } from './users-routes.js';
import { createUsersService } from './users-service.js';
import { seedUsers } from './seed.js';

export { PERMISSIONS, ROLES, ROLE_PERMISSIONS, permissionsOf, type Permission, type Role } from './permissions.js';
export { CSRF_COOKIE, REFRESH_COOKIE } from './auth-routes.js';
export { loadOrCreateDevSecret } from './secrets.js';
export { totpNow } from './mfa.js';

export interface IdentityOptions {
  db: Db;
  reader: Db;
  audit: AuditTrail;
  clock: Clock;
  rateLimits: RateLimitStore;
  jwtSecrets: string[];
  accessTtlSeconds: number;
  refreshTtlSeconds: number;
  lockoutThreshold: number;
  loginPerMinute: number;
  secureCookies: boolean;
}

export function createIdentity(opts: IdentityOptions) {
  const repo = createIdentityRepo();
  const tokens = createTokenSigner({ secrets: opts.jwtSecrets, ttlSeconds: opts.accessTtlSeconds, clock: opts.clock });
  const auth = createAuthService({
    db: opts.db,
    repo,
    audit: opts.audit,
    tokens,
    clock: opts.clock,
    lockout: { ...DEFAULT_LOCKOUT, threshold: opts.lockoutThreshold },
    refreshTtlSeconds: opts.refreshTtlSeconds,
  });
  const users = createUsersService({
    db: opts.db,
    reader: opts.reader,
    repo,
    audit: opts.audit,
    clock: opts.clock,
    mfaRoles: auth.mfaRoles,
  });
  return {
    auth,
    users,
    tokens,
    register(app: FastifyInstance) {
      registerAuthRoutes(app, {
        auth,
        users,
        rateLimits: opts.rateLimits,
        loginPerMinute: opts.loginPerMinute,
        secureCookies: opts.secureCookies,
      });
      registerUserRoutes(app, users);
    },
    seed(adminPassword: string | undefined, demoPassword: string | undefined) {
      return seedUsers({ db: opts.db, repo, audit: opts.audit, adminPassword, demoPassword });
    },
  };
}

export type Identity = ReturnType<typeof createIdentity>;
