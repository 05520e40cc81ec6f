import { createHash, createHmac } from 'node:crypto';

/**
 * The keys audit entries are HMAC'd under: the first keys new entries, the others (keys
 * rotated out) still verify the entries they made. Each is named by an id derived from
 * it, stored on the entry, so the verifier knows which key to use without trying each.
 */
export interface ChainKeyring {
  current: { id: string; key: Uint8Array };
  byId: ReadonlyMap<string, Uint8Array>;
}

export function chainKeyring(secrets: readonly string[]): ChainKeyring {
  if (secrets.length === 0) throw new Error('the audit chain needs at least one key');
  const keys = secrets.map((s) => ({
    id: createHash('sha256').update(`audit-key-id:${s}`).digest('hex').slice(0, 16),
    key: new TextEncoder().encode(s),
  }));
  return { current: keys[0]!, byId: new Map(keys.map((k) => [k.id, k.key])) };
}

/**
 * Outside production the chain may be keyed from the signing secret (which lives in the
 * environment or a file beside the data, never in the database); a purpose label keeps
 * the derived key distinct from the signing key itself.
 */
export function deriveAuditKey(signingSecret: string): string {
  return createHmac('sha256', signingSecret)
    .update('energyopti audit chain key v1')
    .digest('base64url');
}
