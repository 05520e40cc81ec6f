import { createCipheriv, createDecipheriv } from 'node:crypto';
import { KeysCryptoError } from './errors.js';

/**
 * AES-GCM with a 128-bit tag over node:crypto. The envelope uses only 256-bit keys and
 * 96-bit nonces; the other sizes exist so Wycheproof's whole AES-GCM file runs against the
 * same function the envelope calls.
 */
export const GCM_TAG_BYTES = 16;
export const GCM_NONCE_BYTES = 12;
export const DATA_KEY_BYTES = 32;
export const GCM_MAX_NONCE_BYTES = 256;

const CIPHERS: Record<number, 'aes-128-gcm' | 'aes-192-gcm' | 'aes-256-gcm'> = {
  16: 'aes-128-gcm',
  24: 'aes-192-gcm',
  32: 'aes-256-gcm',
};

function cipherFor(key: Uint8Array, nonce: Uint8Array) {
  const name = CIPHERS[key.length];
  if (!name)
    throw new KeysCryptoError('aead_parameters_invalid', 'an AES key is 16, 24 or 32 bytes', 'key');
  // A zero-length IV makes GHASH of the IV a constant: GCM forbids it (NIST SP 800-38D 5.2.1.1).
  if (nonce.length === 0)
    throw new KeysCryptoError('aead_parameters_invalid', 'the GCM nonce is empty', 'nonce');
  // OpenSSL takes at most 256 bytes of IV; the envelope uses 12, so longer ones are refused by name.
  if (nonce.length > GCM_MAX_NONCE_BYTES) {
    throw new KeysCryptoError(
      'aead_parameters_invalid',
      `the GCM nonce is longer than ${GCM_MAX_NONCE_BYTES} bytes`,
      'nonce',
    );
  }
  return name;
}

/** Ciphertext followed by its 16-byte tag. */
export function gcmSeal(
  key: Uint8Array,
  nonce: Uint8Array,
  plaintext: Uint8Array,
  aad: Uint8Array,
): Uint8Array {
  const cipher = createCipheriv(cipherFor(key, nonce), key, nonce, {
    authTagLength: GCM_TAG_BYTES,
  });
  cipher.setAAD(aad);
  const body = Buffer.concat([cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]);
  return new Uint8Array(body.buffer, body.byteOffset, body.length);
}

/** The plaintext, or null when the tag does not verify (wrong key, nonce, data or tampering). */
export function gcmOpen(
  key: Uint8Array,
  nonce: Uint8Array,
  sealed: Uint8Array,
  aad: Uint8Array,
): Uint8Array | null {
  const name = cipherFor(key, nonce);
  if (sealed.length < GCM_TAG_BYTES) return null;
  const body = sealed.subarray(0, sealed.length - GCM_TAG_BYTES);
  const tag = sealed.subarray(sealed.length - GCM_TAG_BYTES);
  const decipher = createDecipheriv(name, key, nonce, { authTagLength: GCM_TAG_BYTES });
  decipher.setAAD(aad);
  decipher.setAuthTag(tag);
  try {
    const out = Buffer.concat([decipher.update(body), decipher.final()]);
    return new Uint8Array(out.buffer, out.byteOffset, out.length);
  } catch {
    return null;
  }
}
