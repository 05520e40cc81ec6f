import type { Logger } from 'pino';
import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import { envelopeKey } from './domain/envelope.js';
import type { EnvelopeHolder } from './envelope-holders.js';
import { envelopesOfKey } from './envelope-census.js';
import type { Keyring } from './keyring.js';
import type { JobRepo } from './repo-jobs.js';

const PAGE = 200;

/**
 * The background job that moves a key's envelopes to its active version after a
 * rotation: each data key is unwrapped with the old version and wrapped again under the
 * new one, the payload copied as it is (never decrypted). A page is one transaction, and an
 * envelope is replaced only if it is still the one read, so a record rewritten meanwhile
 * keeps its new value. Envelopes under a revoked or destroyed version cannot be unwrapped
 * and are counted as skipped.
 */
export function createRewrapper(deps: {
  db: Db;
  clock: Clock;
  keyring: Keyring;
  jobs: JobRepo;
  holders: readonly EnvelopeHolder[];
  log: Pick<Logger, 'warn' | 'info'>;
}) {
  const { db, clock, keyring, jobs, holders, log } = deps;
  const running = new Set<Promise<void>>();

  async function rewrapPage(holder: EnvelopeHolder, keyId: string, after: string | null) {
    return db.transaction().execute(async (trx) => {
      const page = await holder.page(trx, after, PAGE);
      const to = await keyring.sealingKeyOf(trx, keyId);
      let rewrapped = 0;
      let skipped = 0;
      for (const { recordId, envelope } of page) {
        let version: number;
        try {
          const key = envelopeKey(envelope);
          if (key.keyId !== keyId || key.keyVersion === to.version) continue;
          version = key.keyVersion;
        } catch {
          continue;
        }
        try {
          const from = await keyring.openingKeyOf(trx, keyId, version);
          const next = keyring.rewrap(from, to, recordId, envelope);
          if (await holder.replace(trx, recordId, envelope, next)) rewrapped += 1;
        } catch (err) {
          skipped += 1;
          log.warn(
            {
              holder: holder.name,
              recordId,
              keyId,
              version,
              code: (err as { code?: string }).code,
            },
            'an envelope could not be rewrapped',
          );
        }
      }
      return {
        rewrapped,
        skipped,
        last: page.length === PAGE ? page[page.length - 1]!.recordId : null,
      };
    });
  }

  async function run(jobId: number, keyId: string) {
    try {
      for (const holder of holders) {
        let after: string | null = null;
        do {
          const page = await rewrapPage(holder, keyId, after);
          await jobs.progress(db, jobId, page);
          after = page.last;
        } while (after !== null);
      }
      await jobs.finish(db, jobId, { state: 'done', at: new Date(clock.now()) });
      log.info({ jobId, keyId }, 'rewrap job done');
    } catch (err) {
      await jobs.finish(db, jobId, {
        state: 'failed',
        error: (err as Error).message,
        at: new Date(clock.now()),
      });
      log.warn({ jobId, keyId, code: (err as { code?: string }).code }, 'rewrap job failed');
    }
  }

  return {
    /** Records the job with its total and starts it; the answer does not wait for it. */
    async start(keyId: string, toVersion: number, by: string): Promise<number> {
      const pending = await envelopesOfKey(db, holders, keyId, (v) => v !== toVersion);
      const jobId = await jobs.start(db, {
        keyId,
        toVersion,
        by,
        at: new Date(clock.now()),
        total: pending.total,
      });
      const p = run(jobId, keyId).finally(() => running.delete(p));
      running.add(p);
      return jobId;
    },
    /** Resolves when every job this process started has finished. */
    async settled(): Promise<void> {
      while (running.size > 0) await Promise.all([...running]);
    },
  };
}

export type Rewrapper = ReturnType<typeof createRewrapper>;
