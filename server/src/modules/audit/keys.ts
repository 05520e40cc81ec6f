import { chainKeyring, deriveAuditKey, type ChainKeyring } from './domain/chain-keys.js';

/**
 * The keyring from configuration: AUDIT_HMAC_KEY (required in production) and the keys
 * it replaced, or outside production a key derived from the signing secret, which the
 * environment or a file in DATA_DIR holds, as the MFA key does.
 */
export function auditKeyringOf(opts: {
  key: string | undefined;
  previousKeys: readonly string[];
  signingSecret: string;
}): ChainKeyring {
  return chainKeyring([opts.key ?? deriveAuditKey(opts.signingSecret), ...opts.previousKeys]);
}

/** The migration that keyed the chain; the start that applies it seals the entries before. */
export const KEYED_AUDIT_MIGRATION = '0007_audit_keyed_chain';
