import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import { DomainError, invalid } from '../../platform/errors.js';
import type { Principal } from '../../platform/http/access.js';
import type { AuditContext, AuditTrail } from '../audit/index.js';
import { throttleAddressOf } from './domain/lockout.js';
import { checkPassword } from './domain/password-policy.js';
import { isValidTotp } from './mfa.js';
import type { MfaSecretBox } from './mfa-secret-box.js';
import { isPermission, permissionsOf } from './permissions.js';
import type { Executor, IdentityRepo, UserRow } from './repo.js';
import { hashPassword, randomToken, sha256Hex, verifyPassword } from './secrets.js';
import type { Session, Sessions } from './sessions.js';
import { accountLocked, addressThrottled, type SignInThrottle } from './sign-in-throttle.js';
import type { TokenSigner } from './tokens.js';
import { toUserView } from './user-view.js';

export type { Session } from './sessions.js';

export interface AuthDeps {
  db: Db;
  repo: IdentityRepo;
  audit: AuditTrail;
  tokens: TokenSigner;
  clock: Clock;
  sessions: Sessions;
  throttle: SignInThrottle;
  mfaSecrets: MfaSecretBox;
  mfaRoles: (executor?: Executor) => Promise<Set<string>>;
}

const invalidCredentials = () =>
  new DomainError('unauthenticated', 'invalid_credentials', 'Username or password is wrong');

