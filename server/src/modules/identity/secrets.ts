import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import { secretInDataDir } from '../../platform/secret-file.js';

/** Opaque random tokens (refresh tokens, API keys, CSRF tokens) in URL-safe base64. */
export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/** High-entropy tokens need no slow hash: SHA-256 is enough to keep them unusable at rest. */
export function sha256Hex(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

export function safeEqual(a: string, b: string): boolean {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && timingSafeEqual(ab, bb);
}

// argon2id with OWASP's second recommended setting (19 MiB, t=2, p=1).
const ARGON2 = { algorithm: 2 as const, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/**
 * Without JWT_SECRET a development install still needs a stable signing key, or every
 * restart would log everyone out: make one once and keep it beside the data.
 */
export function loadOrCreateDevSecret(dataDir: string): string {
  return secretInDataDir(dataDir, 'jwt-secret');
}
