import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import { DomainError, conflict, invalid, notFound } from '../../platform/errors.js';
import type { Principal } from '../../platform/http/access.js';
import type { AuditContext, AuditTrail } from '../audit/index.js';
import { checkPassword } from './domain/password-policy.js';
import { isValidTotp, newTotpSecret, totpEnrolment } from './mfa.js';
import {
  ROLES,
  ROLE_PERMISSIONS,
  isPermission,
  isRole,
  permissionsOf,
  type Role,
} from './permissions.js';
import type { IdentityRepo } from './repo.js';
import { hashPassword, randomToken, sha256Hex } from './secrets.js';
import type { MfaSecretBox } from './mfa-secret-box.js';
import type { Sessions } from './sessions.js';
import type { SignInThrottle } from './sign-in-throttle.js';
import { toUserView, type UserView } from './user-view.js';

export interface UsersDeps {
  db: Db;
  reader: Db;
  repo: IdentityRepo;
  audit: AuditTrail;
  clock: Clock;
  mfaRoles: () => Promise<Set<string>>;
  mfaSecrets: MfaSecretBox;
  sessions: Sessions;
  throttle: SignInThrottle;
}

export interface NewUser {
  username: string;
  displayName: string;
  password: string;
  roles: Role[];
}

export interface UserPatch {
  displayName?: string | undefined;
  roles?: Role[] | undefined;
  disabled?: boolean | undefined;
  resetMfa?: boolean | undefined;
}

function isUniqueViolation(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: unknown }).code === '23505';
}

