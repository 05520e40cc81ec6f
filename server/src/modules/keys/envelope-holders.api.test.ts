import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../platform/clock.js';
import { openPlatform, type Platform } from '../../platform/runtime.js';
import { freshSchema } from '../../test-support/schema.js';
import { parseEnvelope } from './domain/envelope-format.js';
import { deriveMasterKey } from './domain/master-key.js';
import type { EnvelopeHolder } from './envelope-holders.js';
import { createKeysService } from './service.js';

/** A module's own store of envelopes, as another module would hand it to the keys service. */
function mapHolder(rows: Map<string, Uint8Array>): EnvelopeHolder {
  return {
    name: 'test.rows',
    page: async (_db, after, limit) =>
      [...rows.entries()]
        .filter(([id]) => after === null || id > after)
        .sort(([a], [b]) => a.localeCompare(b))
        .slice(0, limit)
        .map(([recordId, envelope]) => ({ recordId, envelope })),
    replace: async (_db, recordId, previous, next) => {
      if (rows.get(recordId) !== previous) return false;
      rows.set(recordId, next);
      return true;
    },
  };
}

describe('envelopes held by another module', () => {
  let platform: Platform;
  let drop: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    const fresh = process.env.DATABASE_URL
      ? await freshSchema(process.env.DATABASE_URL, 'kh')
      : undefined;
    drop = fresh ? () => fresh.drop() : undefined;
    platform = await openPlatform({ databaseUrl: fresh?.url, dataDir: 'memory' });
  });
  afterAll(async () => {
    await platform.close();
    await drop?.();
  });

  it('are rewrapped after a rotation and reported by a revocation', async () => {
    const keys = createKeysService({
      db: platform.dbs.db,
      clock: systemClock,
      master: deriveMasterKey('master-secret-of-the-holder-test-0123456789'),
      retentionDays: 30,
      log: { warn: () => {}, info: () => {} },
    });
    await keys.lifecycle.prepare();
    const rows = new Map<string, Uint8Array>();
    keys.addHolder(mapHolder(rows));
    expect(() => keys.addHolder(mapHolder(rows))).toThrow(/registered twice/);
    for (const id of ['cp:1', 'cp:2'])
      rows.set(id, await keys.keyring.seal(id, new TextEncoder().encode(id)));
    const { version, rewrapJobId } = await keys.lifecycle.rotate('default', 'test');
    await keys.rewrapper.settled();
    expect(await keys.job(rewrapJobId)).toMatchObject({ state: 'done', total: 2, rewrapped: 2 });
    for (const [id, envelope] of rows) {
      expect(parseEnvelope(envelope).keyVersion).toBe(version.version);
      expect(new TextDecoder().decode(await keys.keyring.open(id, envelope))).toBe(id);
    }
    const { affected } = await keys.lifecycle.revoke('default', version.version);
    expect(affected.records).toEqual([
      { holder: 'test.rows', recordId: 'cp:1', version: version.version },
      { holder: 'test.rows', recordId: 'cp:2', version: version.version },
    ]);
  });
});
