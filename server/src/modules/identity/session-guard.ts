import type { Bus } from '../../platform/bus/bus.js';
import type { Cache } from '../../platform/cache/cache.js';
import {
  SESSION_ENDED_TOPIC,
  type SessionEndedMessage,
} from '../../platform/stream/session-sockets.js';
import type { Db } from '../../platform/db/database.js';
import type { SessionRepo } from './session-repo.js';

/**
 * Whether an access token's session is still open, asked on every authenticated
 * request. The answer is cached for a few seconds in the platform cache (Redis when
 * configured, so instances share it); ending a session overwrites its entry, so the
 * end applies at once on every instance rather than when the entry expires.
 */
export interface SessionGuard {
  isOpen(sessionId: string): Promise<boolean>;
  /** Call after the transaction that ended the sessions has committed. */
  ended(sessionIds: readonly string[]): Promise<void>;
}

const OPEN = 'open';
const ENDED = 'ended';

export function createSessionGuard(deps: {
  db: Db;
  cache: Cache;
  /** Where ended sessions are announced, so every instance closes their streams. */
  bus: Bus;
  repo: SessionRepo;
  /** How long an "open" answer may be reused. */
  openTtlSeconds: number;
  /** How long an "ended" answer is kept: as long as an access token can live. */
  endedTtlSeconds: number;
}): SessionGuard {
  const key = (id: string) => `identity:session:${id}`;
  return {
    async isOpen(sessionId) {
      const cached = await deps.cache.get(key(sessionId));
      if (cached === OPEN) return true;
      if (cached === ENDED) return false;
      const open = await deps.repo.isOpen(deps.db, sessionId);
      await deps.cache.set(
        key(sessionId),
        open ? OPEN : ENDED,
        open ? deps.openTtlSeconds : deps.endedTtlSeconds,
      );
      return open;
    },

    async ended(sessionIds) {
      // Written, not deleted: an ended session never reopens. A request that read the row
      // just before the commit may still write "open" after this, but only for the few
      // seconds an open answer lives.
      await Promise.all(
        sessionIds.map((id) => deps.cache.set(key(id), ENDED, deps.endedTtlSeconds)),
      );
      if (sessionIds.length > 0) {
        const message: SessionEndedMessage = { sessionIds: [...sessionIds] };
        await deps.bus.publish(SESSION_ENDED_TOPIC, message);
      }
    },
  };
}