export function createAuthService(deps: AuthDeps) {
  const { db, repo, audit, tokens, clock, sessions, throttle } = deps;
  // Verifying against a real hash when the user does not exist keeps the response time
  // of unknown and known usernames alike.
  const decoyHash = hashPassword(randomToken(16));

  async function passwordMatches(user: UserRow | undefined, password: string): Promise<boolean> {
    if (!user) {
      await verifyPassword(await decoyHash, password);
      return false;
    }
    return verifyPassword(user.password_hash, password);
  }

  return {
    async login(
      ctx: AuditContext,
      input: { username: string; password: string; totp?: string | undefined },
    ): Promise<Session> {
      const address = throttleAddressOf(ctx.ip);
      const state = await throttle.stateOf(input.username, address);
      // This address has failed too often for this name: it waits, whatever it sends.
      if (state.addressWaitSeconds > 0) throw addressThrottled(state.addressWaitSeconds);
      const locked = state.accountLockSeconds > 0;
      if (locked && !input.totp) {
        await audit.record(
          { ...ctx, actor: 'anonymous' },
          {
            action: 'auth.login_refused_locked',
            target: `user:${input.username}`,
            details: { retryAfterSeconds: state.accountLockSeconds },
          },
        );
        throw accountLocked(state.accountLockSeconds);
      }
      const fail = async (reason: string, user?: UserRow): Promise<DomainError> => {
        await throttle.recordFailure(ctx, input.username, address);
        await audit.record(
          { ...ctx, actor: user ? `user:${user.username}` : 'anonymous' },
          { action: 'auth.login_failed', target: `user:${input.username}`, details: { reason } },
        );
        // While the name is locked every failure looks alike, so a guess learns nothing.
        if (locked) return accountLocked(state.accountLockSeconds);
        return reason === 'invalid_totp'
          ? new DomainError(
              'unauthenticated',
              'invalid_totp',
              'The one-time code is wrong or expired',
            )
          : invalidCredentials();
      };

      const user = await repo.userByUsername(db, input.username);
      const passwordOk = await passwordMatches(user, input.password);
      if (!user || !passwordOk || user.disabled) {
        throw await fail(
          !user ? 'unknown_user' : user.disabled ? 'disabled' : 'bad_password',
          user,
        );
      }
      const now = clock.now();
      const mfa = Boolean(user.mfa_enabled && user.mfa_secret);
      // A locked name opens only to the password together with a valid one-time code.
      if (locked && !mfa) throw accountLocked(state.accountLockSeconds);
      if (mfa) {
        if (!input.totp) {
          throw new DomainError(
            'unauthenticated',
            'mfa_required',
            'Enter the code from your authenticator app',
          );
        }
        if (
          !isValidTotp(
            user.username,
            deps.mfaSecrets.open(user.mfa_secret!, user.id),
            input.totp,
            now,
          )
        ) {
          throw await fail('invalid_totp', user);
        }
      }
      return db.transaction().execute(async (trx) => {
        await throttle.clearAfterSignIn(trx, input.username, address);
        await repo.touchLogin(trx, user.id, new Date(now));
        const session = await sessions.start({ ...user, last_login_at: new Date(now) }, trx);
        await audit.record(
          { ...ctx, actor: `user:${user.username}` },
          {
            action: 'auth.login',
            target: `user:${user.username}`,
            details: { mfa: user.mfa_enabled, whileLocked: locked },
          },
          trx,
        );
        return session;
      });
    },

    /**
     * Rotates a refresh token. A token that was already used means it was copied: the
     * whole session (every token descended from that login) ends, access tokens too.
     */
    async refresh(ctx: AuditContext, refreshToken: string): Promise<Session> {
      const now = new Date(clock.now());
      const expired = () =>
        new DomainError(
          'unauthenticated',
          'session_expired',
          'Your session has ended; sign in again',
        );
      type Outcome =
        { session: Session; error?: undefined } | { error: DomainError; ended?: string };
      const outcome = await db.transaction().execute(async (trx): Promise<Outcome> => {
        const row = await repo.refreshToken(trx, sha256Hex(refreshToken));
        if (!row || row.revoked_at || row.expires_at.getTime() <= now.getTime())
          return { error: expired() };
        if (row.used_at) {
          await sessions.end(trx, row.family_id, 'refresh_reuse');
          await audit.record(
            ctx,
            {
              action: 'auth.refresh_reuse',
              target: `user-id:${row.user_id}`,
              details: { familyId: row.family_id },
            },
            trx,
          );
          return { error: expired(), ended: row.family_id };
        }
        const user = await repo.userById(trx, row.user_id);
        if (!user || user.disabled) return { error: expired() };
        await repo.markRefreshUsed(trx, row.token_hash, now);
        return { session: await sessions.issue(user, row.family_id, trx) };
      });
      if (outcome.error) {
        if (outcome.ended) await sessions.confirmEnded([outcome.ended]);
        throw outcome.error;
      }
      return outcome.session;
    },

    async logout(ctx: AuditContext, refreshToken: string | undefined): Promise<void> {
      if (!refreshToken) return;
      const ended = await db.transaction().execute(async (trx) => {
        const row = await repo.refreshToken(trx, sha256Hex(refreshToken));
        if (!row) return undefined;
        await sessions.end(trx, row.family_id, 'logout');
        await audit.record(ctx, { action: 'auth.logout', target: `user-id:${row.user_id}` }, trx);
        return row.family_id;
      });
      if (ended) await sessions.confirmEnded([ended]);
    },

    /**
     * Changes the caller's own password. Every session of theirs ends (whoever else held
     * one is out at once) and the caller gets a new one.
     */
    async changePassword(
      ctx: AuditContext,
      userId: string,
      input: { currentPassword: string; newPassword: string },
    ): Promise<Session> {
      const user = await repo.userById(db, userId);
      if (!user || user.disabled) throw invalidCredentials();
      const address = throttleAddressOf(ctx.ip);
      const state = await throttle.stateOf(user.username, address);
      if (state.addressWaitSeconds > 0) throw addressThrottled(state.addressWaitSeconds);
      if (!(await verifyPassword(user.password_hash, input.currentPassword))) {
        // A stolen access token must not become a way to guess the password.
        await throttle.recordFailure(ctx, user.username, address);
        throw invalid('currentPassword', 'wrong_password', 'The current password is wrong');
      }
      const weak = checkPassword(input.newPassword, user.username);
      if (weak)
        throw new DomainError('validation', 'validation_failed', weak.message, [
          { ...weak, field: 'newPassword' },
        ]);
      const passwordHash = await hashPassword(input.newPassword);
      const { session, ended } = await db.transaction().execute(async (trx) => {
        const updated = await repo.updateUser(trx, user.id, { password_hash: passwordHash });
        const endedIds = await sessions.endAllOfUser(trx, user.id, 'password_change');
        const fresh = await sessions.start(updated ?? user, trx);
        await audit.record(
          ctx,
          {
            action: 'user.password_change',
            target: `user:${user.username}`,
            details: { endedSessions: endedIds.length },
          },
          trx,
        );
        return { session: fresh, ended: endedIds };
      });
      await sessions.confirmEnded(ended);
      return session;
    },

    /** Resolves the caller from a bearer token or an API key; undefined when neither is valid. */
    async authenticate(headers: {
      authorization?: string | undefined;
      apiKey?: string | undefined;
    }): Promise<Principal | undefined> {
      if (headers.authorization?.startsWith('Bearer ')) {
        const claims = await tokens.verify(headers.authorization.slice(7).trim());
        if (!claims) return undefined;
        // The token lives only as long as its session: logout or theft detection ends it.
        const [user, open] = await Promise.all([
          repo.userById(db, claims.sub),
          sessions.isOpen(claims.sid),
        ]);
        if (!user || user.disabled || !open) return undefined;
        // Someone whose role requires MFA gets no permissions until they enrol.
        const pendingMfa = toUserView(user, await deps.mfaRoles()).mfaRequired;
        return {
          kind: 'user',
          userId: user.id,
          username: user.username,
          roles: user.roles,
          permissions: pendingMfa ? new Set() : permissionsOf(user.roles),
          sessionId: claims.sid,
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
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
