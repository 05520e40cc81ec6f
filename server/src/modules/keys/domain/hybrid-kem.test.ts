import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { KeysCryptoError } from './errors.js';
import {
  HYBRID_CIPHERTEXT_BYTES,
  MLKEM_CIPHERTEXT_BYTES,
  combineSecrets,
  expandHybridSecret,
  hybridDecapsulate,
  hybridEncapsulate,
  hybridKeyPair,
} from './hybrid-kem.js';

const random = (n: number) => new Uint8Array(randomBytes(n));

describe('hybrid ML-KEM-1024 + X25519 KEM', () => {
  const { publicKey, secret } = hybridKeyPair(random);
  const key = expandHybridSecret(secret);

  it('decapsulates to the secret encapsulation gave', () => {
    const { ciphertext, sharedSecret } = hybridEncapsulate(publicKey, random);
    expect(ciphertext.length).toBe(HYBRID_CIPHERTEXT_BYTES);
    expect(hybridDecapsulate(key, ciphertext)).toEqual(sharedSecret);
  });

  it('gives another secret when either half of the ciphertext changes', () => {
    const { ciphertext, sharedSecret } = hybridEncapsulate(publicKey, random);
    for (const at of [0, MLKEM_CIPHERTEXT_BYTES - 1, MLKEM_CIPHERTEXT_BYTES + 5]) {
      const changed = ciphertext.slice();
      changed[at]! ^= 0x80;
      let got: Uint8Array | undefined;
      try {
        got = hybridDecapsulate(key, changed);
      } catch (err) {
        expect(err).toBeInstanceOf(KeysCryptoError);
      }
      if (got) expect(got).not.toEqual(sharedSecret);
    }
  });

  it('binds every input of the combiner, public keys included', () => {
    const parts = {
      ssM: random(32),
      ssX: random(32),
      ctM: random(1568),
      ctX: random(32),
      ekM: random(1568),
      pkX: random(32),
    };
    const base = combineSecrets(parts);
    for (const name of Object.keys(parts) as (keyof typeof parts)[]) {
      const changed = { ...parts, [name]: parts[name].slice() };
      changed[name][0]! ^= 1;
      expect(combineSecrets(changed), name).not.toEqual(base);
    }
  });

  it('refuses an ephemeral X25519 key of low order (all-zero shared secret)', () => {
    const { ciphertext } = hybridEncapsulate(publicKey, random);
    const lowOrder = ciphertext.slice();
    lowOrder.fill(0, MLKEM_CIPHERTEXT_BYTES);
    expect(() => hybridDecapsulate(key, lowOrder)).toThrow(/all zeros/);
  });

  it('refuses keys and ciphertexts of the wrong size by name', () => {
    expect(() => hybridEncapsulate(publicKey.subarray(1), random)).toThrow(
      /public key is 1600 bytes/,
    );
    expect(() => hybridDecapsulate(key, new Uint8Array(10))).toThrow(/ciphertext is 1600 bytes/);
    expect(() => expandHybridSecret(new Uint8Array(64))).toThrow(/secret is 96 bytes/);
  });
});
