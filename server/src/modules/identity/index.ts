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
import { createMfaSecretBox } from './mfa-secret-box.js';
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
  /** Key material (32+ characters) that TOTP secrets are sealed under at rest. */
  mfaKey: string;
  accessTtlSeconds: number;
  refreshTtlSeconds: number;
  lockoutThreshold: number;
  loginPerMinute: number;
  secureCookies: boolean;
}

export function createIdentity(opts: IdentityOptions) {
  const repo = createIdentityRepo();
  const mfaSecrets = createMfaSecretBox(opts.mfaKey);
  const tokens = createTokenSigner({ secrets: opts.jwtSecrets, ttlSeconds: opts.accessTtlSeconds, clock: opts.clock });
  const auth = createAuthService({
    db: opts.db,
    repo,
    audit: opts.audit,
    tokens,
    clock: opts.clock,
    lockout: { ...DEFAULT_LOCKOUT, threshold: opts.lockoutThreshold },
    refreshTtlSeconds: opts.refreshTtlSeconds,
    mfaSecrets,
  });
  const users = createUsersService({
    db: opts.db,
    reader: opts.reader,
    repo,
    audit: opts.audit,
    clock: opts.clock,
    mfaRoles: auth.mfaRoles,
    mfaSecrets,
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
    /** Seals TOTP secrets written before they were sealed at rest; returns how many. */
    async sealStoredMfaSecrets(): Promise<number> {
      const unsealed = await repo.unsealedMfaSecrets(opts.db);
      for (const row of unsealed) {
        await repo.updateUser(opts.db, row.id, { mfa_secret: mfaSecrets.seal(row.mfa_secret!, row.id) });
      }
      return unsealed.length;
    },
  };
}

export type Identity = ReturnType<typeof createIdentity>;
