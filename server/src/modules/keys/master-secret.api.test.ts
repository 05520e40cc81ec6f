import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../platform/clock.js';
import { openPlatform, type Platform } from '../../platform/runtime.js';
import { freshSchema } from '../../test-support/schema.js';
import { deriveMasterKey } from './domain/master-key.js';
import { createKeysService } from './service.js';

const quiet = { warn: () => {}, info: () => {} };

describe('start-up with the master secret', () => {
  let platform: Platform;
  let drop: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    const fresh = process.env.DATABASE_URL
      ? await freshSchema(process.env.DATABASE_URL, 'k')
      : undefined;
    drop = fresh ? () => fresh.drop() : undefined;
    platform = await openPlatform({ databaseUrl: fresh?.url, dataDir: 'memory' });
  });
  afterAll(async () => {
    await platform.close();
    await drop?.();
  });
  const service = (secret: string) =>
    createKeysService({
      db: platform.dbs.db,
      clock: systemClock,
      master: deriveMasterKey(secret),
      retentionDays: 30,
      log: quiet,
    });

  it('refuses to serve under a master secret other than the one the keys were sealed under', async () => {
    const first = service('the-master-secret-this-database-was-made-with');
    await first.lifecycle.prepare();
    await first.vault.put('bank:1', new TextEncoder().encode('IBAN'));
    await expect(
      service('another-master-secret-of-the-same-length-00').lifecycle.prepare(),
    ).rejects.toThrow(
      /KEYS_MASTER_SECRET is not the master secret the keys in this database were sealed under/,
    );
    // The right secret, in a second instance, still opens what the first sealed.
    const again = service('the-master-secret-this-database-was-made-with');
    await again.lifecycle.prepare();
    expect(new TextDecoder().decode(await again.vault.get('bank:1'))).toBe('IBAN');
  });

  it('refuses a master secret shorter than 32 characters', () => {
    expect(() => deriveMasterKey('short')).toThrow(/at least 32 characters/);
  });
});
