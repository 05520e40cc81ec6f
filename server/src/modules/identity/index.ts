import type { FastifyInstance } from 'fastify';
import type { Bus } from '../../platform/bus/bus.js';
import type { Cache } from '../../platform/cache/cache.js';
import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import type { RateLimitStore } from '../../platform/http/rate-limit.js';
import type { AuditTrail } from '../audit/index.js';
import { registerAuthRoutes } from './auth-routes.js';
import { createAuthService } from './auth-service.js';
import { DEFAULT_LOCKOUT } from './domain/lockout.js';
import { createIdentityRepo, type Executor } from './repo.js';
import { createSessionGuard } from './session-guard.js';
import { createSessionRepo } from './session-repo.js';
import { createSessions } from './sessions.js';
import { createSignInThrottle, type LockoutAlerts } from './sign-in-throttle.js';
import { createThrottleRepo } from './throttle-repo.js';
import { createTokenSigner } from './tokens.js';
import { registerUserRoutes } from './users-routes.js';
import { createUsersService } from './users-service.js';
import { createMfaSecretBox } from './mfa-secret-box.js';
import { seedUsers } from './seed.js';

export {
  PERMISSIONS,
  ROLES,
  ROLE_PERMISSIONS,
  permissionsOf,
  type Permission,
  type Role,
} from './permissions.js';
export { CSRF_COOKIE, REFRESH_COOKIE } from './auth-routes.js';
export { loadOrCreateDevSecret } from './secrets.js';
export { totpNow } from './mfa.js';

/** How long an "open" answer about a session may be reused before the database is asked again. */
const SESSION_CHECK_TTL_SECONDS = 5;

export interface IdentityOptions {
  db: Db;
  reader: Db;
  audit: AuditTrail;
  clock: Clock;
  rateLimits: RateLimitStore;
  /** Shared by instances when it is Redis: the session checks of access tokens live here. */
  cache: Cache;
  bus: Bus;
  /** Where sign-in lockouts are reported besides the audit trail (the server log). */
  alerts: LockoutAlerts;
  jwtSecrets: string[];
  /** Key material (32+ characters) that TOTP secrets are sealed under at rest. */
  mfaKey: string;
  accessTtlSeconds: number;
  refreshTtlSeconds: number;
  /** Failures of one name from one address before that address is slowed. */
  lockoutThreshold: number;
  /** Addresses slowed for one name before the name is locked everywhere. */
  lockoutAccountAddresses: number;
  loginPerMinute: number;
  secureCookies: boolean;
}

export function createIdentity(opts: IdentityOptions) {
  const repo = createIdentityRepo();
  const mfaSecrets = createMfaSecretBox(opts.mfaKey);
  const tokens = createTokenSigner({
    secrets: opts.jwtSecrets,
    ttlSeconds: opts.accessTtlSeconds,
    clock: opts.clock,
  });
  const mfaRoles = async (executor: Executor = opts.db): Promise<Set<string>> => {
    const policies = await repo.rolePolicies(executor);
    return new Set(policies.filter((p) => p.mfa_required).map((p) => p.role));
  };
  const sessionRepo = createSessionRepo();
  const sessions = createSessions({
    db: opts.db,
    repo,
    sessionRepo,
    guard: createSessionGuard({
      db: opts.db,
      cache: opts.cache,
      bus: opts.bus,
      repo: sessionRepo,
      openTtlSeconds: SESSION_CHECK_TTL_SECONDS,
      endedTtlSeconds: opts.accessTtlSeconds,
    }),
    tokens,
    clock: opts.clock,
    refreshTtlSeconds: opts.refreshTtlSeconds,
    mfaRoles,
  });
  const throttle = createSignInThrottle({
    db: opts.db,
    repo: createThrottleRepo(),
    audit: opts.audit,
    clock: opts.clock,
    policy: {
      ...DEFAULT_LOCKOUT,
      threshold: opts.lockoutThreshold,
      accountAddresses: opts.lockoutAccountAddresses,
    },
    alerts: opts.alerts,
  });
  const auth = createAuthService({
    db: opts.db,
    repo,
    audit: opts.audit,
    tokens,
    clock: opts.clock,
    sessions,
    throttle,
    mfaSecrets,
    mfaRoles,
  });
  const users = createUsersService({
    db: opts.db,
    reader: opts.reader,
    repo,
    audit: opts.audit,
    clock: opts.clock,
    mfaRoles,
    mfaSecrets,
    sessions,
    throttle,
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
        await repo.updateUser(opts.db, row.id, {
          mfa_secret: mfaSecrets.seal(row.mfa_secret!, row.id),
        });
      }
      return unsealed.length;
    },
  };
}

export type Identity = ReturnType<typeof createIdentity>;
