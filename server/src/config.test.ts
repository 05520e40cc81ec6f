import { describe, expect, it } from 'vitest';
import { ConfigError, DEMO_ADMIN_PASSWORD, loadConfig } from './config.js';

const strongSecret = 'k'.repeat(20) + 'Z9'.repeat(10);

describe('configuration', () => {
  it('runs in demo mode with documented defaults outside production', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ PORT: 8080, DATA_DIR: './data', demoMode: true, production: false });
    expect(c.adminPassword).toBe(DEMO_ADMIN_PASSWORD);
  });

  it('refuses to start in production without an admin password', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', JWT_SECRET: strongSecret })).toThrow(
      /ADMIN_PASSWORD/,
    );
  });

  it('refuses a weak or demo admin password in production', () => {
    for (const weak of ['short1!', 'alllowercaseletters', DEMO_ADMIN_PASSWORD]) {
      expect(() =>
        loadConfig({ NODE_ENV: 'production', JWT_SECRET: strongSecret, ADMIN_PASSWORD: weak }),
      ).toThrow(ConfigError);
    }
  });

  it('starts in production with a strong password and secrets, demo mode off', () => {
    const c = loadConfig({
      NODE_ENV: 'production',
      JWT_SECRET: strongSecret,
      MFA_ENCRYPTION_KEY: strongSecret,
      AUDIT_HMAC_KEY: strongSecret,
      KEYS_MASTER_SECRET: strongSecret,
      LEDGER_SIGNING_SECRET: strongSecret,
      ADMIN_PASSWORD: 'Grid-Balancing-2026',
    });
    expect(c.demoMode).toBe(false);
  });

  it('requires a keys master secret in production, and a long one wherever it is set', () => {
    expect(() =>
      loadConfig({
        NODE_ENV: 'production',
        JWT_SECRET: strongSecret,
        MFA_ENCRYPTION_KEY: strongSecret,
        AUDIT_HMAC_KEY: strongSecret,
        ADMIN_PASSWORD: 'Grid-Balancing-2026',
      }),
    ).toThrow(/KEYS_MASTER_SECRET: required in production/);
    expect(() => loadConfig({ KEYS_MASTER_SECRET: 'short' })).toThrow(
      /KEYS_MASTER_SECRET: at least 32 characters/,
    );
  });

  it('requires a secret for the ledger signing keys in production, and a long one wherever it is set', () => {
    expect(() =>
      loadConfig({
        NODE_ENV: 'production',
        JWT_SECRET: strongSecret,
        MFA_ENCRYPTION_KEY: strongSecret,
        AUDIT_HMAC_KEY: strongSecret,
        KEYS_MASTER_SECRET: strongSecret,
        ADMIN_PASSWORD: 'Grid-Balancing-2026',
      }),
    ).toThrow(/LEDGER_SIGNING_SECRET: required in production/);
    expect(() => loadConfig({ LEDGER_SIGNING_SECRET: 'short' })).toThrow(
      /LEDGER_SIGNING_SECRET: at least 32 characters/,
    );
  });

  it('requires a key for the audit chain in production, and a long one wherever it is set', () => {
    expect(() =>
      loadConfig({
        NODE_ENV: 'production',
        JWT_SECRET: strongSecret,
        MFA_ENCRYPTION_KEY: strongSecret,
        ADMIN_PASSWORD: 'Grid-Balancing-2026',
      }),
    ).toThrow(/AUDIT_HMAC_KEY: required in production/);
    expect(() => loadConfig({ AUDIT_HMAC_KEY: 'short' })).toThrow(
      /AUDIT_HMAC_KEY: at least 32 characters/,
    );
  });

  it('requires a key for authenticator secrets in production, and a long one wherever it is set', () => {
    expect(() =>
      loadConfig({
        NODE_ENV: 'production',
        JWT_SECRET: strongSecret,
        ADMIN_PASSWORD: 'Grid-Balancing-2026',
      }),
    ).toThrow(/MFA_ENCRYPTION_KEY: required in production/);
    expect(() => loadConfig({ MFA_ENCRYPTION_KEY: 'short' })).toThrow(
      /MFA_ENCRYPTION_KEY: at least 32 characters/,
    );
  });

  it('takes a Redis prefix of plain characters and refuses one with spaces or wildcards', () => {
    expect(loadConfig({ REDIS_PREFIX: 'desk-a:' }).REDIS_PREFIX).toBe('desk-a:');
    expect(loadConfig({}).REDIS_PREFIX).toBeUndefined();
    for (const bad of ['', 'two words', 'eo:*', 'x'.repeat(65)]) {
      expect(() => loadConfig({ REDIS_PREFIX: bad })).toThrow(/REDIS_PREFIX/);
    }
  });

  it('reports in euros unless told otherwise, and refuses a currency the desk has no rates for', () => {
    expect(loadConfig({}).REPORTING_CURRENCY).toBe('EUR');
    expect(loadConfig({ REPORTING_CURRENCY: 'USD' }).REPORTING_CURRENCY).toBe('USD');
    for (const bad of ['JPY', 'usd', '']) {
      expect(() => loadConfig({ REPORTING_CURRENCY: bad }), bad).toThrow(/REPORTING_CURRENCY/);
    }
  });

  it('names every wrong variable at once', () => {
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'not a url', LOG_LEVEL: 'loud' });
      expect.unreachable();
    } catch (err) {
      const text = (err as Error).message;
      expect(text).toContain('PORT');
      expect(text).toContain('DATABASE_URL');
      expect(text).toContain('LOG_LEVEL');
    }
  });
});
