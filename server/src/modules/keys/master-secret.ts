import { hkdfSync, randomBytes } from 'node:crypto';
import type { Config } from '../../config.js';
import { secretInDataDir } from '../../platform/secret-file.js';

/**
 * Where the master secret comes from: KEYS_MASTER_SECRET (required in production, which
 * config.ts enforces), else a file made once in DATA_DIR beside the database it protects.
 * An in-memory database ('memory', tests) lives no longer than the process, so a secret
 * derived from JWT_SECRET does, and instances sharing a test database agree on it.
 */
export function masterSecretOf(config: Config): string {
  if (config.KEYS_MASTER_SECRET) return config.KEYS_MASTER_SECRET;
  if (config.production) throw new Error('KEYS_MASTER_SECRET is required in production');
  if (config.DATA_DIR === 'memory') {
    const material = config.JWT_SECRET ?? randomBytes(32).toString('hex');
    return Buffer.from(
      hkdfSync('sha256', material, new Uint8Array(0), 'energyopti/keys/dev-master/v1', 32),
    ).toString('base64url');
  }
  return secretInDataDir(config.DATA_DIR, 'keys-master-secret');
}
