import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import { DomainError } from '../../platform/errors.js';
import type { AuditContext, AuditTrail } from '../audit/index.js';
import { accountLockMs, addressLockMs, type LockoutPolicy } from './domain/lockout.js';
import type { Executor } from './repo.js';
import type { ThrottleRepo } from './throttle-repo.js';

/** Where lockout alerts go besides the audit trail: the server log, at warn. */
export interface LockoutAlerts {
  warn(details: Record<string, unknown>, message: string): void;
}

export interface ThrottleDeps {
  db: Db;
  repo: ThrottleRepo;
  audit: AuditTrail;
  clock: Clock;
  policy: LockoutPolicy;
  alerts: LockoutAlerts;
}

export interface ThrottleState {
  /** Seconds this address must wait before trying this username again; 0 when it need not. */
  addressWaitSeconds: number;
  /** Seconds the username stays locked everywhere (a valid one-time code still passes). */
  accountLockSeconds: number;
}

const secondsUntil = (until: Date | null | undefined, now: number) =>
  until && until.getTime() > now ? Math.ceil((until.getTime() - now) / 1000) : 0;

export const addressThrottled = (retryAfterSeconds: number) =>
  new DomainError(
    'rate_limited',
    'login_throttled',
    `Too many failed sign-ins from here; try again in ${retryAfterSeconds} s`,
    [],
    {
      retryAfterSeconds,
    },
  );

export const accountLocked = (retryAfterSeconds: number) =>
  new DomainError(
    'locked',
    'account_locked',
    `Too many failed sign-ins for this name; try again in ${retryAfterSeconds} s, sign in with your one-time code, or ask an admin to unlock it`,
    [],
    { retryAfterSeconds },
  );

export function createSignInThrottle(deps: ThrottleDeps) {
  const { db, repo, audit, clock, policy } = deps;

  async function alert(
    ctx: AuditContext,
    username: string,
    details: Record<string, unknown>,
  ): Promise<void> {
    await audit.record(
      { ...ctx, actor: 'system' },
      { action: 'auth.lockout', target: `user:${username}`, details },
    );
    deps.alerts.warn({ username, ...details, requestId: ctx.requestId }, 'sign-in lockout');
  }

  return {
    async stateOf(username: string, address: string): Promise<ThrottleState> {
      const now = clock.now();
      const [pair, account] = await Promise.all([
        repo.addressThrottle(db, username, address),
        repo.accountThrottle(db, username),
      ]);
      return {
        addressWaitSeconds: secondsUntil(pair?.locked_until, now),
        accountLockSeconds: secondsUntil(account?.locked_until, now),
      };
    },

    /**
     * Counts a failed sign-in for the name typed, whether or not such a user exists.
     * Slows the pair once it reaches the threshold, and locks the name everywhere once
     * enough addresses are slowed; each lock is an alert.
     */
    async recordFailure(ctx: AuditContext, username: string, address: string): Promise<void> {
      const now = new Date(clock.now());
      const forgetBefore = new Date(now.getTime() - policy.forgetAfterMs);
      await repo.forgetAddressesBefore(db, forgetBefore);
      const { failures } = await repo.recordAddressFailure(
        db,
        username,
        address,
        now,
        forgetBefore,
      );
      await repo.recordAccountFailure(db, username, now);
      const waitMs = addressLockMs(failures, policy);
      if (waitMs === 0) return;
      await repo.lockAddress(db, username, address, new Date(now.getTime() + waitMs));
      await alert(ctx, username, {
        scope: 'address',
        address,
        failures,
        lockSeconds: waitMs / 1000,
      });
      const slowed = await repo.slowedAddresses(db, username, policy.threshold, forgetBefore);
      const lockMs = accountLockMs(slowed, policy);
      if (lockMs === 0) return;
      await repo.lockAccount(db, username, new Date(now.getTime() + lockMs));
      await alert(ctx, username, {
        scope: 'account',
        slowedAddresses: slowed,
        lockSeconds: lockMs / 1000,
      });
    },

    clearAfterSignIn(executor: Executor, username: string, address: string) {
      return repo.clearAfterSignIn(executor, username, address);
    },

    clearAll(executor: Executor, username: string) {
      return repo.clearAll(executor, username);
    },
  };
}

export type SignInThrottle = ReturnType<typeof createSignInThrottle>;
