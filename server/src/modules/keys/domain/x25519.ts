import { createPrivateKey, createPublicKey, diffieHellman, type KeyObject } from 'node:crypto';
import { isAllZero } from './bytes.js';
import { KeysCryptoError } from './errors.js';

export const X25519_BYTES = 32;

// Raw X25519 keys as the DER that node:crypto imports: PKCS #8 and SPKI with the
// X25519 object identifier (1.3.101.110, RFC 8410), then the 32 key bytes. Node's
// X25519 is OpenSSL's, some fifty times faster than the same curve in JavaScript,
// which made it the larger half of the hybrid's cost.
const PKCS8_PREFIX = Buffer.from('302e020100300506032b656e04220420', 'hex');
const SPKI_PREFIX = Buffer.from('302a300506032b656e032100', 'hex');

const privateKeyOf = (secretKey: Uint8Array): KeyObject =>
  createPrivateKey({
    key: Buffer.concat([PKCS8_PREFIX, secretKey]),
    format: 'der',
    type: 'pkcs8',
  });

const zeroSharedSecret = (): KeysCryptoError =>
  new KeysCryptoError(
    'x25519_zero_shared_secret',
    'the X25519 shared secret is all zeros (a low-order public key)',
    'x25519',
  );

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
    shared = diffieHellman({
      privateKey: privateKeyOf(secretKey),
      publicKey: createPublicKey({
        key: Buffer.concat([SPKI_PREFIX, peerPublic]),
        format: 'der',
        type: 'spki',
      }),
    });
  } catch {
    // OpenSSL refuses a result of all zeros itself; either way that is what it would be.
    throw zeroSharedSecret();
  }
  if (isAllZero(shared)) throw zeroSharedSecret();
  return new Uint8Array(shared);
}

export function x25519PublicKey(secretKey: Uint8Array): Uint8Array {
  if (secretKey.length !== X25519_BYTES)
    throw new KeysCryptoError('kem_key_malformed', 'an X25519 key is 32 bytes', 'x25519');
  const spki = createPublicKey(privateKeyOf(secretKey)).export({ format: 'der', type: 'spki' });
  return new Uint8Array(spki.subarray(SPKI_PREFIX.length));
}
