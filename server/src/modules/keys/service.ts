import type { Logger } from 'pino';
import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import { notFound } from '../../platform/errors.js';
import type { MasterKey } from './domain/master-key.js';
import { vaultHolder, type EnvelopeHolder } from './envelope-holders.js';
import { createKeyring } from './keyring.js';
import { createJobRepo } from './repo-jobs.js';
import { createVersionRepo } from './repo-versions.js';
import { createLifecycle } from './service-lifecycle.js';
import { createRewrapper } from './service-rewrap.js';

const DAY_MS = 86_400_000;

/** The keys service: keyring, lifecycle, rewrap jobs and the vault, over one database. */
export function createKeysService(deps: {
  db: Db;
  clock: Clock;
  master: MasterKey;
  retentionDays: number;
  log: Pick<Logger, 'warn' | 'info'>;
}) {
  const { db, clock } = deps;
  const versions = createVersionRepo();
  const jobs = createJobRepo();
  const vault = vaultHolder(clock);
  // Holders other modules hand over join the vault; the list is read at each use.
  const holders: EnvelopeHolder[] = [vault];
  const keyring = createKeyring({ db, versions, master: deps.master });
  const rewrapper = createRewrapper({ db, clock, keyring, jobs, holders, log: deps.log });
  const lifecycle = createLifecycle({
    db,
    clock,
    master: deps.master,
    versions,
    keyring,
    rewrapper,
    holders,
    retentionMs: deps.retentionDays * DAY_MS,
  });

  return {
    keyring,
    lifecycle,
    rewrapper,
    addHolder(holder: EnvelopeHolder) {
      if (holders.some((h) => h.name === holder.name))
        throw new Error(`envelope holder ${holder.name} is registered twice`);
      holders.push(holder);
    },
    vault: {
      async put(recordId: string, plaintext: Uint8Array, executor: Db = db): Promise<void> {
        await vault.put(executor, recordId, await keyring.seal(recordId, plaintext, { executor }));
      },
      async get(recordId: string, executor: Db = db): Promise<Uint8Array | undefined> {
        const envelope = await vault.get(executor, recordId);
        return envelope && keyring.open(recordId, envelope, { executor });
      },
      envelope: (recordId: string) => vault.get(db, recordId),
    },
    async job(id: number) {
      const j = await jobs.find(db, id);
      if (!j) throw notFound(`rewrap job ${id}`, 'rewrap_job_unknown');
      return {
        id: Number(j.id),
        keyId: j.key_id,
        toVersion: j.to_version,
        state: j.state,
        total: j.total,
        rewrapped: j.rewrapped,
        skipped: j.skipped,
        error: j.error,
        startedBy: j.started_by,
        startedAt: new Date(j.started_at).toISOString(),
        finishedAt: j.finished_at ? new Date(j.finished_at).toISOString() : null,
      };
    },
  };
}

export type KeysService = ReturnType<typeof createKeysService>;
