import { x25519 } from '@noble/curves/ed25519.js';
import { isAllZero } from './bytes.js';
import { KeysCryptoError } from './errors.js';

export const X25519_BYTES = 32;

/**
 * X25519 (RFC 7748) refusing a shared secret of all zeros: a low-order peer point gives
 * it, whatever our scalar, so accepting one would let an attacker fix the classical half
 * of the hybrid secret (RFC 7748 section 6.1 allows the check; we require it).
 */
export function x25519SharedSecret(secretKey: Uint8Array, peerPublic: Uint8Array): Uint8Array {
  if (secretKey.length !== X25519_BYTES || peerPublic.length !== X25519_BYTES) {
    throw new KeysCryptoError('kem_key_malformed', 'an X25519 key is 32 bytes', 'x25519');
  }
  let shared: Uint8Array;
  try {
    shared = x25519.getSharedSecret(secretKey, peerPublic);
  } catch {
    // noble refuses low-order points itself; either way the answer would be all zeros.
    throw new KeysCryptoError(
      'x25519_zero_shared_secret',
      'the X25519 shared secret is all zeros (a low-order public key)',
      'x25519',
    );
  }
  if (isAllZero(shared)) {
    throw new KeysCryptoError(
      'x25519_zero_shared_secret',
      'the X25519 shared secret is all zeros (a low-order public key)',
      'x25519',
    );
  }
  return shared;
}

export const x25519PublicKey = (secretKey: Uint8Array): Uint8Array =>
  x25519.getPublicKey(secretKey);