export function createUsersService(deps: UsersDeps) {
  const { db, reader, repo, audit, clock } = deps;

  async function view(id: string): Promise<UserView> {
    const row = await repo.userById(db, id);
    if (!row) throw notFound('User', 'user_not_found');
    return toUserView(row, await deps.mfaRoles());
  }

  return {
    view,

    async list(q: string | undefined, limit: number, offset: number) {
      const [page, mfaRoles] = await Promise.all([
        repo.listUsers(reader, q, limit, offset),
        deps.mfaRoles(),
      ]);
      return { items: page.items.map((u) => toUserView(u, mfaRoles)), total: page.total };
    },

    async create(ctx: AuditContext, input: NewUser): Promise<UserView> {
      const weak = checkPassword(input.password, input.username);
      if (weak) throw new DomainError('validation', 'validation_failed', weak.message, [weak]);
      const passwordHash = await hashPassword(input.password);
      try {
        const row = await db.transaction().execute(async (trx) => {
          const created = await repo.insertUser(trx, {
            username: input.username,
            display_name: input.displayName,
            password_hash: passwordHash,
            roles: input.roles,
          });
          await audit.record(
            ctx,
            {
              action: 'user.create',
              target: `user:${created.username}`,
              details: { roles: created.roles, displayName: created.display_name },
            },
            trx,
          );
          return created;
        });
        return toUserView(row, await deps.mfaRoles());
      } catch (err) {
        if (isUniqueViolation(err))
          throw conflict('username_taken', `The username '${input.username}' is taken`);
        throw err;
      }
    },

    async update(
      ctx: AuditContext,
      actor: Principal,
      id: string,
      patch: UserPatch,
    ): Promise<UserView> {
      if (
        actor.userId === id &&
        (patch.disabled === true || (patch.roles && !patch.roles.includes('admin')))
      ) {
        // An admin who locks themselves out may leave the desk with no admin at all.
        throw invalid(
          patch.disabled ? 'disabled' : 'roles',
          'not_self',
          'You cannot disable yourself or remove your own admin role',
        );
      }
      const { row, ended } = await db.transaction().execute(async (trx) => {
        const before = await repo.userById(trx, id);
        if (!before) throw notFound('User', 'user_not_found');
        const updated = await repo.updateUser(trx, id, {
          ...(patch.displayName !== undefined ? { display_name: patch.displayName } : {}),
          ...(patch.roles !== undefined ? { roles: patch.roles } : {}),
          ...(patch.disabled !== undefined ? { disabled: patch.disabled } : {}),
          ...(patch.resetMfa ? { mfa_enabled: false, mfa_secret: null } : {}),
        });
        if (!updated) throw notFound('User', 'user_not_found');
        const target = `user:${updated.username}`;
        if (patch.roles !== undefined) {
          await audit.record(
            ctx,
            {
              action: 'user.roles_change',
              target,
              details: { from: before.roles, to: updated.roles },
            },
            trx,
          );
        }
        if (patch.resetMfa) await audit.record(ctx, { action: 'mfa.reset', target }, trx);
        if (patch.disabled !== undefined || patch.displayName !== undefined) {
          await audit.record(
            ctx,
            {
              action: 'user.update',
              target,
              details: { disabled: patch.disabled, displayName: patch.displayName },
            },
            trx,
          );
        }
        // A disabled user's sessions end now, access tokens included, not when they expire.
        const endedIds = patch.disabled
          ? await deps.sessions.endAllOfUser(trx, id, 'user_disabled')
          : [];
        return { row: updated, ended: endedIds };
      });
      await deps.sessions.confirmEnded(ended);
      return toUserView(row, await deps.mfaRoles());
    },

    /**
     * Lifts every sign-in lock and count on a user's name, from every address: for an
     * owner locked out by someone else's guessing.
     */
    async unlockSignIn(ctx: AuditContext, id: string): Promise<void> {
      await db.transaction().execute(async (trx) => {
        const user = await repo.userById(trx, id);
        if (!user) throw notFound('User', 'user_not_found');
        const cleared = await deps.throttle.clearAll(trx, user.username);
        await audit.record(
          ctx,
          { action: 'auth.unlock', target: `user:${user.username}`, details: cleared },
          trx,
        );
      });
    },

    async startMfaEnrolment(ctx: AuditContext, userId: string) {
      const user = await repo.userById(db, userId);
      if (!user) throw notFound('User', 'user_not_found');
      if (user.mfa_enabled)
        throw conflict(
          'mfa_already_enabled',
          'MFA is already enabled; ask an admin to reset it first',
        );
      const secret = newTotpSecret();
      await db.transaction().execute(async (trx) => {
        await repo.updateUser(trx, userId, {
          mfa_secret: deps.mfaSecrets.seal(secret, userId),
          mfa_enabled: false,
        });
        await audit.record(ctx, { action: 'mfa.enrol', target: `user:${user.username}` }, trx);
      });
      return totpEnrolment(user.username, secret);
    },

    async confirmMfa(ctx: AuditContext, userId: string, code: string): Promise<void> {
      const user = await repo.userById(db, userId);
      if (!user) throw notFound('User', 'user_not_found');
      if (user.mfa_enabled) throw conflict('mfa_already_enabled', 'MFA is already enabled');
      if (!user.mfa_secret) throw conflict('mfa_not_started', 'Start MFA enrolment first');
      if (
        !isValidTotp(
          user.username,
          deps.mfaSecrets.open(user.mfa_secret, user.id),
          code,
          clock.now(),
        )
      ) {
        throw invalid('totp', 'invalid_totp', 'The one-time code is wrong or expired');
      }
      await db.transaction().execute(async (trx) => {
        await repo.updateUser(trx, userId, { mfa_enabled: true });
        await audit.record(ctx, { action: 'mfa.confirm', target: `user:${user.username}` }, trx);
      });
    },

    async roles() {
      const mfaRoles = await deps.mfaRoles();
      return ROLES.map((role) => ({
        role,
        permissions: [...ROLE_PERMISSIONS[role]],
        mfaRequired: mfaRoles.has(role),
      }));
    },

    async setRoleMfa(ctx: AuditContext, role: string, required: boolean) {
      if (!isRole(role)) throw notFound(`Role '${role}'`, 'role_not_found');
      await db.transaction().execute(async (trx) => {
        await repo.setRoleMfa(trx, role, required);
        await audit.record(
          ctx,
          { action: 'role.mfa_change', target: `role:${role}`, details: { required } },
          trx,
        );
      });
      return { role, permissions: [...ROLE_PERMISSIONS[role]], mfaRequired: required };
    },

    async createApiKey(ctx: AuditContext, owner: Principal, name: string, scopes: string[]) {
      const allowed = permissionsOf(owner.roles);
      const denied = scopes.filter((s) => !isPermission(s) || !allowed.has(s));
      if (denied.length > 0) {
        throw invalid('scopes', 'not_granted', `Your roles do not grant: ${denied.join(', ')}`);
      }
      // The prefix finds the key row; the rest is the secret, kept only as a hash.
      const prefix = sha256Hex(randomToken(16)).slice(0, 12);
      const key = `eo_${prefix}_${randomToken(32)}`;
      const row = await db.transaction().execute(async (trx) => {
        const created = await repo.insertApiKey(trx, {
          owner_id: owner.userId,
          name,
          prefix,
          key_hash: sha256Hex(key),
          scopes,
        });
        await audit.record(
          ctx,
          { action: 'apikey.create', target: `apikey:${prefix}`, details: { name, scopes } },
          trx,
        );
        return created;
      });
      return {
        id: row.id,
        name: row.name,
        scopes: row.scopes,
        prefix: row.prefix,
        key,
        createdAt: row.created_at.toISOString(),
      };
    },

    async listApiKeys(owner: Principal) {
      const rows = await repo.apiKeysOf(reader, owner.userId);
      return rows.map((k) => ({
        id: k.id,
        name: k.name,
        scopes: k.scopes,
        prefix: k.prefix,
        createdAt: k.created_at.toISOString(),
        lastUsedAt: k.last_used_at?.toISOString() ?? null,
        revokedAt: k.revoked_at?.toISOString() ?? null,
      }));
    },

    async revokeApiKey(ctx: AuditContext, owner: Principal, id: string): Promise<void> {
      await db.transaction().execute(async (trx) => {
        const revoked = await repo.revokeApiKey(trx, id, owner.userId, new Date(clock.now()));
        if (!revoked) throw notFound('API key', 'api_key_not_found');
        await audit.record(
          ctx,
          {
            action: 'apikey.revoke',
            target: `apikey:${revoked.prefix}`,
            details: { name: revoked.name },
          },
          trx,
        );
      });
    },
  };
}

export type UsersService = ReturnType<typeof createUsersService>;
