import { sql, type Selectable, type Transaction } from 'kysely';
import type { Db } from '../../platform/db/database.js';
import type { PlatformTables } from '../../platform/db/schema.js';
import { identityDb, type UsersTable } from './tables.js';

export type Executor = Db | Transaction<PlatformTables>;
export type UserRow = Selectable<UsersTable>;

/** SQL for users, refresh tokens, API keys and role policies; nothing else. */
export function createIdentityRepo() {
  return {
    userByUsername(db: Executor, username: string) {
      return identityDb(db)
        .selectFrom('users')
        .selectAll()
        .where(sql<string>`lower(username)`, '=', username.toLowerCase())
        .executeTakeFirst();
    },

    userById(db: Executor, id: string) {
      return identityDb(db).selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
    },

    async listUsers(db: Executor, q: string | undefined, limit: number, offset: number) {
      let query = identityDb(db).selectFrom('users');
      if (q) {
        // Escape LIKE wildcards so that a search for "a_b" means exactly that.
        const pattern = `%${q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
        query = query.where((eb) =>
          eb.or([
            eb(sql<string>`lower(username)`, 'like', pattern),
            eb(sql<string>`lower(display_name)`, 'like', pattern),
          ]),
        );
      }
      const [items, count] = await Promise.all([
        query.selectAll().orderBy('username').limit(limit).offset(offset).execute(),
        query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      ]);
      return { items, total: Number(count.n) };
    },

    countUsers(db: Executor) {
      return identityDb(db)
        .selectFrom('users')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
        .then((r) => Number(r.n));
    },

    insertUser(
      db: Executor,
      u: { username: string; display_name: string; password_hash: string; roles: string[] },
    ) {
      return identityDb(db).insertInto('users').values(u).returningAll().executeTakeFirstOrThrow();
    },

    updateUser(
      db: Executor,
      id: string,
      patch: Partial<
        Pick<
          UserRow,
          'display_name' | 'roles' | 'disabled' | 'mfa_secret' | 'mfa_enabled' | 'password_hash'
        >
      >,
    ) {
      return identityDb(db)
        .updateTable('users')
        .set({ ...patch, updated_at: sql`now()` })
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirst();
    },

    /** Users whose TOTP secret predates sealing (stored as bare base32). */
    unsealedMfaSecrets(db: Executor) {
      return identityDb(db)
        .selectFrom('users')
        .select(['id', 'mfa_secret'])
        .where('mfa_secret', 'is not', null)
        .where('mfa_secret', 'not like', 'v1.%')
        .execute();
    },

    touchLogin(db: Executor, id: string, at: Date) {
      return identityDb(db)
        .updateTable('users')
        .set({ last_login_at: at })
        .where('id', '=', id)
        .execute();
    },

    insertRefreshToken(
      db: Executor,
      t: { token_hash: string; family_id: string; user_id: string; expires_at: Date },
    ) {
      return identityDb(db).insertInto('refresh_tokens').values(t).execute();
    },

    refreshToken(db: Executor, tokenHash: string) {
      return identityDb(db)
        .selectFrom('refresh_tokens')
        .selectAll()
        .where('token_hash', '=', tokenHash)
        .forUpdate()
        .executeTakeFirst();
    },

    markRefreshUsed(db: Executor, tokenHash: string, at: Date) {
      return identityDb(db)
        .updateTable('refresh_tokens')
        .set({ used_at: at })
        .where('token_hash', '=', tokenHash)
        .execute();
    },

    revokeFamily(db: Executor, familyId: string, at: Date) {
      return identityDb(db)
        .updateTable('refresh_tokens')
        .set({ revoked_at: at })
        .where('family_id', '=', familyId)
        .where('revoked_at', 'is', null)
        .execute();
    },

    revokeAllOfUser(db: Executor, userId: string, at: Date) {
      return identityDb(db)
        .updateTable('refresh_tokens')
        .set({ revoked_at: at })
        .where('user_id', '=', userId)
        .where('revoked_at', 'is', null)
        .execute();
    },

    rolePolicies(db: Executor) {
      return identityDb(db).selectFrom('role_policies').selectAll().execute();
    },

    setRoleMfa(db: Executor, role: string, required: boolean) {
      return identityDb(db)
        .insertInto('role_policies')
        .values({ role, mfa_required: required })
        .onConflict((oc) =>
          oc.column('role').doUpdateSet({ mfa_required: required, updated_at: sql`now()` }),
        )
        .execute();
    },

    insertApiKey(
      db: Executor,
      k: { owner_id: string; name: string; prefix: string; key_hash: string; scopes: string[] },
    ) {
      return identityDb(db)
        .insertInto('api_keys')
        .values(k)
        .returningAll()
        .executeTakeFirstOrThrow();
    },

    apiKeyByPrefix(db: Executor, prefix: string) {
      return identityDb(db)
        .selectFrom('api_keys')
        .selectAll()
        .where('prefix', '=', prefix)
        .executeTakeFirst();
    },

    apiKeysOf(db: Executor, ownerId: string) {
      return identityDb(db)
        .selectFrom('api_keys')
        .selectAll()
        .where('owner_id', '=', ownerId)
        .orderBy('created_at', 'desc')
        .execute();
    },

    revokeApiKey(db: Executor, id: string, ownerId: string, at: Date) {
      return identityDb(db)
        .updateTable('api_keys')
        .set({ revoked_at: at })
        .where('id', '=', id)
        .where('owner_id', '=', ownerId)
        .where('revoked_at', 'is', null)
        .returning(['id', 'name', 'prefix'])
        .executeTakeFirst();
    },

    touchApiKey(db: Executor, id: string, at: Date) {
      return identityDb(db)
        .updateTable('api_keys')
        .set({ last_used_at: at })
        .where('id', '=', id)
        .execute();
    },
  };
}

export type IdentityRepo = ReturnType<typeof createIdentityRepo>;
