import { ed25519 } from '@noble/curves/ed25519.js';
import { ml_dsa87 } from '@noble/post-quantum/ml-dsa.js';
import { sha256, sameHash, toHex, fromHex, type Hash } from './merkle.js';

/**
 * A signed tree head: the log's size, root and time, signed twice over the same bytes,
 * with ML-DSA-87 (FIPS 204) against a quantum adversary and Ed25519 beside it, so the head
 * stands while either scheme does. A verifier checks both signatures before it trusts the
 * root with any proof.
 */

/** The statement both algorithms sign: a versioned, line-based text no JSON parser can bend. */
export function treeHeadMessage(head: { size: number; root: Hash; time: number }): Uint8Array {
  return new TextEncoder().encode(
    `energyopti.ledger.tree-head.v1\n${head.size}\n${toHex(head.root)}\n${head.time}\n`,
  );
}

export interface SigningKeys {
  mlDsa87: { publicKey: Uint8Array; secretKey: Uint8Array; keyId: string };
  ed25519: { publicKey: Uint8Array; secretKey: Uint8Array; keyId: string };
}

export interface PublicKeys {
  mlDsa87: Uint8Array;
  ed25519: Uint8Array;
}

/** A key's id: the first 8 bytes of its public key's SHA-256, as hex. */
export const keyIdOf = (publicKey: Uint8Array): string => toHex(sha256(publicKey).subarray(0, 8));

/** Both key pairs from two 32-byte seeds (deterministic, so a configured secret fixes them). */
export function signingKeysFromSeeds(mlDsaSeed: Uint8Array, ed25519Seed: Uint8Array): SigningKeys {
  const pq = ml_dsa87.keygen(mlDsaSeed);
  const edPublic = ed25519.getPublicKey(ed25519Seed);
  return {
    mlDsa87: { publicKey: pq.publicKey, secretKey: pq.secretKey, keyId: keyIdOf(pq.publicKey) },
    ed25519: { publicKey: edPublic, secretKey: ed25519Seed, keyId: keyIdOf(edPublic) },
  };
}

export interface SignedTreeHead {
  size: number;
  root: Hash;
  /** Milliseconds since the epoch, as signed. */
  time: number;
  mlDsa87: { keyId: string; signature: Uint8Array };
  ed25519: { keyId: string; signature: Uint8Array };
}

export function signTreeHead(
  head: { size: number; root: Hash; time: number },
  keys: SigningKeys,
): SignedTreeHead {
  const message = treeHeadMessage(head);
  return {
    size: head.size,
    root: head.root,
    time: head.time,
    mlDsa87: {
      keyId: keys.mlDsa87.keyId,
      signature: ml_dsa87.sign(message, keys.mlDsa87.secretKey),
    },
    ed25519: {
      keyId: keys.ed25519.keyId,
      signature: ed25519.sign(message, keys.ed25519.secretKey),
    },
  };
}

export type HeadCheck =
  | { ok: true }
  | { ok: false; reason: 'unknown_key' | 'bad_ml_dsa_87_signature' | 'bad_ed25519_signature' };

/** Both signatures, each under the key its id names; either failing fails the head. */
export function verifyTreeHead(head: SignedTreeHead, keys: PublicKeys): HeadCheck {
  if (
    head.mlDsa87.keyId !== keyIdOf(keys.mlDsa87) ||
    head.ed25519.keyId !== keyIdOf(keys.ed25519)
  ) {
    return { ok: false, reason: 'unknown_key' };
  }
  const message = treeHeadMessage(head);
  // A malformed signature throws inside the libraries; to a verifier it is simply invalid.
  const holds = (check: () => boolean): boolean => {
    try {
      return check();
    } catch {
      return false;
    }
  };
  if (!holds(() => ml_dsa87.verify(head.mlDsa87.signature, message, keys.mlDsa87))) {
    return { ok: false, reason: 'bad_ml_dsa_87_signature' };
  }
  if (!holds(() => ed25519.verify(head.ed25519.signature, message, keys.ed25519))) {
    return { ok: false, reason: 'bad_ed25519_signature' };
  }
  return { ok: true };
}

/** The head as JSON travels: hashes in hex, signatures in base64. */
export interface TreeHeadJson {
  size: number;
  root: string;
  time: string;
  timeMs: number;
  signatures: {
    mlDsa87: { keyId: string; signature: string };
    ed25519: { keyId: string; signature: string };
  };
}

const b64 = (b: Uint8Array) => Buffer.from(b).toString('base64');
const unb64 = (s: string) => new Uint8Array(Buffer.from(s, 'base64'));

export function treeHeadToJson(h: SignedTreeHead): TreeHeadJson {
  return {
    size: h.size,
    root: toHex(h.root),
    time: new Date(h.time).toISOString(),
    timeMs: h.time,
    signatures: {
      mlDsa87: { keyId: h.mlDsa87.keyId, signature: b64(h.mlDsa87.signature) },
      ed25519: { keyId: h.ed25519.keyId, signature: b64(h.ed25519.signature) },
    },
  };
}

export function treeHeadFromJson(j: TreeHeadJson): SignedTreeHead {
  return {
    size: j.size,
    root: fromHex(j.root),
    time: j.timeMs,
    mlDsa87: {
      keyId: j.signatures.mlDsa87.keyId,
      signature: unb64(j.signatures.mlDsa87.signature),
    },
    ed25519: {
      keyId: j.signatures.ed25519.keyId,
      signature: unb64(j.signatures.ed25519.signature),
    },
  };
}

export const sameHead = (a: SignedTreeHead, b: SignedTreeHead): boolean =>
  a.size === b.size && a.time === b.time && sameHash(a.root, b.root);
