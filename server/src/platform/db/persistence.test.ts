import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { openPlatform } from '../runtime.js';

const dataDir = mkdtempSync(path.join(tmpdir(), 'eo-persist-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('embedded database', () => {
  it('keeps data across a restart and does not migrate twice', async () => {
    const first = await openPlatform({ dataDir });
    await sql`insert into role_policies (role, mfa_required) values ('trader', true)`.execute(
      first.dbs.db,
    );
    await first.close();
    const second = await openPlatform({ dataDir });
    const rows = await sql<{ role: string }>`select role from role_policies`.execute(second.dbs.db);
    const migrations = await sql<{
      n: number;
    }>`select count(*)::int as n from schema_migrations`.execute(second.dbs.db);
    await second.close();
    expect(rows.rows).toEqual([{ role: 'trader' }]);
    expect(migrations.rows[0]!.n).toBeGreaterThanOrEqual(2);
  });

  it('rolls a failed transaction back whole', async () => {
    const p = await openPlatform({ dataDir });
    await expect(
      p.dbs.db.transaction().execute(async (trx) => {
        await sql`insert into role_policies (role, mfa_required) values ('viewer', true)`.execute(
          trx,
        );
        throw new Error('use case failed half-way');
      }),
    ).rejects.toThrow('half-way');
    const rows = await sql<{
      role: string;
    }>`select role from role_policies where role = 'viewer'`.execute(p.dbs.db);
    await p.close();
    expect(rows.rows).toEqual([]);
  });
});
