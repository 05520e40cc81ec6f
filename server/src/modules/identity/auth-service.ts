import { randomUUID } from 'node:crypto';
import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import { DomainError } from '../../platform/errors.js';
import type { Principal } from '../../platform/http/access.js';
import type { AuditContext, AuditTrail } from '../audit/index.js';
import { lockDurationMs, type LockoutPolicy } from './domain/lockout.js';
import { isValidTotp } from './mfa.js';
import { isPermission, permissionsOf } from './permissions.js';
import type { Executor, IdentityRepo, UserRow } from './repo.js';
import { hashPassword, randomToken, sha256Hex, verifyPassword } from './secrets.js';
import type { TokenSigner } from './tokens.js';
import type { MfaSecretBox } from './mfa-secret-box.js';
import { toUserView, type UserView } from './user-view.js';

export interface Session {
  accessToken: string;
  expiresIn: number;
  refreshToken: string;
  refreshExpiresAt: Date;
  user: UserView;
}

export interface AuthDeps {
  db: Db;
  repo: IdentityRepo;
  audit: AuditTrail;
  tokens: TokenSigner;
  clock: Clock;
  lockout: LockoutPolicy;
  refreshTtlSeconds: number;
  mfaSecrets: MfaSecretBox;
}

const invalidCredentials = () =>
  new DomainError('unauthenticated', 'invalid_credentials', 'Username or password is wrong');

