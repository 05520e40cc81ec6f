import { generateKeyPairSync, randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { HYBRID_KEM, RSA_KEM } from './algorithms.js';
import { KeysCryptoError } from './errors.js';
import { encodeEnvelope, parseEnvelope } from './envelope-format.js';
import { openRecord, rewrapRecord, sealRecord } from './envelope.js';
import { hybridKeyPair } from './hybrid-kem.js';
import { openingKey, sealingKey, type OpeningKey, type SealingKey } from './wrapping-key.js';

const random = (n: number) => new Uint8Array(randomBytes(n));
const text = (s: string) => new TextEncoder().encode(s);

function hybridVersion(version: number): { seal: SealingKey; open: OpeningKey } {
  const { publicKey, secret } = hybridKeyPair(random);
  const named = { keyId: 'default', version };
  return {
    seal: sealingKey(named, HYBRID_KEM, publicKey),
    open: openingKey(named, HYBRID_KEM, secret),
  };
}

function refusal(fn: () => unknown): KeysCryptoError {
  try {
    fn();
  } catch (err) {
    if (err instanceof KeysCryptoError) return err;
    throw err;
  }
  throw new Error('expected a refusal');
}

describe('hybrid envelope', () => {
  let v1: ReturnType<typeof hybridVersion>;
  let v2: ReturnType<typeof hybridVersion>;
  beforeAll(() => {
    v1 = hybridVersion(1);
    v2 = hybridVersion(2);
  });

  it('opens what it sealed for the same record', () => {
    const sealed = sealRecord(v1.seal, 'identity.mfa:42', text('JBSWY3DPEHPK3PXP'), random);
    expect(new TextDecoder().decode(openRecord(v1.open, 'identity.mfa:42', sealed))).toBe(
      'JBSWY3DPEHPK3PXP',
    );
    expect(parseEnvelope(sealed)).toMatchObject({
      format: 1,
      kem: 1,
      aead: 1,
      keyId: 'default',
      keyVersion: 1,
    });
  });

  it('refuses an envelope moved onto another record', () => {
    const sealed = sealRecord(v1.seal, 'identity.mfa:42', text('secret'), random);
    expect(refusal(() => openRecord(v1.open, 'identity.mfa:43', sealed)).code).toBe(
      'envelope_unopenable',
    );
  });

  it('refuses an envelope with any byte of its KEM ciphertext, wrap, nonce, payload or tag flipped', () => {
    const sealed = sealRecord(v1.seal, 'r1', text('a payload of some length'), random);
    const e = parseEnvelope(sealed);
    const headerEnd = sealed.length - e.payload.length - 12 - 48 - 12;
    const positions = [
      headerEnd - 1600,
      headerEnd - 1,
      headerEnd + 3,
      headerEnd + 20,
      headerEnd + 65,
      sealed.length - 20,
      sealed.length - 1,
    ];
    for (const at of positions) {
      const tampered = sealed.slice();
      tampered[at]! ^= 0x01;
      expect(refusal(() => openRecord(v1.open, 'r1', tampered)).code, `byte ${at}`).toBe(
        'envelope_unopenable',
      );
    }
  });

  it('refuses an envelope whose header names another key version', () => {
    const sealed = sealRecord(v1.seal, 'r1', text('x'), random);
    const e = parseEnvelope(sealed);
    const relabelled = encodeEnvelope({ ...e, keyVersion: 2 });
    expect(refusal(() => openRecord(v2.open, 'r1', relabelled)).code).toBe('envelope_unopenable');
    expect(refusal(() => openRecord(v2.open, 'r1', sealed)).message).toContain('default v1');
  });

  it('rewraps the data key under a new version without touching the payload bytes', () => {
    const sealed = sealRecord(v1.seal, 'r9', text('bank details'), random);
    const rewrapped = rewrapRecord(v1.open, v2.seal, 'r9', sealed, random);
    const before = parseEnvelope(sealed);
    const after = parseEnvelope(rewrapped);
    expect(after.keyVersion).toBe(2);
    expect(after.payload).toEqual(before.payload);
    expect(after.payloadNonce).toEqual(before.payloadNonce);
    expect(after.kemCiphertext).not.toEqual(before.kemCiphertext);
    expect(new TextDecoder().decode(openRecord(v2.open, 'r9', rewrapped))).toBe('bank details');
    expect(refusal(() => openRecord(v1.open, 'r9', rewrapped)).code).toBe('envelope_unopenable');
  });

  it('never draws the same payload or wrap nonce twice across many seals', () => {
    // A property over many seals of the same record: every nonce (and data key) is fresh.
    fc.assert(
      fc.property(
        fc.array(fc.uint8Array({ maxLength: 64 }), { minLength: 50, maxLength: 80 }),
        (payloads) => {
          const seen = new Set<string>();
          for (const p of payloads) {
            const e = parseEnvelope(sealRecord(v1.seal, 'same-record', p, random));
            for (const nonce of [e.payloadNonce, e.wrapNonce]) {
              const hex = Buffer.from(nonce).toString('hex');
              if (seen.has(hex)) return false;
              seen.add(hex);
            }
          }
          return true;
        },
      ),
      { numRuns: 4 },
    );
  });
});

describe('envelope parsing', () => {
  let sealed: Uint8Array;
  beforeAll(() => {
    sealed = sealRecord(hybridVersion(1).seal, 'r', text('p'), random);
  });
  const withByte = (at: number, value: number) => {
    const b = sealed.slice();
    b[at] = value;
    return b;
  };
  it.each([
    ['an unknown format version', () => withByte(0, 2), 'format'],
    ['an unknown KEM id', () => withByte(1, 9), 'kem'],
    ['an unknown AEAD id', () => withByte(2, 7), 'aead'],
    ['a zero key id length', () => withByte(3, 0), 'keyId'],
    ['a key id with capitals', () => withByte(4, 'D'.charCodeAt(0)), 'keyId'],
    [
      'key version 0',
      () => {
        const b = sealed.slice();
        b.fill(0, 11, 15);
        return b;
      },
      'keyVersion',
    ],
    ['a KEM ciphertext length of another KEM', () => withByte(15, 0x02), 'kemCiphertext'],
    ['a cut-off wrap', () => sealed.slice(0, 11 + 4 + 2 + 1600 + 20), 'wrappedDataKey'],
    ['a payload shorter than its tag', () => sealed.slice(0, sealed.length - 10), 'payload'],
    ['an empty input', () => new Uint8Array(0), 'format'],
  ])('names the field of %s', (_name, make, field) => {
    const err = refusal(() => parseEnvelope(make()));
    expect(err.code).toBe('envelope_malformed');
    expect(err.field).toBe(field);
    expect(err.message).toContain(field);
  });
});

describe('RSA-4096 fallback', () => {
  it('seals and opens through OAEP, refusing a moved envelope', () => {
    const { publicKey, privateKey } = generateKeyPairSync('rsa', {
      modulusLength: 4096,
      publicKeyEncoding: { type: 'spki', format: 'der' },
      privateKeyEncoding: { type: 'pkcs8', format: 'der' },
    });
    const named = { keyId: 'partner.acme', version: 1 };
    const seal = sealingKey(named, RSA_KEM, new Uint8Array(publicKey));
    const open = openingKey(named, RSA_KEM, new Uint8Array(privateKey));
    const sealed = sealRecord(seal, 'confirmation:7', text('confirm'), random);
    expect(parseEnvelope(sealed).kem).toBe(RSA_KEM);
    expect(new TextDecoder().decode(openRecord(open, 'confirmation:7', sealed))).toBe('confirm');
    expect(refusal(() => openRecord(open, 'confirmation:8', sealed)).code).toBe(
      'envelope_unopenable',
    );
    const small = generateKeyPairSync('rsa', {
      modulusLength: 2048,
      publicKeyEncoding: { type: 'spki', format: 'der' },
      privateKeyEncoding: { type: 'pkcs8', format: 'der' },
    });
    expect(refusal(() => sealingKey(named, RSA_KEM, new Uint8Array(small.publicKey))).code).toBe(
      'kem_key_malformed',
    );
  });
});
