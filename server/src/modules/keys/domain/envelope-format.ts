/**
 * The serialised envelope, format 1. Big-endian integers; every length is fixed by the
 * algorithm ids or stated in the envelope, and a parse accepts nothing else.
 *
 *   offset  bytes  field
 *   0       1      format version (1)
 *   1       1      KEM id (1 hybrid ML-KEM-1024+X25519, 2 RSA-4096-OAEP-SHA256)
 *   2       1      AEAD id (1 AES-256-GCM)
 *   3       1      key id length L (1..64)
 *   4       L      key id (ASCII: a-z 0-9 . _ -)
 *   4+L     4      key version (>= 1)
 *   8+L     2      KEM ciphertext length N (exactly the KEM's)
 *   10+L    N      KEM ciphertext
 *   ..      12     data key wrap nonce
 *   ..      48     wrapped data key (32-byte AES-256 key and its 16-byte tag)
 *   ..      12     payload nonce
 *   ..      >= 16  payload ciphertext and its tag
 *
 * The record id is not stored: it is associated data of both the wrap and the payload, so
 * an envelope copied onto another record does not open.
 */
import {
  AEAD_ALGORITHMS,
  KEM_ALGORITHMS,
  isAeadId,
  isKemId,
  type AeadId,
  type KemId,
} from './algorithms.js';
import { GCM_NONCE_BYTES, GCM_TAG_BYTES, DATA_KEY_BYTES } from './aes-gcm.js';
import { concatBytes, u16, u32, utf8 } from './bytes.js';
import { KeysCryptoError } from './errors.js';

export const ENVELOPE_FORMAT = 1;
export const WRAPPED_DATA_KEY_BYTES = DATA_KEY_BYTES + GCM_TAG_BYTES;
const KEY_ID = /^[a-z0-9._-]{1,64}$/;

export interface Envelope {
  format: typeof ENVELOPE_FORMAT;
  kem: KemId;
  aead: AeadId;
  keyId: string;
  keyVersion: number;
  kemCiphertext: Uint8Array;
  wrapNonce: Uint8Array;
  wrappedDataKey: Uint8Array;
  payloadNonce: Uint8Array;
  payload: Uint8Array;
}

export const isKeyId = (id: string): boolean => KEY_ID.test(id);

const malformed = (field: string, rule: string) =>
  new KeysCryptoError('envelope_malformed', `malformed envelope: ${field} ${rule}`, field);

/** The bytes up to the end of the KEM ciphertext: what the data key's wrap authenticates. */
export function encodeHeader(
  e: Pick<Envelope, 'kem' | 'aead' | 'keyId' | 'keyVersion' | 'kemCiphertext'>,
): Uint8Array {
  if (!isKeyId(e.keyId)) throw malformed('keyId', 'must be 1 to 64 of a-z 0-9 . _ -');
  if (!Number.isInteger(e.keyVersion) || e.keyVersion < 1 || e.keyVersion > 0xffffffff) {
    throw malformed('keyVersion', 'must be an integer from 1 to 2^32-1');
  }
  const id = utf8(e.keyId);
  return concatBytes(
    Uint8Array.of(ENVELOPE_FORMAT, e.kem, e.aead, id.length),
    id,
    u32(e.keyVersion),
    u16(e.kemCiphertext.length),
    e.kemCiphertext,
  );
}

export function encodeEnvelope(e: Envelope): Uint8Array {
  return concatBytes(encodeHeader(e), e.wrapNonce, e.wrappedDataKey, e.payloadNonce, e.payload);
}

/** Parses strictly: an unknown version or id, a wrong length or a short body names its field. */
export function parseEnvelope(bytes: Uint8Array): Envelope {
  if (!(bytes instanceof Uint8Array)) throw malformed('envelope', 'must be bytes');
  let at = 0;
  const take = (n: number, field: string): Uint8Array => {
    if (at + n > bytes.length)
      throw malformed(
        field,
        `is cut short (needs ${n} bytes at offset ${at}, the envelope has ${bytes.length})`,
      );
    const out = bytes.subarray(at, at + n);
    at += n;
    return out;
  };
  const [format] = take(1, 'format');
  if (format !== ENVELOPE_FORMAT)
    throw malformed('format', `version ${format} is not supported (expected ${ENVELOPE_FORMAT})`);
  const [kem] = take(1, 'kem');
  if (kem === undefined || !isKemId(kem))
    throw malformed(
      'kem',
      `algorithm id ${kem} is unknown (known: ${Object.keys(KEM_ALGORITHMS).join(', ')})`,
    );
  const [aead] = take(1, 'aead');
  if (aead === undefined || !isAeadId(aead))
    throw malformed(
      'aead',
      `algorithm id ${aead} is unknown (known: ${Object.keys(AEAD_ALGORITHMS).join(', ')})`,
    );
  const [idLength] = take(1, 'keyId');
  if (!idLength || idLength > 64) throw malformed('keyId', `length ${idLength} is outside 1 to 64`);
  const keyId = new TextDecoder('utf-8', { fatal: false }).decode(take(idLength, 'keyId'));
  if (!isKeyId(keyId)) throw malformed('keyId', 'must be of a-z 0-9 . _ -');
  const v = take(4, 'keyVersion');
  const keyVersion = ((v[0]! << 24) >>> 0) + (v[1]! << 16) + (v[2]! << 8) + v[3]!;
  if (keyVersion < 1) throw malformed('keyVersion', 'must be at least 1');
  const n = take(2, 'kemCiphertext');
  const ctLength = (n[0]! << 8) + n[1]!;
  const expected = KEM_ALGORITHMS[kem].ciphertextBytes;
  if (ctLength !== expected)
    throw malformed(
      'kemCiphertext',
      `length ${ctLength} is not the ${expected} bytes of ${KEM_ALGORITHMS[kem].name}`,
    );
  const kemCiphertext = take(ctLength, 'kemCiphertext');
  const wrapNonce = take(GCM_NONCE_BYTES, 'wrapNonce');
  const wrappedDataKey = take(WRAPPED_DATA_KEY_BYTES, 'wrappedDataKey');
  const payloadNonce = take(GCM_NONCE_BYTES, 'payloadNonce');
  const payload = bytes.subarray(at);
  if (payload.length < GCM_TAG_BYTES)
    throw malformed(
      'payload',
      `is ${payload.length} bytes, shorter than its ${GCM_TAG_BYTES}-byte tag`,
    );
  return {
    format: ENVELOPE_FORMAT,
    kem,
    aead,
    keyId,
    keyVersion,
    kemCiphertext,
    wrapNonce,
    wrappedDataKey,
    payloadNonce,
    payload,
  };
}
