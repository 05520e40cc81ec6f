/**
 * The key encryption key's KEM: ML-KEM-1024 (FIPS 203) and X25519 (RFC 7748) combined so
 * that the shared secret stays secret while either one holds. It follows X-Wing
 * (draft-connolly-cfrg-xwing-kem) and the generic combiner of the CFRG hybrid KEM draft
 * (draft-irtf-cfrg-hybrid-kems), with one difference stated below.
 *
 *   Label     = "energyopti/keys/hybrid-kem/mlkem1024-x25519/v1"  (ASCII, 47 bytes)
 *
 *   KeyGen(seed: 96 bytes)
 *     (ek_M, dk_M) = ML-KEM-1024.KeyGen_internal(d = seed[0:32], z = seed[32:64])
 *     sk_X = seed[64:96];  pk_X = X25519(sk_X, 9)
 *     pk = ek_M || pk_X                                   (1568 + 32 bytes)
 *     sk = seed                                           (kept sealed, never expanded at rest)
 *
 *   Encaps(pk)
 *     (ss_M, ct_M) = ML-KEM-1024.Encaps(ek_M)
 *     e_X random;  ct_X = X25519(e_X, 9);  ss_X = X25519(e_X, pk_X), refused if all zero
 *     ss = Combine(ss_M, ss_X, ct_M, ct_X, ek_M, pk_X);  ct = ct_M || ct_X
 *
 *   Decaps(sk, ct)
 *     ss_M = ML-KEM-1024.Decaps(dk_M, ct_M)   (implicit rejection: a bad ct_M gives a random ss_M)
 *     ss_X = X25519(sk_X, ct_X), refused if all zero
 *     ss = Combine(...)  as above
 *
 *   Combine = SHA3-256(ss_M || ss_X || ct_M || ct_X || ek_M || pk_X || Label)
 *
 * Every input has a fixed length, so the concatenation is unambiguous without length
 * prefixes, and the label comes last as in X-Wing. X-Wing leaves ct_M and ek_M out because
 * ML-KEM is ciphertext collision resistant; we bind both ciphertexts and both public keys,
 * as the draft's generic combiner does, so the secret does not rest on that property of
 * ML-KEM and a ciphertext or key swapped in either half changes the secret. The cost is one
 * SHA3-256 over about 3.2 KB per operation, small beside the KEMs themselves.
 */
import { sha3_256 } from '@noble/hashes/sha3.js';
import { ml_kem1024 } from '@noble/post-quantum/ml-kem.js';
import { concatBytes, utf8, type Random } from './bytes.js';
import { KeysCryptoError } from './errors.js';
import { X25519_BYTES, x25519PublicKey, x25519SharedSecret } from './x25519.js';

export const HYBRID_LABEL = utf8('energyopti/keys/hybrid-kem/mlkem1024-x25519/v1');
export const MLKEM_PUBLIC_BYTES = 1568;
export const MLKEM_CIPHERTEXT_BYTES = 1568;
export const MLKEM_SEED_BYTES = 64;
export const HYBRID_PUBLIC_BYTES = MLKEM_PUBLIC_BYTES + X25519_BYTES;
export const HYBRID_CIPHERTEXT_BYTES = MLKEM_CIPHERTEXT_BYTES + X25519_BYTES;
export const HYBRID_SECRET_BYTES = MLKEM_SEED_BYTES + X25519_BYTES;

export interface KemResult {
  ciphertext: Uint8Array;
  sharedSecret: Uint8Array;
}

export function combineSecrets(parts: {
  ssM: Uint8Array;
  ssX: Uint8Array;
  ctM: Uint8Array;
  ctX: Uint8Array;
  ekM: Uint8Array;
  pkX: Uint8Array;
}): Uint8Array {
  return sha3_256(
    concatBytes(parts.ssM, parts.ssX, parts.ctM, parts.ctX, parts.ekM, parts.pkX, HYBRID_LABEL),
  );
}

function splitPublic(publicKey: Uint8Array) {
  if (publicKey.length !== HYBRID_PUBLIC_BYTES) {
    throw new KeysCryptoError(
      'kem_key_malformed',
      `a hybrid public key is ${HYBRID_PUBLIC_BYTES} bytes, not ${publicKey.length}`,
      'publicKey',
    );
  }
  return {
    ekM: publicKey.subarray(0, MLKEM_PUBLIC_BYTES),
    pkX: publicKey.subarray(MLKEM_PUBLIC_BYTES),
  };
}

/** The expanded keys of a hybrid secret; callers cache it per key version (expansion costs a keygen). */
export interface HybridPrivateKey {
  dkM: Uint8Array;
  ekM: Uint8Array;
  skX: Uint8Array;
  pkX: Uint8Array;
}

export function expandHybridSecret(secret: Uint8Array): HybridPrivateKey {
  if (secret.length !== HYBRID_SECRET_BYTES) {
    throw new KeysCryptoError(
      'kem_key_malformed',
      `a hybrid secret is ${HYBRID_SECRET_BYTES} bytes, not ${secret.length}`,
      'secretKey',
    );
  }
  const { publicKey, secretKey } = ml_kem1024.keygen(secret.slice(0, MLKEM_SEED_BYTES));
  const skX = secret.slice(MLKEM_SEED_BYTES);
  return { dkM: secretKey, ekM: publicKey, skX, pkX: x25519PublicKey(skX) };
}

export function hybridKeyPair(random: Random): { publicKey: Uint8Array; secret: Uint8Array } {
  const secret = random(HYBRID_SECRET_BYTES);
  const k = expandHybridSecret(secret);
  return { publicKey: concatBytes(k.ekM, k.pkX), secret };
}

export function hybridEncapsulate(publicKey: Uint8Array, random: Random): KemResult {
  const { ekM, pkX } = splitPublic(publicKey);
  let m: { cipherText: Uint8Array; sharedSecret: Uint8Array };
  try {
    m = ml_kem1024.encapsulate(ekM, random(32));
  } catch (err) {
    // FIPS 203 7.2's modulus check: an encapsulation key with unreduced coefficients.
    throw new KeysCryptoError(
      'kem_key_malformed',
      `the ML-KEM-1024 public key is invalid (${(err as Error).message})`,
      'publicKey',
    );
  }
  const eX = random(X25519_BYTES);
  const ctX = x25519PublicKey(eX);
  const ssX = x25519SharedSecret(eX, pkX);
  const sharedSecret = combineSecrets({
    ssM: m.sharedSecret,
    ssX,
    ctM: m.cipherText,
    ctX,
    ekM,
    pkX,
  });
  return { ciphertext: concatBytes(m.cipherText, ctX), sharedSecret };
}

export function hybridDecapsulate(key: HybridPrivateKey, ciphertext: Uint8Array): Uint8Array {
  if (ciphertext.length !== HYBRID_CIPHERTEXT_BYTES) {
    throw new KeysCryptoError(
      'kem_ciphertext_malformed',
      `a hybrid ciphertext is ${HYBRID_CIPHERTEXT_BYTES} bytes, not ${ciphertext.length}`,
      'kemCiphertext',
    );
  }
  const ctM = ciphertext.subarray(0, MLKEM_CIPHERTEXT_BYTES);
  const ctX = ciphertext.subarray(MLKEM_CIPHERTEXT_BYTES);
  const ssM = ml_kem1024.decapsulate(ctM, key.dkM);
  const ssX = x25519SharedSecret(key.skX, ctX);
  return combineSecrets({ ssM, ssX, ctM, ctX, ekM: key.ekM, pkX: key.pkX });
}
