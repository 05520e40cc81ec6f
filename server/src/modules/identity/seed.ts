import type { Db } from '../../platform/db/database.js';
import type { AuditTrail } from '../audit/index.js';
import type { Role } from './permissions.js';
import type { IdentityRepo } from './repo.js';
import { hashPassword } from './secrets.js';

const DEMO_USERS: { username: string; displayName: string; roles: Role[] }[] = [
  { username: 'trader', displayName: 'Demo Trader', roles: ['trader'] },
  { username: 'risk', displayName: 'Demo Risk Manager', roles: ['risk_manager'] },
  { username: 'compliance', displayName: 'Demo Compliance Officer', roles: ['compliance_officer'] },
  { username: 'analyst', displayName: 'Demo Analyst', roles: ['analyst'] },
  { username: 'viewer', displayName: 'Demo Viewer', roles: ['viewer'] },
];

/**
 * On an empty database: the admin, and in demo mode the desk's demo users. A database
 * that already has users is left exactly as it is.
 */
export async function seedUsers(deps: {
  db: Db;
  repo: IdentityRepo;
  audit: AuditTrail;
  adminPassword: string | undefined;
  demoPassword: string | undefined;
}): Promise<string[]> {
  const { db, repo, audit } = deps;
  if ((await repo.countUsers(db)) > 0) return [];
  if (!deps.adminPassword) throw new Error('ADMIN_PASSWORD is needed to create the first admin');
  const wanted = [
    {
      username: 'admin',
      displayName: 'Administrator',
      roles: ['admin'] as Role[],
      password: deps.adminPassword,
    },
    ...(deps.demoPassword ? DEMO_USERS.map((u) => ({ ...u, password: deps.demoPassword! })) : []),
  ];
  const hashed = await Promise.all(
    wanted.map(async (u) => ({ ...u, hash: await hashPassword(u.password) })),
  );
  await db.transaction().execute(async (trx) => {
    for (const u of hashed) {
      await repo.insertUser(trx, {
        username: u.username,
        display_name: u.displayName,
        password_hash: u.hash,
        roles: u.roles,
      });
      await audit.record(
        { actor: 'system' },
        {
          action: 'user.create',
          target: `user:${u.username}`,
          details: { roles: u.roles, seeded: true },
        },
        trx,
      );
    }
  });
  return hashed.map((u) => u.username);
}
