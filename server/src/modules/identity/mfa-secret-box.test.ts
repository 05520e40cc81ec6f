import { describe, expect, it } from 'vitest';
import { createMfaSecretBox, isSealed } from './mfa-secret-box.js';

const KEY = 'correct horse battery staple, grid edition';
const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

describe('MFA secret box', () => {
  it('seals a secret so that it opens again only for the same user and key', () => {
    const box = createMfaSecretBox(KEY);
    const sealed = box.seal(SECRET, 'user-1');
    expect(isSealed(sealed)).toBe(true);
    expect(sealed).not.toContain(SECRET);
    expect(box.open(sealed, 'user-1')).toBe(SECRET);
    expect(() => box.open(sealed, 'user-2')).toThrow(
      expect.objectContaining({ code: 'mfa_unreadable' }),
    );
    expect(() => createMfaSecretBox(`${KEY}!`).open(sealed, 'user-1')).toThrow(
      /not sealed under the current MFA key/,
    );
  });

  it('uses a fresh nonce for every seal', () => {
    const box = createMfaSecretBox(KEY);
    expect(box.seal(SECRET, 'user-1')).not.toBe(box.seal(SECRET, 'user-1'));
  });

  it('refuses a sealed value that was tampered with or cut short', () => {
    const box = createMfaSecretBox(KEY);
    const [version, iv, tag, body] = box.seal(SECRET, 'user-1').split('.');
    const flipped = `${body!.slice(0, -2)}${body!.endsWith('AA') ? 'AB' : 'AA'}`;
    expect(() => box.open([version, iv, tag, flipped].join('.'), 'user-1')).toThrow(
      /cannot be read/,
    );
    expect(() => box.open([version, iv, tag].join('.'), 'user-1')).toThrow(/four parts/);
  });

  it('passes a secret stored before sealing through unchanged', () => {
    expect(isSealed(SECRET)).toBe(false);
    expect(createMfaSecretBox(KEY).open(SECRET, 'user-1')).toBe(SECRET);
  });

  it('refuses key material shorter than 32 characters', () => {
    expect(() => createMfaSecretBox('short')).toThrow(/at least 32 characters/);
  });
});
