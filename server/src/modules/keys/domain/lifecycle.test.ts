import { describe, expect, it } from 'vitest';
import { canOpen, destroyRefusal, moveKeyVersion } from './lifecycle.js';

const DAY = 86_400_000;
const now = Date.UTC(2026, 2, 1);

describe('key version lifecycle', () => {
  it('names an illegal move', () => {
    expect(() => moveKeyVersion('default', 2, 'revoked', 'active')).toThrow(
      'key default version 2 cannot move from revoked to active',
    );
    expect(moveKeyVersion('default', 2, 'active', 'retired')).toBe('retired');
  });

  it('opens only with active and retired versions', () => {
    expect(
      ['pending', 'active', 'retired', 'revoked', 'destroyed'].filter((s) => canOpen(s as never)),
    ).toEqual(['active', 'retired']);
  });

  it('refuses to destroy a retired version that still seals data, or one inside its retention period', () => {
    const retired = {
      keyId: 'k',
      version: 1,
      state: 'retired' as const,
      endedAt: new Date(now - 40 * DAY),
      envelopes: 3,
    };
    expect(destroyRefusal(retired, now, 30 * DAY)?.code).toBe('key_version_in_use');
    expect(destroyRefusal({ ...retired, envelopes: 0 }, now, 30 * DAY)).toBeNull();
    const revoked = { ...retired, state: 'revoked' as const, endedAt: new Date(now - 10 * DAY) };
    expect(destroyRefusal(revoked, now, 30 * DAY)?.code).toBe('key_retention_period');
    // Data under a revoked version is unreadable already: after the retention period it may go.
    expect(
      destroyRefusal({ ...revoked, endedAt: new Date(now - 31 * DAY) }, now, 30 * DAY),
    ).toBeNull();
    expect(() => destroyRefusal({ ...retired, state: 'active' }, now, 0)).toThrow(
      /cannot move from active to destroyed/,
    );
  });
});
