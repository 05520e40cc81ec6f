// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { validateNewUser } from './validateNewUser';

describe('checking a new user before it is sent', () => {
  it('names every missing field', () => {
    expect(
      Object.keys(
        validateNewUser({ username: '', displayName: ' ', password: 'short', roles: [] }),
      ).sort(),
    ).toEqual(['displayName', 'password', 'roles', 'username']);
  });

  it('rejects a username with spaces or markup', () => {
    expect(
      validateNewUser({
        username: '<b>x</b>',
        displayName: 'X',
        password: 'long-enough-password',
        roles: ['viewer'],
      }).username,
    ).toMatch(/letters/);
  });

  it('lets any display name through, because it is shown as text', () => {
    const errors = validateNewUser({
      username: 'night.desk',
      displayName: '<script>alert(1)</script>',
      password: 'long-enough-password',
      roles: ['viewer'],
    });
    expect(errors).toEqual({});
  });
});
