/**
 * RSA-4096 with OAEP (SHA-256, MGF1-SHA-256) as a KEM: a random 32-byte secret encrypted
 * to the partner's key, labelled so an OAEP ciphertext made for another purpose does not
 * decrypt here. The classical fallback for partners without ML-KEM; the envelope wraps the
 * data key under the secret exactly as it does for the hybrid KEM.
 */
import {
  constants,
  createPrivateKey,
  createPublicKey,
  privateDecrypt,
  publicEncrypt,
  type KeyObject,
} from 'node:crypto';
import { utf8, type Random } from './bytes.js';
import { KeysCryptoError } from './errors.js';
import type { KemResult } from './hybrid-kem.js';

export const RSA_MODULUS_BITS = 4096;
export const RSA_CIPHERTEXT_BYTES = RSA_MODULUS_BITS / 8;
const OAEP_LABEL = utf8('energyopti/keys/rsa-oaep-kem/v1');

function oaep(key: KeyObject) {
  return {
    key,
    padding: constants.RSA_PKCS1_OAEP_PADDING,
    oaepHash: 'sha256',
    oaepLabel: OAEP_LABEL,
  };
}

/** A public key in SPKI DER, refused unless it is RSA of exactly 4096 bits. */
export function rsaPublicKey(spki: Uint8Array): KeyObject {
  let key: KeyObject;
  try {
    key = createPublicKey({ key: Buffer.from(spki), format: 'der', type: 'spki' });
  } catch {
    throw new KeysCryptoError(
      'kem_key_malformed',
      'the RSA public key is not SPKI DER',
      'publicKey',
    );
  }
  if (
    key.asymmetricKeyType !== 'rsa' ||
    key.asymmetricKeyDetails?.modulusLength !== RSA_MODULUS_BITS
  ) {
    throw new KeysCryptoError(
      'kem_key_malformed',
      'the fallback key must be RSA-4096',
      'publicKey',
    );
  }
  return key;
}

export function rsaPrivateKey(pkcs8: Uint8Array): KeyObject {
  try {
    return createPrivateKey({ key: Buffer.from(pkcs8), format: 'der', type: 'pkcs8' });
  } catch {
    throw new KeysCryptoError(
      'kem_key_malformed',
      'the RSA private key is not PKCS#8 DER',
      'secretKey',
    );
  }
}

export function rsaEncapsulate(publicKey: KeyObject, random: Random): KemResult {
  const sharedSecret = random(32);
  const ciphertext = new Uint8Array(publicEncrypt(oaep(publicKey), sharedSecret));
  return { ciphertext, sharedSecret };
}

export function rsaDecapsulate(privateKey: KeyObject, ciphertext: Uint8Array): Uint8Array | null {
  if (ciphertext.length !== RSA_CIPHERTEXT_BYTES) {
    throw new KeysCryptoError(
      'kem_ciphertext_malformed',
      `an RSA-4096 ciphertext is ${RSA_CIPHERTEXT_BYTES} bytes, not ${ciphertext.length}`,
      'kemCiphertext',
    );
  }
  try {
    const secret = new Uint8Array(privateDecrypt(oaep(privateKey), ciphertext));
    return secret.length === 32 ? secret : null;
  } catch {
    return null;
  }
}
