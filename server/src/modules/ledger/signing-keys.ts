import { hkdfSync, randomBytes } from 'node:crypto';
import type { Config } from '../../config.js';
import { secretInDataDir } from '../../platform/secret-file.js';
import { signingKeysFromSeeds, type SigningKeys } from './domain/tree-head.js';

/**
 * The ledger's tree-head signing keys, derived from one secret: LEDGER_SIGNING_SECRET
 * (required in production), else a secret made once into DATA_DIR beside the data it signs
 * for, or, for an in-memory database, one for the life of the process. The keys module will
 * hold these keys, with versions and rotation, once it exists; until then a new secret
 * means new keys, and heads signed under the old ones no longer verify here.
 */
export function ledgerSigningKeys(
  config: Pick<Config, 'LEDGER_SIGNING_SECRET' | 'DATA_DIR'>,
): SigningKeys {
  return signingKeysOf(config.LEDGER_SIGNING_SECRET ?? devSecret(config.DATA_DIR));
}

export function signingKeysOf(secret: string): SigningKeys {
  const seed = (info: string) =>
    new Uint8Array(hkdfSync('sha256', secret, 'energyopti.ledger', info, 32));
  return signingKeysFromSeeds(seed('tree-head ml-dsa-87 seed'), seed('tree-head ed25519 seed'));
}

function devSecret(dataDir: string): string {
  if (dataDir === 'memory') return randomBytes(48).toString('base64url');
  return secretInDataDir(dataDir, 'ledger-signing-secret');
}
