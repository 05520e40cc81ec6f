/**
 * The one table that maps roles to permissions. Every route names one permission (or
 * `public` / `authenticated`); adding a capability means adding it here first.
 */
export const ROLES = [
  'admin',
  'trader',
  'risk_manager',
  'compliance_officer',
  'analyst',
  'viewer',
] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  'users:read',
  'users:write',
  'roles:write',
  'apikeys:manage',
  'audit:read',
  'market-data:read',
  'market-data:write',
  'orders:read',
  'orders:write',
  'deals:write',
  /** Halting and resuming books and the desk-wide kill switch. */
  'trading:halt',
  'portfolio:read',
  'risk:read',
  'risk:write',
  'forecasts:read',
  'forecasts:write',
  'optimisation:read',
  'optimisation:write',
  'compliance:read',
  'compliance:write',
  'ledger:read',
  /** Key encryption keys: list, create, rotate, revoke, destroy (admins only). */
  'keys:manage',
  /** Publishing a signed tree head of the ledger on demand. */
  'ledger:write',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const READ_ALL_MARKETS: Permission[] = [
  'market-data:read',
  'orders:read',
  'portfolio:read',
  'risk:read',
  'forecasts:read',
  'optimisation:read',
];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  admin: PERMISSIONS,
  trader: [...READ_ALL_MARKETS, 'orders:write', 'deals:write', 'ledger:read'],
  risk_manager: [
    ...READ_ALL_MARKETS,
    'risk:write',
    'trading:halt',
    'ledger:read',
    'compliance:read',
  ],
  compliance_officer: [
    ...READ_ALL_MARKETS,
    'audit:read',
    'compliance:read',
    'compliance:write',
    'ledger:read',
    'ledger:write',
  ],
  analyst: [...READ_ALL_MARKETS, 'forecasts:write', 'optimisation:write', 'market-data:write'],
  viewer: ['market-data:read', 'orders:read', 'portfolio:read', 'risk:read', 'forecasts:read'],
};

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

export function isPermission(value: string): value is Permission {
  return (PERMISSIONS as readonly string[]).includes(value);
}

export function permissionsOf(roles: readonly string[]): Set<Permission> {
  const out = new Set<Permission>();
  for (const role of roles) if (isRole(role)) for (const p of ROLE_PERMISSIONS[role]) out.add(p);
  return out;
}
