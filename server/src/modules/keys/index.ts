import type { Db } from '../../platform/db/database.js';
import type { ModuleContext } from '../../platform/module.js';
import { deriveMasterKey } from './domain/master-key.js';
import type { EnvelopeHolder } from './envelope-holders.js';
import { masterSecretOf } from './master-secret.js';
import { registerKeysRoutes } from './routes.js';
import { createKeysService, type KeysService } from './service.js';

export type { EnvelopeHolder, HeldEnvelope } from './envelope-holders.js';
export { DEFAULT_KEY_ID } from './keyring.js';

/** What other modules use: envelopes bound to a record id, under the active key version. */
export interface Keys {
  /** Seals bytes for one record; pass the use case's transaction as `executor`. */
  seal(
    recordId: string,
    bytes: Uint8Array,
    opts?: { keyId?: string; executor?: Db },
  ): Promise<Uint8Array>;
  /** Opens an envelope of that record; refused (a DomainError naming why) otherwise. */
  open(recordId: string, envelope: Uint8Array, opts?: { executor?: Db }): Promise<Uint8Array>;
  /** Lets rotation's rewrap job and revocation's report reach envelopes a module stores. */
  addHolder(holder: EnvelopeHolder): void;
}

/**
 * The keys module: key encryption keys (hybrid ML-KEM-1024 + X25519, or RSA-4096 for
 * partners) with versions and a lifecycle, envelope encryption for other modules, and the
 * admin API. Start-up refuses a master secret the stored keys were not sealed under.
 * `keys` is usable once `register` has run; registry.ts hands it to the modules that seal.
 */
export function createKeysModule() {
  let service: KeysService | undefined;
  const ready = (): KeysService => {
    if (!service) throw new Error('the keys module is not registered yet');
    return service;
  };
  const keys: Keys = {
    seal: (recordId, bytes, opts) => ready().keyring.seal(recordId, bytes, opts),
    open: (recordId, envelope, opts) => ready().keyring.open(recordId, envelope, opts),
    addHolder: (holder) => ready().addHolder(holder),
  };

  async function register(ctx: ModuleContext): Promise<void> {
    const s = createKeysService({
      db: ctx.platform.dbs.db,
      clock: ctx.clock,
      master: deriveMasterKey(masterSecretOf(ctx.config)),
      retentionDays: ctx.config.KEYS_RETENTION_DAYS,
      log: ctx.app.log,
    });
    await s.lifecycle.prepare();
    ctx.onClose(() => s.rewrapper.settled());
    registerKeysRoutes(ctx.app, s);
    service = s;
  }

  return {
    register,
    keys,
    /** The whole service, for this module's tests and benchmark. */
    service: ready,
  };
}
