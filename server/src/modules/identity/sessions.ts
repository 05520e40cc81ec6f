import { randomUUID } from 'node:crypto';
import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import type { Executor, IdentityRepo, UserRow } from './repo.js';
import { randomToken, sha256Hex } from './secrets.js';
import type { SessionGuard } from './session-guard.js';
import type { SessionRepo } from './session-repo.js';
import type { SessionEndReason } from './tables.js';
import type { TokenSigner } from './tokens.js';
import { toUserView, type UserView } from './user-view.js';

export interface Session {
  accessToken: string;
  expiresIn: number;
  refreshToken: string;
  refreshExpiresAt: Date;
  user: UserView;
}

export interface SessionDeps {
  db: Db;
  repo: IdentityRepo;
  sessionRepo: SessionRepo;
  guard: SessionGuard;
  tokens: TokenSigner;
  clock: Clock;
  refreshTtlSeconds: number;
  mfaRoles: (executor?: Executor) => Promise<Set<string>>;
}

/**
 * A session is one sign-in: a refresh-token family, whose id the access tokens carry
 * as `sid`. Ending it revokes its refresh tokens and, through the guard, its access
 * tokens at once.
 */
export function createSessions(deps: SessionDeps) {
  const { repo, sessionRepo, guard, tokens, clock } = deps;

  /** Issues a refresh token and an access token in session `sessionId`. */
  async function issue(user: UserRow, sessionId: string, executor: Executor): Promise<Session> {
    const refreshToken = randomToken(32);
    const refreshExpiresAt = new Date(clock.now() + deps.refreshTtlSeconds * 1000);
    await repo.insertRefreshToken(executor, {
      token_hash: sha256Hex(refreshToken),
      family_id: sessionId,
      user_id: user.id,
      expires_at: refreshExpiresAt,
    });
    const { token, expiresIn } = await tokens.sign({
      sub: user.id,
      username: user.username,
      roles: user.roles,
      sid: sessionId,
    });
    return {
      accessToken: token,
      expiresIn,
      refreshToken,
      refreshExpiresAt,
      user: toUserView(user, await deps.mfaRoles(executor)),
    };
  }

  return {
    issue,

    /** Opens a new session for a sign-in and issues its first tokens. */
    async start(user: UserRow, executor: Executor): Promise<Session> {
      const id = randomUUID();
      await sessionRepo.start(executor, {
        id,
        user_id: user.id,
        started_at: new Date(clock.now()),
      });
      return issue(user, id, executor);
    },

    /** Ends one session inside `executor`; call `confirmEnded` with the id after commit. */
    async end(executor: Executor, sessionId: string, reason: SessionEndReason): Promise<void> {
      const now = new Date(clock.now());
      await repo.revokeFamily(executor, sessionId, now);
      await sessionRepo.end(executor, sessionId, reason, now);
    },

    /** Ends every session of a user inside `executor`; returns their ids for `confirmEnded`. */
    async endAllOfUser(
      executor: Executor,
      userId: string,
      reason: SessionEndReason,
    ): Promise<string[]> {
      const now = new Date(clock.now());
      await repo.revokeAllOfUser(executor, userId, now);
      return sessionRepo.endAllOfUser(executor, userId, reason, now);
    },

    /** After the ending transaction committed: the ended sessions' access tokens stop now. */
    confirmEnded(sessionIds: readonly string[]): Promise<void> {
      return guard.ended(sessionIds);
    },

    isOpen(sessionId: string): Promise<boolean> {
      return guard.isOpen(sessionId);
    },
  };
}

export type Sessions = ReturnType<typeof createSessions>;
