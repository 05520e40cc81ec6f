import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json.js';
import { fromHex } from './merkle.js';
import {
  signingKeysFromSeeds,
  signTreeHead,
  treeHeadFromJson,
  treeHeadToJson,
  verifyTreeHead,
} from './tree-head.js';

const keys = signingKeysFromSeeds(new Uint8Array(32).fill(1), new Uint8Array(32).fill(2));
const publicKeys = { mlDsa87: keys.mlDsa87.publicKey, ed25519: keys.ed25519.publicKey };
const head = signTreeHead(
  { size: 5, root: fromHex('ab'.repeat(32)), time: 1_764_000_000_000 },
  keys,
);

describe('signed tree heads', () => {
  it('verify under both keys, and survive the trip through JSON', () => {
    expect(verifyTreeHead(head, publicKeys)).toEqual({ ok: true });
    expect(verifyTreeHead(treeHeadFromJson(treeHeadToJson(head)), publicKeys)).toEqual({
      ok: true,
    });
  });

  it('fail when the size, root or time differs from what was signed', () => {
    expect(verifyTreeHead({ ...head, size: 6 }, publicKeys)).toEqual({
      ok: false,
      reason: 'bad_ml_dsa_87_signature',
    });
    expect(verifyTreeHead({ ...head, root: fromHex('ac'.repeat(32)) }, publicKeys).ok).toBe(false);
    expect(verifyTreeHead({ ...head, time: head.time + 1 }, publicKeys).ok).toBe(false);
  });

  it('fail when either signature alone is broken, naming which', () => {
    const pq = Uint8Array.from(head.mlDsa87.signature);
    pq[100]! ^= 1;
    expect(
      verifyTreeHead({ ...head, mlDsa87: { ...head.mlDsa87, signature: pq } }, publicKeys),
    ).toEqual({ ok: false, reason: 'bad_ml_dsa_87_signature' });
    const ed = Uint8Array.from(head.ed25519.signature);
    ed[3]! ^= 1;
    expect(
      verifyTreeHead({ ...head, ed25519: { ...head.ed25519, signature: ed } }, publicKeys),
    ).toEqual({ ok: false, reason: 'bad_ed25519_signature' });
    expect(
      verifyTreeHead(
        { ...head, ed25519: { ...head.ed25519, signature: new Uint8Array(3) } },
        publicKeys,
      ).ok,
    ).toBe(false);
  });

  it('fail under another installation’s keys', () => {
    const other = signingKeysFromSeeds(new Uint8Array(32).fill(3), new Uint8Array(32).fill(4));
    expect(
      verifyTreeHead(head, { mlDsa87: other.mlDsa87.publicKey, ed25519: other.ed25519.publicKey }),
    ).toEqual({ ok: false, reason: 'unknown_key' });
  });
});

describe('canonical JSON', () => {
  it('sorts keys at every depth and drops whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, 'x'], c: null } })).toBe(
      '{"a":{"c":null,"d":[2,"x"]},"b":1}',
    );
  });

  it('refuses numbers JSON cannot say', () => {
    expect(() => canonicalJson({ a: Number.NaN })).toThrow(/non-finite/);
  });
});
