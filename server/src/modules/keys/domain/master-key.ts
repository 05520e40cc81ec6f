/**
 * The master key: derived from the master secret with HKDF-SHA-256, it seals the private
 * half of every key version (AES-256-GCM, the key id, version and KEM as associated data,
 * so a sealed secret copied onto another version does not open) and one constant, the
 * check that start-up opens to prove the master secret is the right one.
 */
import { hkdfSync } from 'node:crypto';
import { GCM_NONCE_BYTES, gcmOpen, gcmSeal } from './aes-gcm.js';
import { concatBytes, u32, utf8, type Random } from './bytes.js';

export const MIN_MASTER_SECRET_LENGTH = 32;
const CHECK_AAD = utf8('energyopti/keys/master-check/v1');
const CHECK_VALUE = utf8('energyopti keys master secret check');

export interface MasterKey {
  sealSecret(
    keyId: string,
    version: number,
    kem: number,
    secret: Uint8Array,
    random: Random,
  ): Uint8Array;
  /** The private half, or null when this master key did not seal it. */
  openSecret(keyId: string, version: number, kem: number, sealed: Uint8Array): Uint8Array | null;
  sealCheck(random: Random): Uint8Array;
  opensCheck(sealed: Uint8Array): boolean;
}

const secretAad = (keyId: string, version: number, kem: number) =>
  concatBytes(
    utf8('energyopti/keys/private-key/v1'),
    Uint8Array.of(kem),
    u32(version),
    utf8(keyId),
  );

function seal(key: Uint8Array, plaintext: Uint8Array, aad: Uint8Array, random: Random) {
  const nonce = random(GCM_NONCE_BYTES);
  return concatBytes(nonce, gcmSeal(key, nonce, plaintext, aad));
}

function open(key: Uint8Array, sealed: Uint8Array, aad: Uint8Array) {
  if (sealed.length < GCM_NONCE_BYTES + 16) return null;
  return gcmOpen(key, sealed.subarray(0, GCM_NONCE_BYTES), sealed.subarray(GCM_NONCE_BYTES), aad);
}

export function deriveMasterKey(masterSecret: string): MasterKey {
  if (masterSecret.length < MIN_MASTER_SECRET_LENGTH) {
    throw new Error(`the keys master secret needs at least ${MIN_MASTER_SECRET_LENGTH} characters`);
  }
  const key = new Uint8Array(
    hkdfSync('sha256', masterSecret, new Uint8Array(0), 'energyopti/keys/master/v1', 32),
  );
  return {
    sealSecret: (keyId, version, kem, secret, random) =>
      seal(key, secret, secretAad(keyId, version, kem), random),
    openSecret: (keyId, version, kem, sealed) => open(key, sealed, secretAad(keyId, version, kem)),
    sealCheck: (random) => seal(key, CHECK_VALUE, CHECK_AAD, random),
    opensCheck: (sealed) => open(key, sealed, CHECK_AAD) !== null,
  };
}
