import { z } from 'zod';

/**
 * Every environment variable the platform reads, parsed once at boot. The README's
 * configuration table mirrors this file; keep them in step.
 */
const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const csv = z.string().transform((v) =>
  v
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0),
);

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().default('0.0.0.0'),
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z.string().url().optional(),
  DATABASE_REPLICA_URL: z.string().url().optional(),
  REDIS_URL: z.string().url().optional(),
  /** Starts every Redis key and channel; by default derived from the database's deployment id. */
  REDIS_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_.:-]{1,64}$/, 'letters, digits and _ . : - only, at most 64')
    .optional(),
  DEMO_MODE: booleanFlag.optional(),
  ADMIN_PASSWORD: z.string().optional(),
  DEMO_PASSWORD: z.string().default('energyopti-demo'),
  JWT_SECRET: z.string().optional(),
  JWT_PREVIOUS_SECRETS: csv.default([]),
  /** Seals TOTP secrets at rest (AES-256-GCM); without it, a key derived from JWT_SECRET. */
  MFA_ENCRYPTION_KEY: z.string().optional(),
  /** Keys the audit chain (HMAC-SHA-256); without it, a key derived from JWT_SECRET. */
  AUDIT_HMAC_KEY: z.string().optional(),
  AUDIT_HMAC_PREVIOUS_KEYS: csv.default([]),
  /**
   * Seals the private halves of the key encryption keys (keys module). Outside production,
   * without it, a secret kept in a file in DATA_DIR (derived from JWT_SECRET on 'memory').
   */
  KEYS_MASTER_SECRET: z.string().optional(),
  /** Days a retired or revoked key version is kept before it may be destroyed. */
  KEYS_RETENTION_DAYS: z.coerce.number().int().min(0).max(3650).default(30),
  /** Seeds the ledger's tree-head signing keys (ML-DSA-87 and Ed25519); without it, a file in DATA_DIR. */
  LEDGER_SIGNING_SECRET: z.string().optional(),
  /** How often the ledger publishes a signed tree head when it has grown. */
  LEDGER_TREE_HEAD_INTERVAL_MS: z.coerce.number().int().min(1000).max(86_400_000).default(60_000),
  ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(30).max(86_400).default(900),
  REFRESH_TOKEN_TTL_SECONDS: z.coerce
    .number()
    .int()
    .min(300)
    .default(7 * 86_400),
  CORS_ORIGINS: csv.default([]),
  BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).default(1_048_576),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(600),
  LOGIN_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(30),
  LOCKOUT_THRESHOLD: z.coerce.number().int().min(1).default(5),
  LOCKOUT_ACCOUNT_ADDRESSES: z.coerce.number().int().min(1).default(4),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  TRUST_PROXY: booleanFlag.default(false),
  // Operations endpoints (/metrics, /api/docs, /api/openapi.json): open, or only for OPS_TOKEN's bearer.
  OPS_ENDPOINTS: z.enum(['open', 'token']).optional(),
  OPS_TOKEN: z.string().min(32).optional(),
  /** Names this process where instances must tell each other apart (which one owns a book's order entry). */
  INSTANCE_ID: z
    .string()
    .regex(/^[\x21-\x7e]{1,63}$/, '1 to 63 printable ASCII characters without spaces')
    .optional(),
  WEB_DIST_DIR: z.string().optional(),
  // Market data: the live simulator feed, and keys for the real sources' adapters.
  MARKET_FEED: z.enum(['simulator', 'off']).optional(),
  MARKET_FEED_INTERVAL_MS: z.coerce.number().int().min(250).max(3_600_000).default(2000),
  /** Days of history the simulated feed stores before its detailed last week, on an empty database. */
  MARKET_HISTORY_DAYS: z.coerce.number().int().min(0).max(3_650).default(730),
  // Portfolio and risk: the currency totals, VaR and ES are reported in.
  REPORTING_CURRENCY: z.enum(['EUR', 'GBP', 'USD']).default('EUR'),
  /** Background VaR runs (Monte Carlo above all) one user may have going at once, across instances. */
  VAR_RUNS_PER_USER: z.coerce.number().int().min(1).max(100).default(2),
  // Trading: simulated participants that quote and trade in demo mode.
  TRADING_DEMO_BOTS: z.enum(['on', 'off']).optional(),
  // A utility's demo desk (books, OTC deals, options, limits) seeded once on an empty demo database.
  DEMO_DESK: z.enum(['on', 'off']).optional(),
  // Trading: how often an instance tries to take over the order entry of books nobody owns.
  TRADING_LEASE_RETRY_MS: z.coerce.number().int().min(100).max(60_000).default(1000),
  ENTSOE_API_TOKEN: z.string().optional(),
  EIA_API_KEY: z.string().optional(),
  OPENWEATHERMAP_API_KEY: z.string().optional(),
  // Scheduled imports from the sources above whose key is set; lists default to the catalogue's.
  MARKET_IMPORT_INTERVAL_MS: z.coerce.number().int().min(60_000).max(86_400_000).default(3_600_000),
  MARKET_IMPORT_LOOKBACK_DAYS: z.coerce.number().int().min(0).max(31).default(1),
  ENTSOE_ZONES: csv.optional(),
  EIA_AREAS: csv.optional(),
  OPENWEATHERMAP_LOCATIONS: csv.optional(),
});

