import type { KeyObject } from 'node:crypto';
import { HYBRID_KEM, RSA_KEM, type KemId } from './algorithms.js';
import type { Random } from './bytes.js';
import { KeysCryptoError } from './errors.js';
import {
  expandHybridSecret,
  hybridDecapsulate,
  hybridEncapsulate,
  type HybridPrivateKey,
  type KemResult,
} from './hybrid-kem.js';
import { rsaDecapsulate, rsaEncapsulate, rsaPrivateKey, rsaPublicKey } from './rsa-kem.js';

/** One key version's public half: what sealing needs, nothing secret. */
export interface SealingKey {
  keyId: string;
  version: number;
  kem: KemId;
  encapsulate(random: Random): KemResult;
}

/** One key version's private half, expanded in memory; it never leaves the keys service. */
export interface OpeningKey {
  keyId: string;
  version: number;
  kem: KemId;
  /** The KEM secret, or null where the KEM itself refuses (RSA padding). */
  decapsulate(ciphertext: Uint8Array): Uint8Array | null;
}

interface Named {
  keyId: string;
  version: number;
}

export function sealingKey(named: Named, kem: KemId, publicKey: Uint8Array): SealingKey {
  if (kem === HYBRID_KEM) {
    const pk = publicKey.slice();
    return { ...named, kem, encapsulate: (random) => hybridEncapsulate(pk, random) };
  }
  if (kem === RSA_KEM) {
    const pk: KeyObject = rsaPublicKey(publicKey);
    return { ...named, kem, encapsulate: (random) => rsaEncapsulate(pk, random) };
  }
  throw new KeysCryptoError('kem_key_malformed', `unknown KEM id ${String(kem)}`);
}

export function openingKey(named: Named, kem: KemId, secret: Uint8Array): OpeningKey {
  if (kem === HYBRID_KEM) {
    const sk: HybridPrivateKey = expandHybridSecret(secret);
    return { ...named, kem, decapsulate: (ct) => hybridDecapsulate(sk, ct) };
  }
  if (kem === RSA_KEM) {
    const sk = rsaPrivateKey(secret);
    return { ...named, kem, decapsulate: (ct) => rsaDecapsulate(sk, ct) };
  }
  throw new KeysCryptoError('kem_key_malformed', `unknown KEM id ${String(kem)}`);
}
