/**
 * Lockout with back-off: the first `threshold` failures cost nothing; each failure
 * after that locks the name for twice as long as the last, from 30 s up to one hour.
 */
export interface LockoutPolicy {
  threshold: number;
  baseLockMs: number;
  maxLockMs: number;
}

export const DEFAULT_LOCKOUT: LockoutPolicy = {
  threshold: 5,
  baseLockMs: 30_000,
  maxLockMs: 3_600_000,
};

/** How long to lock after the `failures`-th consecutive failure; 0 for not at all. */
export function lockDurationMs(failures: number, policy: LockoutPolicy = DEFAULT_LOCKOUT): number {
  if (failures < policy.threshold) return 0;
  const doublings = Math.min(failures - policy.threshold, 30);
  return Math.min(policy.baseLockMs * 2 ** doublings, policy.maxLockMs);
}
