/**
 * TOTP secrets at rest: AES-256-GCM under a key derived from MFA_ENCRYPTION_KEY, bound to
 * the user's id as associated data, so a database dump or backup alone cannot mint codes
 * and a sealed secret copied onto another user's row does not open.
 *
 * Stored form: `v1.<iv>.<tag>.<ciphertext>`, base64url. Rows written before secrets were
 * sealed hold the bare base32 secret; `isSealed` tells them apart so start-up can seal them.
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { conflict } from '../../platform/errors.js';

const VERSION = 'v1';

const unreadable = (why: string) =>
  conflict(
    'mfa_unreadable',
    `The authenticator enrolment cannot be read (${why}); ask an admin to reset two-step verification`,
  );
const IV_BYTES = 12;

export interface MfaSecretBox {
  seal(secret: string, userId: string): string;
  /**
   * The base32 secret. A value not sealed under this key for this user (the key was changed,
   * or the row was copied) is refused with 409 mfa_unreadable: only a reset can mend it.
   */
  open(stored: string, userId: string): string;
}

export const isSealed = (stored: string): boolean => stored.startsWith(`${VERSION}.`);

export function createMfaSecretBox(keyMaterial: string): MfaSecretBox {
  if (keyMaterial.length < 32)
    throw new Error('the MFA encryption key needs at least 32 characters');
  // A label of its own, so the same material used elsewhere (a JWT secret) gives another key.
  const key = Buffer.from(
    hkdfSync('sha256', keyMaterial, Buffer.alloc(0), 'energyopti-pro mfa secret v1', 32),
  );
  return {
    seal(secret, userId) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      cipher.setAAD(Buffer.from(userId));
      const sealed = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
      return [VERSION, iv, cipher.getAuthTag(), sealed]
        .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
        .join('.');
    },
    open(stored, userId) {
      if (!isSealed(stored)) return stored;
      const [, iv, tag, sealed] = stored.split('.');
      if (iv === undefined || tag === undefined || sealed === undefined)
        throw unreadable('a sealed secret has four parts');
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
        decipher.setAAD(Buffer.from(userId));
        decipher.setAuthTag(Buffer.from(tag, 'base64url'));
        return Buffer.concat([
          decipher.update(Buffer.from(sealed, 'base64url')),
          decipher.final(),
        ]).toString('utf8');
      } catch {
        throw unreadable('it was not sealed under the current MFA key for this user');
      }
    },
  };
}
