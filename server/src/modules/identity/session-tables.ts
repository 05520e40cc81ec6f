import type { ColumnType, Kysely } from 'kysely';
import type { IdentityTables } from './tables.js';
import type { Executor } from './repo.js';

/**
 * Identity's tables added after the shared schema file: sign-in sessions and the
 * per-address sign-in throttle. Repositories reach them through `identityDb`.
 */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

/** Why a session ended; kept for the operator reading the table. */
export type SessionEndReason = 'logout' | 'refresh_reuse' | 'user_disabled' | 'password_change' | 'revoked';

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

export interface SessionTables {
  sessions: SessionsTable;
  login_address_throttle: LoginAddressThrottleTable;
}

export type IdentityDb = Kysely<IdentityTables & SessionTables>;

/** The platform's connection (or a transaction on it) typed with identity's newer tables. */
export const identityDb = (db: Executor): IdentityDb =>
  db as unknown as IdentityDb;
