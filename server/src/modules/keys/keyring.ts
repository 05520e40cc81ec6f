import { randomBytes } from 'node:crypto';
import type { Db } from '../../platform/db/database.js';
import { DomainError, notFound } from '../../platform/errors.js';
import { isKemId, type KemId } from './domain/algorithms.js';
import { KeysCryptoError } from './domain/errors.js';
import { envelopeKey, openRecord, rewrapRecord, sealRecord } from './domain/envelope.js';
import { canOpen } from './domain/lifecycle.js';
import type { MasterKey } from './domain/master-key.js';
import { openingKey, sealingKey, type OpeningKey, type SealingKey } from './domain/wrapping-key.js';
import type { VersionRepo } from './repo-versions.js';

export const DEFAULT_KEY_ID = 'default';
export const random = (n: number): Uint8Array => new Uint8Array(randomBytes(n));

/** A refusal of the crypto domain as the API's problem, with the same code. */
export function asDomainError(err: unknown): unknown {
  if (!(err instanceof KeysCryptoError)) return err;
  return new DomainError(
    'unprocessable',
    err.code,
    err.message,
    err.field ? [{ field: err.field, rule: err.code, message: err.message }] : [],
  );
}

const masterMismatch = (keyId: string, version: number) =>
  new DomainError(
    'unavailable',
    'master_secret_mismatch',
    `key ${keyId} version ${version} is not sealed under the master secret in use`,
  );

/**
 * Seals and opens records under the key versions of the database. The state of a version
 * is read on every call, so a revocation or rotation made on another instance applies at
 * once; only the expanded key material is cached, in this process and nowhere else.
 */
export function createKeyring(deps: { db: Db; versions: VersionRepo; master: MasterKey }) {
  const { db, versions, master } = deps;
  const sealing = new Map<string, SealingKey>();
  const opening = new Map<string, OpeningKey>();
  const name = (keyId: string, version: number) => `${keyId}/${version}`;

  async function sealingKeyOf(executor: Db, keyId: string): Promise<SealingKey> {
    const row = await versions.active(executor, keyId);
    if (!row)
      throw new DomainError(
        'conflict',
        'no_active_key',
        `key ${keyId} has no active version to seal under`,
      );
    const cached = sealing.get(name(keyId, row.version));
    if (cached) return cached;
    const key = sealingKey({ keyId, version: row.version }, row.kem as KemId, row.public_key);
    sealing.set(name(keyId, row.version), key);
    return key;
  }

  async function openingKeyOf(executor: Db, keyId: string, version: number): Promise<OpeningKey> {
    const row = await versions.find(executor, keyId, version);
    if (!row) throw notFound(`key ${keyId} version ${version}`, 'key_unknown');
    if (!canOpen(row.state)) {
      opening.delete(name(keyId, version));
      throw new DomainError(
        'conflict',
        `key_${row.state}`,
        `key ${keyId} version ${version} is ${row.state}: it opens nothing`,
        [],
        { keyId, version, state: row.state },
      );
    }
    const cached = opening.get(name(keyId, version));
    if (cached) return cached;
    if (!row.sealed_secret || !isKemId(row.kem)) throw masterMismatch(keyId, version);
    const secret = master.openSecret(keyId, version, row.kem, row.sealed_secret);
    if (!secret) throw masterMismatch(keyId, version);
    const key = openingKey({ keyId, version }, row.kem, secret);
    secret.fill(0);
    opening.set(name(keyId, version), key);
    return key;
  }

  const guarded = async <T>(work: () => Promise<T> | T): Promise<T> => {
    try {
      return await work();
    } catch (err) {
      throw asDomainError(err);
    }
  };

  return {
    sealingKeyOf,
    openingKeyOf,
    seal(recordId: string, plaintext: Uint8Array, opts: { keyId?: string; executor?: Db } = {}) {
      return guarded(async () =>
        sealRecord(
          await sealingKeyOf(opts.executor ?? db, opts.keyId ?? DEFAULT_KEY_ID),
          recordId,
          plaintext,
          random,
        ),
      );
    },
    open(recordId: string, envelope: Uint8Array, opts: { executor?: Db } = {}) {
      return guarded(async () => {
        const { keyId, keyVersion } = envelopeKey(envelope);
        return openRecord(
          await openingKeyOf(opts.executor ?? db, keyId, keyVersion),
          recordId,
          envelope,
        );
      });
    },
    rewrap(from: OpeningKey, to: SealingKey, recordId: string, envelope: Uint8Array) {
      return rewrapRecord(from, to, recordId, envelope, random);
    },
    /** Drops a version's cached material (revoked, destroyed). */
    forget(keyId: string, version: number) {
      opening.delete(name(keyId, version));
      sealing.delete(name(keyId, version));
    },
  };
}

export type Keyring = ReturnType<typeof createKeyring>;