export function createAuthService(deps: AuthDeps) {
  const { db, repo, audit, tokens, clock } = deps;
  // Verifying against a real hash when the user does not exist keeps the response time
  // of unknown and known usernames alike.
  const decoyHash = hashPassword(randomToken(16));

  async function mfaRoles(executor: Executor = db): Promise<Set<string>> {
    const policies = await repo.rolePolicies(executor);
    return new Set(policies.filter((p) => p.mfa_required).map((p) => p.role));
  }

  async function issueSession(
    user: UserRow,
    familyId: string,
    executor: Executor,
  ): Promise<Session> {
    const refreshToken = randomToken(32);
    const refreshExpiresAt = new Date(clock.now() + deps.refreshTtlSeconds * 1000);
    await repo.insertRefreshToken(executor, {
      token_hash: sha256Hex(refreshToken),
      family_id: familyId,
      user_id: user.id,
      expires_at: refreshExpiresAt,
    });
    const { token, expiresIn } = await tokens.sign({
      sub: user.id,
      username: user.username,
      roles: user.roles,
    });
    return {
      accessToken: token,
      expiresIn,
      refreshToken,
      refreshExpiresAt,
      user: toUserView(user, await mfaRoles(executor)),
    };
  }

  async function refuse(
    ctx: AuditContext,
    username: string,
    reason: string,
    user?: UserRow,
  ): Promise<DomainError> {
    const now = new Date(clock.now());
    const { failures } = await repo.recordFailure(db, username, now);
    const lockMs = lockDurationMs(failures, deps.lockout);
    await audit.record(
      { ...ctx, actor: user ? `user:${user.username}` : 'anonymous' },
      {
        action: 'auth.login_failed',
        target: `user:${username}`,
        details: { reason, failures },
      },
    );
    if (lockMs > 0) {
      await repo.lockUntil(db, username, new Date(now.getTime() + lockMs));
      await audit.record(
        { ...ctx, actor: 'system' },
        {
          action: 'auth.lockout',
          target: `user:${username}`,
          details: { failures, lockSeconds: lockMs / 1000 },
        },
      );
    }
    return reason === 'invalid_totp'
      ? new DomainError('unauthenticated', 'invalid_totp', 'The one-time code is wrong or expired')
      : invalidCredentials();
  }

  return {
    async login(
      ctx: AuditContext,
      input: { username: string; password: string; totp?: string | undefined },
    ): Promise<Session> {
      const throttle = await repo.throttleOf(db, input.username);
      const now = clock.now();
      if (throttle?.locked_until && throttle.locked_until.getTime() > now) {
        const retryAfter = Math.ceil((throttle.locked_until.getTime() - now) / 1000);
        await audit.record(
          { ...ctx, actor: 'anonymous' },
          {
            action: 'auth.login_refused_locked',
            target: `user:${input.username}`,
            details: { retryAfterSeconds: retryAfter },
          },
        );
        throw new DomainError(
          'locked',
          'account_locked',
          `Too many failed sign-ins; try again in ${retryAfter} s`,
          [],
          {
            retryAfterSeconds: retryAfter,
          },
        );
      }
      const user = await repo.userByUsername(db, input.username);
      const passwordOk = user
        ? await verifyPassword(user.password_hash, input.password)
        : (await verifyPassword(await decoyHash, input.password), false);
      if (!user || !passwordOk || user.disabled) {
        throw await refuse(
          ctx,
          input.username,
          !user ? 'unknown_user' : user.disabled ? 'disabled' : 'bad_password',
          user,
        );
      }
      if (user.mfa_enabled && user.mfa_secret) {
        if (!input.totp) {
          throw new DomainError(
            'unauthenticated',
            'mfa_required',
            'Enter the code from your authenticator app',
          );
        }
        if (!isValidTotp(user.username, deps.mfaSecrets.open(user.mfa_secret, user.id), input.totp, now)) {
          throw await refuse(ctx, input.username, 'invalid_totp', user);
        }
      }
      return db.transaction().execute(async (trx) => {
        await repo.clearFailures(trx, input.username);
        await repo.touchLogin(trx, user.id, new Date(now));
        const session = await issueSession(
          { ...user, last_login_at: new Date(now) },
          randomUUID(),
          trx,
        );
        await audit.record(
          { ...ctx, actor: `user:${user.username}` },
          {
            action: 'auth.login',
            target: `user:${user.username}`,
            details: { mfa: user.mfa_enabled },
          },
          trx,
        );
        return session;
      });
    },

    /**
     * Rotates a refresh token. A token that was already used means it was copied: the
     * whole family (every token descended from that login) is revoked.
     */
    async refresh(ctx: AuditContext, refreshToken: string): Promise<Session> {
      const now = new Date(clock.now());
      const expired = () =>
        new DomainError(
          'unauthenticated',
          'session_expired',
          'Your session has ended; sign in again',
        );
      type Outcome = { session: Session; error?: undefined } | { error: DomainError };
      const outcome = await db.transaction().execute(async (trx): Promise<Outcome> => {
        const row = await repo.refreshToken(trx, sha256Hex(refreshToken));
        if (!row || row.revoked_at || row.expires_at.getTime() <= now.getTime())
          return { error: expired() };
        if (row.used_at) {
          await repo.revokeFamily(trx, row.family_id, now);
          await audit.record(
            ctx,
            {
              action: 'auth.refresh_reuse',
              target: `user-id:${row.user_id}`,
              details: { familyId: row.family_id },
            },
            trx,
          );
          return { error: expired() };
        }
        const user = await repo.userById(trx, row.user_id);
        if (!user || user.disabled) return { error: expired() };
        await repo.markRefreshUsed(trx, row.token_hash, now);
        return { session: await issueSession(user, row.family_id, trx) };
      });
      if (outcome.error) throw outcome.error;
      return outcome.session;
    },

    async logout(ctx: AuditContext, refreshToken: string | undefined): Promise<void> {
      if (!refreshToken) return;
      const now = new Date(clock.now());
      await db.transaction().execute(async (trx) => {
        const row = await repo.refreshToken(trx, sha256Hex(refreshToken));
        if (!row) return;
        await repo.revokeFamily(trx, row.family_id, now);
        await audit.record(ctx, { action: 'auth.logout', target: `user-id:${row.user_id}` }, trx);
      });
    },

    /** Resolves the caller from a bearer token or an API key; undefined when neither is valid. */
    async authenticate(headers: {
      authorization?: string | undefined;
      apiKey?: string | undefined;
    }): Promise<Principal | undefined> {
      if (headers.authorization?.startsWith('Bearer ')) {
        const claims = await tokens.verify(headers.authorization.slice(7).trim());
        if (!claims) return undefined;
        const user = await repo.userById(db, claims.sub);
        if (!user || user.disabled) return undefined;
        // Someone whose role requires MFA gets no permissions until they enrol.
        const pendingMfa = toUserView(user, await mfaRoles()).mfaRequired;
        return {
          kind: 'user',
          userId: user.id,
          username: user.username,
          roles: user.roles,
          permissions: pendingMfa ? new Set() : permissionsOf(user.roles),
        };
      }
      if (headers.apiKey) {
        const match = /^eo_([a-f0-9]{12})_([A-Za-z0-9_-]{20,})$/.exec(headers.apiKey);
        if (!match) return undefined;
        const key = await repo.apiKeyByPrefix(db, match[1]!);
        if (!key || key.revoked_at || key.key_hash !== sha256Hex(headers.apiKey)) return undefined;
        const owner = await repo.userById(db, key.owner_id);
        if (!owner || owner.disabled) return undefined;
        const ownerPermissions = permissionsOf(owner.roles);
        await repo.touchApiKey(db, key.id, new Date(clock.now()));
        return {
          kind: 'api_key',
          userId: owner.id,
          username: `${owner.username}/${key.name}`,
          roles: owner.roles,
          permissions: new Set(
            key.scopes.filter((s) => isPermission(s) && ownerPermissions.has(s)),
          ),
          apiKeyId: key.id,
        };
      }
      return undefined;
    },

    mfaRoles,
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
