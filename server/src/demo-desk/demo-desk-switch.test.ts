import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { demoDeskEnabled } from './seed-desk.js';

const strongSecret = 'k'.repeat(20) + 'Z9'.repeat(10);
const production = {
  NODE_ENV: 'production',
  JWT_SECRET: strongSecret,
  MFA_ENCRYPTION_KEY: strongSecret,
  AUDIT_HMAC_KEY: strongSecret,
  KEYS_MASTER_SECRET: strongSecret,
  LEDGER_SIGNING_SECRET: strongSecret,
  ADMIN_PASSWORD: 'Grid-Balancing-2026',
};

describe('when the demo desk is seeded', () => {
  it('is on in a demo outside tests, off in tests unless asked for', () => {
    expect(demoDeskEnabled(loadConfig({ NODE_ENV: 'development' }))).toBe(true);
    expect(demoDeskEnabled(loadConfig({ NODE_ENV: 'test' }))).toBe(false);
    expect(demoDeskEnabled(loadConfig({ NODE_ENV: 'test', DEMO_DESK: 'on' }))).toBe(true);
    expect(demoDeskEnabled(loadConfig({ NODE_ENV: 'development', DEMO_DESK: 'off' }))).toBe(false);
  });

  it('is off outside demo mode and never in production, whatever the flag says', () => {
    expect(
      demoDeskEnabled(loadConfig({ NODE_ENV: 'development', DEMO_MODE: 'false', DEMO_DESK: 'on' })),
    ).toBe(false);
    expect(demoDeskEnabled(loadConfig({ ...production, DEMO_DESK: 'on' }))).toBe(false);
    expect(demoDeskEnabled(loadConfig({ ...production, DEMO_MODE: 'true', DEMO_DESK: 'on' }))).toBe(
      false,
    );
  });

  it('refuses a flag that is neither on nor off, naming it', () => {
    expect(() => loadConfig({ NODE_ENV: 'test', DEMO_DESK: 'yes' })).toThrow(/DEMO_DESK/);
  });
});
