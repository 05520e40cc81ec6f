import { describe, expect, it } from 'vitest';
import { DEFAULT_LOCKOUT, accountLockMs, addressLockMs, throttleAddressOf } from './lockout.js';

describe('sign-in throttle back-off', () => {
  it('does not slow an address before the threshold of failures', () => {
    for (let n = 0; n < DEFAULT_LOCKOUT.threshold; n++) expect(addressLockMs(n)).toBe(0);
  });

  it('slows an address at the threshold and doubles the wait with each further failure', () => {
    const t = DEFAULT_LOCKOUT.threshold;
    expect(addressLockMs(t)).toBe(30_000);
    expect(addressLockMs(t + 1)).toBe(60_000);
    expect(addressLockMs(t + 2)).toBe(120_000);
  });

  it('never waits longer than the cap', () => {
    expect(addressLockMs(1000)).toBe(DEFAULT_LOCKOUT.maxLockMs);
  });

  it('locks the username only once several addresses are slowed', () => {
    expect(accountLockMs(1)).toBe(0);
    expect(accountLockMs(DEFAULT_LOCKOUT.accountAddresses - 1)).toBe(0);
    expect(accountLockMs(DEFAULT_LOCKOUT.accountAddresses)).toBe(30_000);
    expect(accountLockMs(DEFAULT_LOCKOUT.accountAddresses + 1)).toBe(60_000);
  });
});

describe('the address a throttle counts by', () => {
  it('is the address itself for IPv4, also when written as IPv4-mapped IPv6', () => {
    expect(throttleAddressOf('203.0.113.7')).toBe('203.0.113.7');
    expect(throttleAddressOf('::ffff:203.0.113.7')).toBe('203.0.113.7');
  });

  it('is the /64 for IPv6, however the address is abbreviated', () => {
    expect(throttleAddressOf('2001:db8:0:1::5')).toBe('2001:db8:0:1::/64');
    expect(throttleAddressOf('2001:0db8:0000:0001:ffff:0:0:9')).toBe('2001:db8:0:1::/64');
    expect(throttleAddressOf('::1')).toBe('0:0:0:0::/64');
  });

  it('counts requests without an address together', () => {
    expect(throttleAddressOf(undefined)).toBe('unknown');
  });
});
