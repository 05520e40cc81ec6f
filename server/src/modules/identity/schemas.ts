import { z } from 'zod';
import { PERMISSIONS, ROLES } from './permissions.js';

export const username = z
  .string()
  .regex(
    /^[A-Za-z0-9][A-Za-z0-9._-]{2,31}$/,
    '3 to 32 letters, digits, dots, dashes or underscores, starting with a letter or digit',
  );

export const loginBody = z.object({
  username: z.string().min(1).max(100),
  password: z.string().min(1).max(256),
  totp: z.string().max(12).optional(),
});

export const userView = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  roles: z.array(z.string()),
  permissions: z.array(z.string()),
  mfaEnabled: z.boolean(),
  mfaRequired: z.boolean(),
  disabled: z.boolean(),
  createdAt: z.string(),
  lastLoginAt: z.string().nullable(),
});

export const sessionView = z.object({
  accessToken: z.string(),
  expiresIn: z.number().int(),
  user: userView,
});

export const changePasswordBody = z.object({
  currentPassword: z.string().min(1).max(256),
  newPassword: z.string().min(1).max(256),
});

export const mfaEnrolment = z.object({
  secret: z.string(),
  otpauthUri: z.string(),
  qrDataUrl: z.string(),
});
export const mfaConfirmBody = z.object({ totp: z.string().regex(/^\d{6}$/, 'six digits') });

const roleList = z.array(z.enum(ROLES)).min(1, 'at least one role').max(ROLES.length);

export const createUserBody = z.object({
  username,
  displayName: z.string().trim().min(1).max(100),
  password: z.string().min(1).max(256),
  roles: roleList,
});

export const patchUserBody = z
  .object({
    displayName: z.string().trim().min(1).max(100).optional(),
    roles: roleList.optional(),
    disabled: z.boolean().optional(),
    resetMfa: z.boolean().optional(),
  })
  .refine(
    (b) => Object.values(b).some((v) => v !== undefined),
    'name at least one field to change',
  );

export const idParams = z.object({ id: z.uuid() });

export const listUsersQuery = z.object({
  q: z.string().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});

export const userPage = z.object({ items: z.array(userView), total: z.number().int() });

export const roleView = z.object({
  role: z.string(),
  permissions: z.array(z.string()),
  mfaRequired: z.boolean(),
});
export const roleParams = z.object({ role: z.enum(ROLES) });
export const roleMfaBody = z.object({ required: z.boolean() });

export const createApiKeyBody = z.object({
  name: z.string().trim().min(1).max(100),
  scopes: z.array(z.enum(PERMISSIONS)).min(1).max(PERMISSIONS.length),
});

export const apiKeyView = z.object({
  id: z.string(),
  name: z.string(),
  scopes: z.array(z.string()),
  prefix: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});

export const createdApiKey = z.object({
  id: z.string(),
  name: z.string(),
  scopes: z.array(z.string()),
  prefix: z.string(),
  key: z.string(),
  createdAt: z.string(),
});
