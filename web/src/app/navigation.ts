/** One place a person can go, and the permission that opens it. */
export interface NavLink {
  path: string;
  label: string;
  /** Any one of these permissions opens the page. */
  anyOf: readonly string[];
}

/** A desk area; the ones not built yet say what they will hold. */
export interface DeskArea extends NavLink {
  summary: string;
}

export interface NavSection {
  label: string;
  links: NavLink[];
}

export const deskAreas: readonly DeskArea[] = [
  {
    path: '/markets',
    label: 'Markets',
    anyOf: ['market-data:read'],
    summary:
      'the instrument catalogue, live ticks and bars, forward curves, exchange settlements and weather',
  },
  {
    path: '/trading',
    label: 'Trading',
    anyOf: ['orders:read'],
    summary:
      'order entry, the order books, day-ahead auctions, OTC deal capture and your orders and fills',
  },
  {
    path: '/portfolio',
    label: 'Portfolio',
    anyOf: ['portfolio:read'],
    summary: 'positions by delivery period and profit and loss',
  },
  {
    path: '/risk',
    label: 'Risk',
    anyOf: ['risk:read'],
    summary:
      'value at risk and expected shortfall, stress tests, limits, option greeks and credit exposure',
  },
  {
    path: '/forecasts',
    label: 'Forecasts',
    anyOf: ['forecasts:read'],
    summary:
      'price and load forecasts with their walk-forward validation, the model registry and anomalies',
  },
  {
    path: '/optimisation',
    label: 'Optimisation',
    anyOf: ['optimisation:read'],
    summary:
      'storage dispatch schedules and the portfolio optimisation problems with their solver results',
  },
  {
    path: '/compliance',
    label: 'Compliance',
    anyOf: ['compliance:read'],
    summary:
      'rule packs by region, flagged and blocked orders, surveillance alerts, REMIT reports and case review',
  },
  {
    path: '/ledger',
    label: 'Ledger',
    anyOf: ['ledger:read'],
    summary: 'the hash-chained trade ledger, its Merkle batches, inclusion proofs and anchoring',
  },
];

export const adminLinks: readonly NavLink[] = [
  { path: '/admin/users', label: 'Users', anyOf: ['users:read'] },
  { path: '/admin/roles', label: 'Roles & MFA', anyOf: ['users:read'] },
  { path: '/admin/api-keys', label: 'API keys', anyOf: ['apikeys:manage'] },
  // Compliance officers read the audit log without administering users.
  { path: '/admin/audit', label: 'Audit log', anyOf: ['audit:read'] },
];

export function canOpen(link: Pick<NavLink, 'anyOf'>, permissions: readonly string[]): boolean {
  return link.anyOf.some((permission) => permissions.includes(permission));
}

/** The navigation a user with these permissions sees; empty sections are left out. */
export function visibleNavigation(permissions: readonly string[]): NavSection[] {
  const sections: NavSection[] = [
    { label: 'Desk', links: deskAreas.filter((area) => canOpen(area, permissions)) },
    { label: 'Admin', links: adminLinks.filter((link) => canOpen(link, permissions)) },
  ];
  return sections.filter((section) => section.links.length > 0);
}

/** Where to land after login: the first page the user may open. */
export function homePath(permissions: readonly string[]): string {
  return visibleNavigation(permissions)[0]?.links[0]?.path ?? '/account';
}
