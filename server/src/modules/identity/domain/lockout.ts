/**
 * Sign-in throttling, after OWASP's authentication guidance: failures slow down the
 * pair of (username, client address) they come from, so an attacker guessing from one
 * place does not lock the owner out from another; only failures from several places
 * lock the name itself, and then a valid one-time code still signs the owner in.
 *
 * Each lock grows: the first lock lasts `baseLockMs`, each further step twice the last,
 * up to `maxLockMs`.
 */
export interface LockoutPolicy {
  /** Failures of one username from one address before that pair is slowed. */
  threshold: number;
  /** Addresses slowed for one username before the username is locked everywhere. */
  accountAddresses: number;
  baseLockMs: number;
  maxLockMs: number;
  /** A failure this long after the previous one starts the count again. */
  forgetAfterMs: number;
}

export const DEFAULT_LOCKOUT: LockoutPolicy = {
  threshold: 5,
  accountAddresses: 4,
  baseLockMs: 30_000,
  maxLockMs: 3_600_000,
  forgetAfterMs: 86_400_000,
};

/** The growing lock after reaching `count` of a `threshold`; 0 below it. */
function growingLockMs(count: number, threshold: number, policy: LockoutPolicy): number {
  if (count < threshold) return 0;
  const doublings = Math.min(count - threshold, 30);
  return Math.min(policy.baseLockMs * 2 ** doublings, policy.maxLockMs);
}

/** How long one address waits after its `failures`-th failure for one username. */
export function addressLockMs(failures: number, policy: LockoutPolicy = DEFAULT_LOCKOUT): number {
  return growingLockMs(failures, policy.threshold, policy);
}

/** How long the username is locked everywhere once `slowedAddresses` addresses are slowed. */
export function accountLockMs(
  slowedAddresses: number,
  policy: LockoutPolicy = DEFAULT_LOCKOUT,
): number {
  return growingLockMs(slowedAddresses, policy.accountAddresses, policy);
}

/**
 * The address a throttle counts by. An IPv6 holder usually has a whole /64 to pick
 * addresses from, so IPv6 counts by its /64; IPv4 (and IPv4-mapped IPv6) by address.
 */
export function throttleAddressOf(ip: string | null | undefined): string {
  if (!ip) return 'unknown';
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped) return mapped[1]!;
  if (!ip.includes(':')) return ip;
  const groups = expandIpv6(ip.split('%')[0]!);
  return groups ? `${groups.slice(0, 4).join(':')}::/64` : ip.toLowerCase();
}

function expandIpv6(ip: string): string[] | undefined {
  const halves = ip.toLowerCase().split('::');
  if (halves.length > 2) return undefined;
  const head = halves[0] ? halves[0].split(':') : [];
  const tail = halves.length === 2 && halves[1] ? halves[1].split(':') : [];
  const missing = 8 - head.length - tail.length;
  if (missing < 0 || (halves.length === 1 && missing !== 0)) return undefined;
  const groups = [...head, ...Array<string>(missing).fill('0'), ...tail];
  if (!groups.every((g) => /^[0-9a-f]{1,4}$/.test(g))) return undefined;
  return groups.map((g) => g.replace(/^0+(?=.)/, ''));
}
