import { permissionsOf } from './permissions.js';
import type { UserRow } from './repo.js';

/** A user as the API shows it: never the password hash or the MFA secret. */
export interface UserView {
  id: string;
  username: string;
  displayName: string;
  roles: string[];
  permissions: string[];
  mfaEnabled: boolean;
  /** True when one of the user's roles requires MFA and the user has not enrolled yet. */
  mfaRequired: boolean;
  disabled: boolean;
  createdAt: string;
  lastLoginAt: string | null;
}

export function toUserView(row: UserRow, mfaRoles: ReadonlySet<string>): UserView {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    roles: row.roles,
    permissions: [...permissionsOf(row.roles)].sort(),
    mfaEnabled: row.mfa_enabled,
    mfaRequired: !row.mfa_enabled && row.roles.some((r) => mfaRoles.has(r)),
    disabled: row.disabled,
    createdAt: row.created_at.toISOString(),
    lastLoginAt: row.last_login_at ? row.last_login_at.toISOString() : null,
  };
}
