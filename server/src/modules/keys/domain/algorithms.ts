import { HYBRID_CIPHERTEXT_BYTES } from './hybrid-kem.js';
import { RSA_CIPHERTEXT_BYTES } from './rsa-kem.js';

/**
 * The algorithm ids written into every envelope. An id is never reused for another
 * construction: a change to the combiner or the framing gets a new id, so an envelope
 * always says exactly how to open it.
 */
export const KEM_ALGORITHMS = {
  1: { name: 'ML-KEM-1024+X25519', ciphertextBytes: HYBRID_CIPHERTEXT_BYTES },
  2: { name: 'RSA-4096-OAEP-SHA256', ciphertextBytes: RSA_CIPHERTEXT_BYTES },
} as const;
export type KemId = keyof typeof KEM_ALGORITHMS;
export const HYBRID_KEM: KemId = 1;
export const RSA_KEM: KemId = 2;

export const AEAD_ALGORITHMS = { 1: { name: 'AES-256-GCM' } } as const;
export type AeadId = keyof typeof AEAD_ALGORITHMS;
export const AES_256_GCM: AeadId = 1;

export type KemName = (typeof KEM_ALGORITHMS)[KemId]['name'];

export const isKemId = (id: number): id is KemId => id in KEM_ALGORITHMS;
export const isAeadId = (id: number): id is AeadId => id in AEAD_ALGORITHMS;
export const kemName = (id: KemId): KemName => KEM_ALGORITHMS[id].name;
