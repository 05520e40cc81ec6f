import type { ColumnType, Generated, Kysely } from 'kysely';
import type { Db } from '../../platform/db/database.js';

/**
 * The identity module's tables as Kysely sees them, kept here so the module owns its
 * row types; the platform's handle knows only platform tables and `identityDb` types
 * it with these.
 */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<
  Date | null,
  Date | string | null | undefined,
  Date | string | null
>;

export interface UsersTable {
  id: Generated<string>;
  username: string;
  display_name: string;
  password_hash: string;
  roles: string[];
  disabled: Generated<boolean>;
  mfa_secret: string | null;
  mfa_enabled: Generated<boolean>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  last_login_at: NullableTimestamp;
}

export interface RefreshTokensTable {
  token_hash: string;
  family_id: string;
  user_id: string;
  issued_at: Generated<Date>;
  expires_at: Timestamp;
  used_at: NullableTimestamp;
  revoked_at: NullableTimestamp;
}

export interface ApiKeysTable {
  id: Generated<string>;
  owner_id: string;
  name: string;
  prefix: string;
  key_hash: string;
  scopes: string[];
  created_at: Generated<Date>;
  last_used_at: NullableTimestamp;
  revoked_at: NullableTimestamp;
}

export interface RolePoliciesTable {
  role: string;
  mfa_required: boolean;
  updated_at: Generated<Date>;
}

export interface LoginThrottleTable {
  username: string;
  failures: number;
  locked_until: NullableTimestamp;
  last_failure_at: Timestamp;
}

/** Why a session ended; kept for the operator reading the table. */
export type SessionEndReason =
  'logout' | 'refresh_reuse' | 'user_disabled' | 'password_change' | 'revoked';

export interface SessionsTable {
  /** The refresh-token family id, and the `sid` claim of its access tokens. */
  id: string;
  user_id: string;
  started_at: Timestamp;
  ended_at: NullableTimestamp;
  end_reason: SessionEndReason | null;
}

export interface LoginAddressThrottleTable {
  username: string;
  address: string;
  failures: number;
  locked_until: NullableTimestamp;
  last_failure_at: Timestamp;
}

export interface IdentityTables {
  users: UsersTable;
  refresh_tokens: RefreshTokensTable;
  api_keys: ApiKeysTable;
  role_policies: RolePoliciesTable;
  login_throttle: LoginThrottleTable;
  sessions: SessionsTable;
  login_address_throttle: LoginAddressThrottleTable;
}

export type IdentityDb = Kysely<IdentityTables>;

/** The platform's connection (or a transaction on it) typed with the identity tables. */
export const identityDb = (db: Db): IdentityDb => db as unknown as IdentityDb;
