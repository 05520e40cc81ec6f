import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import { conflict, notFound } from '../../platform/errors.js';
import { HYBRID_KEM, isKemId, kemName, type KemId } from './domain/algorithms.js';
import { destroyRefusal, moveKeyVersion } from './domain/lifecycle.js';
import type { MasterKey } from './domain/master-key.js';
import type { EnvelopeHolder } from './envelope-holders.js';
import { envelopesOfKey, type AffectedData } from './envelope-census.js';
import { generateKeyMaterial } from './key-generation.js';
import { DEFAULT_KEY_ID, random, type Keyring } from './keyring.js';
import type { Rewrapper } from './service-rewrap.js';
import type { StoredKeyVersion, VersionRepo } from './repo-versions.js';

export interface KeyVersionView {
  keyId: string;
  version: number;
  algorithm: string;
  state: StoredKeyVersion['state'];
  createdAt: string;
  activatedAt: string | null;
  retiredAt: string | null;
  revokedAt: string | null;
  destroyedAt: string | null;
}

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

// Public halves stay out of the view too: nothing a caller needs, and less to leak.
export const versionView = (v: StoredKeyVersion): KeyVersionView => ({
  keyId: v.key_id,
  version: v.version,
  algorithm: isKemId(v.kem) ? kemName(v.kem) : `unknown (${v.kem})`,
  state: v.state,
  createdAt: iso(v.created_at)!,
  activatedAt: iso(v.activated_at),
  retiredAt: iso(v.retired_at),
  revokedAt: iso(v.revoked_at),
  destroyedAt: iso(v.destroyed_at),
});

/** Key lifecycle use cases: each one transaction under the key's lock. */
export function createLifecycle(deps: {
  db: Db;
  clock: Clock;
  master: MasterKey;
  versions: VersionRepo;
  keyring: Keyring;
  rewrapper: Rewrapper;
  holders: readonly EnvelopeHolder[];
  retentionMs: number;
}) {
  const { db, clock, master, versions, keyring, rewrapper, holders } = deps;
  const now = () => new Date(clock.now());

  async function addVersion(trx: Db, keyId: string, version: number, kem: KemId): Promise<void> {
    const { publicKey, secret } = await generateKeyMaterial(kem);
    const sealedSecret = master.sealSecret(keyId, version, kem, secret, random);
    secret.fill(0);
    await versions.insert(trx, { keyId, version, kem, publicKey, sealedSecret, at: now() });
  }

  async function activate(trx: Db, keyId: string, version: number): Promise<void> {
    const active = await versions.active(trx, keyId);
    if (active) {
      moveKeyVersion(keyId, active.version, 'active', 'retired');
      await versions.setState(trx, keyId, active.version, 'retired', now());
    }
    await versions.setState(trx, keyId, version, 'active', now());
  }

  async function existing(trx: Db, keyId: string, version: number): Promise<StoredKeyVersion> {
    const v = await versions.find(trx, keyId, version);
    if (!v) throw notFound(`key ${keyId} version ${version}`, 'key_unknown');
    return v;
  }

  return {
    /**
     * Refuses to start on a master secret other than the one the stored keys were sealed
     * under, and gives an empty database its default key.
     */
    async prepare(): Promise<void> {
      let check = await versions.masterCheck(db);
      if (!check) {
        await versions.insertMasterCheck(db, master.sealCheck(random));
        check = await versions.masterCheck(db);
      }
      if (!check || !master.opensCheck(check)) {
        throw new Error(
          'KEYS_MASTER_SECRET is not the master secret the keys in this database were sealed under: refusing to serve data that could not be decrypted. Start with the original master secret.',
        );
      }
      await db.transaction().execute(async (trx) => {
        await versions.lockKey(trx, DEFAULT_KEY_ID);
        if ((await versions.versionsOf(trx, DEFAULT_KEY_ID)).length > 0) return;
        await addVersion(trx, DEFAULT_KEY_ID, 1, HYBRID_KEM);
        await activate(trx, DEFAULT_KEY_ID, 1);
      });
    },

    async list(): Promise<KeyVersionView[]> {
      return (await versions.list(db)).map(versionView);
    },

    async createKey(keyId: string, kem: KemId): Promise<KeyVersionView> {
      return db.transaction().execute(async (trx) => {
        await versions.lockKey(trx, keyId);
        if ((await versions.versionsOf(trx, keyId)).length > 0)
          throw conflict('key_exists', `key ${keyId} exists already`);
        await addVersion(trx, keyId, 1, kem);
        await activate(trx, keyId, 1);
        return versionView(await existing(trx, keyId, 1));
      });
    },

    /** A new version becomes active; a rewrap job then moves the key's envelopes onto it. */
    async rotate(
      keyId: string,
      by: string,
      kem?: KemId,
    ): Promise<{ version: KeyVersionView; rewrapJobId: number }> {
      const version = await db.transaction().execute(async (trx) => {
        await versions.lockKey(trx, keyId);
        const all = await versions.versionsOf(trx, keyId);
        const last = all[all.length - 1];
        if (!last) throw notFound(`key ${keyId}`, 'key_unknown');
        const next = last.version + 1;
        const algorithm = kem ?? (isKemId(last.kem) ? last.kem : HYBRID_KEM);
        await addVersion(trx, keyId, next, algorithm);
        await activate(trx, keyId, next);
        return versionView(await existing(trx, keyId, next));
      });
      const rewrapJobId = await rewrapper.start(keyId, version.version, by);
      return { version, rewrapJobId };
    },

    /** The version opens nothing from now on; the answer names the data sealed under it. */
    async revoke(
      keyId: string,
      version: number,
    ): Promise<{ version: KeyVersionView; affected: AffectedData }> {
      return db.transaction().execute(async (trx) => {
        await versions.lockKey(trx, keyId);
        const v = await existing(trx, keyId, version);
        moveKeyVersion(keyId, version, v.state, 'revoked');
        await versions.setState(trx, keyId, version, 'revoked', now());
        keyring.forget(keyId, version);
        const affected = await envelopesOfKey(trx, holders, keyId, (n) => n === version);
        return { version: versionView(await existing(trx, keyId, version)), affected };
      });
    },

    /** Erases the private half, after the retention check. */
    async destroy(keyId: string, version: number): Promise<KeyVersionView> {
      return db.transaction().execute(async (trx) => {
        await versions.lockKey(trx, keyId);
        const v = await existing(trx, keyId, version);
        const envelopes = (await envelopesOfKey(trx, holders, keyId, (n) => n === version)).total;
        const refusal = destroyRefusal(
          { keyId, version, state: v.state, endedAt: v.revoked_at ?? v.retired_at, envelopes },
          clock.now(),
          deps.retentionMs,
        );
        if (refusal) throw refusal;
        await versions.setState(trx, keyId, version, 'destroyed', now());
        keyring.forget(keyId, version);
        return versionView(await existing(trx, keyId, version));
      });
    },

    /** What is sealed under one version now. */
    usage(keyId: string, version: number): Promise<AffectedData> {
      return envelopesOfKey(db, holders, keyId, (n) => n === version);
    },
  };
}

export type Lifecycle = ReturnType<typeof createLifecycle>;
