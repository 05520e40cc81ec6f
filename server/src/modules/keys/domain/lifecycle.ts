import { DomainError } from '../../../platform/errors.js';

export type KeyVersionState = 'pending' | 'active' | 'retired' | 'revoked' | 'destroyed';

/**
 * A key version's lifecycle as a table. Generated versions wait in `pending` until
 * activated; activating one retires the active one, which still opens what it sealed
 * until the rewrap job has moved that data on; `revoked` opens nothing (a compromised
 * key); `destroyed` has had its private half erased.
 */
const TRANSITIONS: Readonly<Record<KeyVersionState, readonly KeyVersionState[]>> = {
  pending: ['active', 'revoked'],
  active: ['retired', 'revoked'],
  retired: ['revoked', 'destroyed'],
  revoked: ['destroyed'],
  destroyed: [],
};

export const canOpen = (state: KeyVersionState): boolean =>
  state === 'active' || state === 'retired';

/** Returns the new state, or throws an error that names the illegal move. */
export function moveKeyVersion(
  keyId: string,
  version: number,
  from: KeyVersionState,
  to: KeyVersionState,
): KeyVersionState {
  if (!TRANSITIONS[from].includes(to)) {
    throw new DomainError(
      'conflict',
      'illegal_key_transition',
      `key ${keyId} version ${version} cannot move from ${from} to ${to}`,
      [],
      { keyId, version, from, to },
    );
  }
  return to;
}

export interface DestroyCheck {
  keyId: string;
  version: number;
  state: KeyVersionState;
  /** When it stopped sealing or opening: retired or revoked. */
  endedAt: Date | null;
  /** Envelopes still sealed under the version. */
  envelopes: number;
}

/**
 * Destroying erases the private half for good, so two checks come first: a retired
 * version must not still hold data (that data would be lost; let the rewrap job move it),
 * and the retention period since it was retired or revoked must have passed, so an
 * investigation can still use a revoked key to see what it protected.
 */
export function destroyRefusal(
  check: DestroyCheck,
  now: number,
  retentionMs: number,
): DomainError | null {
  moveKeyVersion(check.keyId, check.version, check.state, 'destroyed');
  if (check.state === 'retired' && check.envelopes > 0) {
    return new DomainError(
      'conflict',
      'key_version_in_use',
      `key ${check.keyId} version ${check.version} still seals ${check.envelopes} record(s): rewrap them first`,
      [],
      { envelopes: check.envelopes },
    );
  }
  const until = (check.endedAt?.getTime() ?? now) + retentionMs;
  if (now < until) {
    return new DomainError(
      'conflict',
      'key_retention_period',
      `key ${check.keyId} version ${check.version} is kept until ${new Date(until).toISOString()} (retention period)`,
      [],
      { retainedUntil: new Date(until).toISOString() },
    );
  }
  return null;
}