export type Env = z.infer<typeof envSchema>;

export interface Config extends Env {
  production: boolean;
  demoMode: boolean;
  /** The admin password applied on an empty database; in demo mode it has a documented default. */
  adminPassword: string | undefined;
  /** Whether /metrics and the API docs answer only OPS_TOKEN's bearer (production's default). */
  opsGuarded: boolean;
}

export const DEMO_ADMIN_PASSWORD = 'energyopti-admin';
export const MIN_PASSWORD_LENGTH = 12;

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const production = e.NODE_ENV === 'production';
  const demoMode = e.DEMO_MODE ?? !production;
  const adminPassword = e.ADMIN_PASSWORD ?? (production ? undefined : DEMO_ADMIN_PASSWORD);
  const problems: string[] = [];
  if (production) {
    if (!adminPassword || isWeakPassword(adminPassword)) {
      problems.push(
        `  ADMIN_PASSWORD: required in production, at least ${MIN_PASSWORD_LENGTH} characters mixing letters with digits or symbols`,
      );
    }
    if (!e.JWT_SECRET || e.JWT_SECRET.length < 32) {
      problems.push('  JWT_SECRET: required in production, at least 32 characters');
    }
    if (!e.MFA_ENCRYPTION_KEY) {
      problems.push('  MFA_ENCRYPTION_KEY: required in production, at least 32 characters');
    }
    if (!e.AUDIT_HMAC_KEY) {
      problems.push('  AUDIT_HMAC_KEY: required in production, at least 32 characters');
    }
    if (!e.LEDGER_SIGNING_SECRET) {
      problems.push('  LEDGER_SIGNING_SECRET: required in production, at least 32 characters');
    }
    if (!e.KEYS_MASTER_SECRET) {
      problems.push('  KEYS_MASTER_SECRET: required in production, at least 32 characters');
    }
  }
  if (e.KEYS_MASTER_SECRET !== undefined && e.KEYS_MASTER_SECRET.length < 32) {
    problems.push('  KEYS_MASTER_SECRET: at least 32 characters');
  }
  if (e.MFA_ENCRYPTION_KEY !== undefined && e.MFA_ENCRYPTION_KEY.length < 32) {
    problems.push('  MFA_ENCRYPTION_KEY: at least 32 characters');
  }
  if (e.AUDIT_HMAC_KEY !== undefined && e.AUDIT_HMAC_KEY.length < 32) {
    problems.push('  AUDIT_HMAC_KEY: at least 32 characters');
  }
  if (e.LEDGER_SIGNING_SECRET !== undefined && e.LEDGER_SIGNING_SECRET.length < 32) {
    problems.push('  LEDGER_SIGNING_SECRET: at least 32 characters');
  }
  if (e.JWT_SECRET !== undefined && e.JWT_SECRET.length < 32) {
    problems.push('  JWT_SECRET: at least 32 characters');
  }
  if (problems.length > 0) throw new ConfigError(`Invalid configuration:\n${problems.join('\n')}`);
  const opsGuarded = (e.OPS_ENDPOINTS ?? (production ? 'token' : 'open')) === 'token';
  return { ...e, production, demoMode, adminPassword, opsGuarded };
}

/** Weak means short, all one character class, or one of the shipped demo defaults. */
export function isWeakPassword(password: string): boolean {
  if (password.length < MIN_PASSWORD_LENGTH) return true;
  if (password === DEMO_ADMIN_PASSWORD || password === 'energyopti-demo') return true;
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/].filter((r) => r.test(password));
  return classes.length < 2;
}
