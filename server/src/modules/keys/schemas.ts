import { z } from 'zod';
import { MAX_RECORD_ID_LENGTH } from './domain/envelope.js';

export const algorithmName = z.enum(['ML-KEM-1024+X25519', 'RSA-4096-OAEP-SHA256']);

export const keyIdParam = z.object({
  keyId: z.string().regex(/^[a-z0-9._-]{1,64}$/, '1 to 64 of a-z 0-9 . _ -'),
});

export const versionParams = keyIdParam.extend({
  version: z.coerce.number().int().min(1).max(2_147_483_647),
});

export const jobParams = z.object({
  id: z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
});

export const createKeyBody = z.strictObject({
  keyId: keyIdParam.shape.keyId,
  algorithm: algorithmName.default('ML-KEM-1024+X25519'),
});

export const rotateBody = z.strictObject({ algorithm: algorithmName.optional() }).default({});

export const keyVersion = z.object({
  keyId: z.string(),
  version: z.number().int(),
  algorithm: z.string(),
  state: z.enum(['pending', 'active', 'retired', 'revoked', 'destroyed']),
  createdAt: z.string(),
  activatedAt: z.string().nullable(),
  retiredAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  destroyedAt: z.string().nullable(),
});

export const keyVersionList = z.object({ versions: z.array(keyVersion) });

export const affectedData = z.object({
  total: z.number().int(),
  malformed: z.number().int(),
  records: z.array(
    z.object({
      holder: z.string(),
      recordId: z.string().max(MAX_RECORD_ID_LENGTH),
      version: z.number().int(),
    }),
  ),
});

export const rewrapJob = z.object({
  id: z.number().int(),
  keyId: z.string(),
  toVersion: z.number().int(),
  state: z.enum(['running', 'done', 'failed']),
  total: z.number().int(),
  rewrapped: z.number().int(),
  skipped: z.number().int(),
  error: z.string().nullable(),
  startedBy: z.string(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
});

export const rotation = z.object({ version: keyVersion, rewrapJob });
export const revocation = z.object({ version: keyVersion, affected: affectedData });
