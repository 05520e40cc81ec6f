/**
 * Envelope encryption of one record: a fresh AES-256-GCM data key seals the payload, and
 * the data key is wrapped (AES-256-GCM again) under the secret of a fresh KEM
 * encapsulation to the key encryption key. Both AEADs take the record id as associated
 * data; the wrap also covers the header (format, algorithm ids, key id and version, KEM
 * ciphertext), so no field can be edited or moved to another record unnoticed.
 *
 * Nonces are 96 bits from the caller's random source, and every key they are used under is
 * fresh (one data key per seal, one KEM secret per wrap), so a nonce is never reused
 * under one key even if the source repeated itself.
 */
import { AES_256_GCM } from './algorithms.js';
import { DATA_KEY_BYTES, GCM_NONCE_BYTES, gcmOpen, gcmSeal } from './aes-gcm.js';
import { concatBytes, u16, utf8, wipe, type Random } from './bytes.js';
import { KeysCryptoError } from './errors.js';
import {
  ENVELOPE_FORMAT,
  encodeEnvelope,
  encodeHeader,
  parseEnvelope,
  type Envelope,
} from './envelope-format.js';
import type { OpeningKey, SealingKey } from './wrapping-key.js';

const WRAP_LABEL = utf8('energyopti/keys/data-key-wrap/v1');
const PAYLOAD_LABEL = utf8('energyopti/keys/payload/v1');
export const MAX_RECORD_ID_LENGTH = 200;

function recordIdBytes(recordId: string): Uint8Array {
  if (
    typeof recordId !== 'string' ||
    recordId.length === 0 ||
    recordId.length > MAX_RECORD_ID_LENGTH
  ) {
    throw new KeysCryptoError(
      'envelope_malformed',
      `the record id must be 1 to ${MAX_RECORD_ID_LENGTH} characters`,
      'recordId',
    );
  }
  const b = utf8(recordId);
  return concatBytes(u16(b.length), b);
}

const wrapAad = (header: Uint8Array, record: Uint8Array) => concatBytes(WRAP_LABEL, header, record);
// The payload's associated data leaves the key out, so a rewrap under a new key version
// leaves the payload's bytes as they are.
const payloadAad = (record: Uint8Array) =>
  concatBytes(PAYLOAD_LABEL, Uint8Array.of(ENVELOPE_FORMAT, AES_256_GCM), record);

function wrapDataKey(key: SealingKey, dataKey: Uint8Array, record: Uint8Array, random: Random) {
  const { ciphertext, sharedSecret } = key.encapsulate(random);
  const head = {
    kem: key.kem,
    aead: AES_256_GCM,
    keyId: key.keyId,
    keyVersion: key.version,
    kemCiphertext: ciphertext,
  };
  const wrapNonce = random(GCM_NONCE_BYTES);
  const wrappedDataKey = gcmSeal(
    sharedSecret,
    wrapNonce,
    dataKey,
    wrapAad(encodeHeader(head), record),
  );
  wipe(sharedSecret);
  return { ...head, wrapNonce, wrappedDataKey };
}

function unwrapDataKey(e: Envelope, key: OpeningKey, record: Uint8Array): Uint8Array {
  if (e.keyId !== key.keyId || e.keyVersion !== key.version || e.kem !== key.kem) {
    throw new KeysCryptoError(
      'envelope_unopenable',
      `the envelope is sealed under ${e.keyId} v${e.keyVersion}, not ${key.keyId} v${key.version}`,
      'keyVersion',
    );
  }
  const secret = key.decapsulate(e.kemCiphertext);
  const dataKey =
    secret && gcmOpen(secret, e.wrapNonce, e.wrappedDataKey, wrapAad(encodeHeader(e), record));
  if (secret) wipe(secret);
  if (!dataKey || dataKey.length !== DATA_KEY_BYTES) {
    throw new KeysCryptoError(
      'envelope_unopenable',
      'the data key does not unwrap: the envelope was altered, moved to another record, or sealed under another key',
    );
  }
  return dataKey;
}

export function sealRecord(
  key: SealingKey,
  recordId: string,
  plaintext: Uint8Array,
  random: Random,
): Uint8Array {
  const record = recordIdBytes(recordId);
  const dataKey = random(DATA_KEY_BYTES);
  const payloadNonce = random(GCM_NONCE_BYTES);
  const payload = gcmSeal(dataKey, payloadNonce, plaintext, payloadAad(record));
  const wrapped = wrapDataKey(key, dataKey, record, random);
  wipe(dataKey);
  return encodeEnvelope({ format: ENVELOPE_FORMAT, ...wrapped, payloadNonce, payload });
}

/** Which key version an envelope needs; parsing alone, so callers can find the key first. */
export function envelopeKey(bytes: Uint8Array): {
  keyId: string;
  keyVersion: number;
  kem: Envelope['kem'];
} {
  const e = parseEnvelope(bytes);
  return { keyId: e.keyId, keyVersion: e.keyVersion, kem: e.kem };
}

export function openRecord(key: OpeningKey, recordId: string, bytes: Uint8Array): Uint8Array {
  const record = recordIdBytes(recordId);
  const e = parseEnvelope(bytes);
  const dataKey = unwrapDataKey(e, key, record);
  const plaintext = gcmOpen(dataKey, e.payloadNonce, e.payload, payloadAad(record));
  wipe(dataKey);
  if (!plaintext) {
    throw new KeysCryptoError(
      'envelope_unopenable',
      'the payload does not open: its ciphertext or tag was altered',
    );
  }
  return plaintext;
}

/**
 * The same envelope with its data key wrapped under another key version. The payload's
 * nonce and ciphertext are copied byte for byte: the payload is never decrypted.
 */
export function rewrapRecord(
  from: OpeningKey,
  to: SealingKey,
  recordId: string,
  bytes: Uint8Array,
  random: Random,
): Uint8Array {
  const record = recordIdBytes(recordId);
  const e = parseEnvelope(bytes);
  const dataKey = unwrapDataKey(e, from, record);
  const wrapped = wrapDataKey(to, dataKey, record, random);
  wipe(dataKey);
  return encodeEnvelope({ ...e, ...wrapped });
}
