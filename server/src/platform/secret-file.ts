import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * A secret made once and kept beside the data, for installs that did not configure one
 * (outside production): the signing key, the ledger's key seed, the keys master secret.
 * Stable across restarts, so a restart neither logs everyone out nor orphans what was
 * sealed or signed; readable by the owner only.
 */
export function secretInDataDir(dataDir: string, fileName: string): string {
  const file = path.resolve(dataDir, fileName);
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(path.dirname(file), { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  chmodSync(file, 0o600);
  return secret;
}
