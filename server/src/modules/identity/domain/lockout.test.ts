import { describe, expect, it } from 'vitest';
import { DEFAULT_LOCKOUT, lockDurationMs } from './lockout.js';

describe('login lockout back-off', () => {
  it('does not lock before the threshold of consecutive failures', () => {
    for (let n = 0; n < DEFAULT_LOCKOUT.threshold; n++) expect(lockDurationMs(n)).toBe(0);
  });

  it('locks at the threshold and doubles the lock with each further failure', () => {
    const t = DEFAULT_LOCKOUT.threshold;
    expect(lockDurationMs(t)).toBe(30_000);
    expect(lockDurationMs(t + 1)).toBe(60_000);
    expect(lockDurationMs(t + 2)).toBe(120_000);
  });

  it('never locks for longer than the cap', () => {
    expect(lockDurationMs(1000)).toBe(DEFAULT_LOCKOUT.maxLockMs);
  });
});
