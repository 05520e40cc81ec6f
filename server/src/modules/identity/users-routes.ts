import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { auditContextOf } from '../audit/index.js';
import {
  apiKeyView,
  createApiKeyBody,
  createUserBody,
  createdApiKey,
  idParams,
  listUsersQuery,
  patchUserBody,
  roleMfaBody,
  roleParams,
  roleView,
  userPage,
  userView,
} from './schemas.js';
import type { UsersService } from './users-service.js';

export function registerUserRoutes(app: FastifyInstance, users: UsersService): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/v1/users',
    {
      config: { access: 'users:read' },
      schema: {
        tags: ['users'],
        summary: 'List users',
        querystring: listUsersQuery,
        response: { 200: userPage },
      },
    },
    async (request) => users.list(request.query.q, request.query.limit, request.query.offset),
  );

  r.post(
    '/api/v1/users',
    {
      config: { access: 'users:write' },
      schema: {
        tags: ['users'],
        summary: 'Create a user',
        body: createUserBody,
        response: { 201: userView },
      },
    },
    async (request, reply) => {
      const user = await users.create(auditContextOf(request), request.body);
      return reply.status(201).send(user);
    },
  );

  r.patch(
    '/api/v1/users/:id',
    {
      config: { access: 'users:write' },
      schema: {
        tags: ['users'],
        summary: 'Change roles or display name, disable, or reset MFA',
        params: idParams,
        body: patchUserBody,
        response: { 200: userView },
      },
    },
    async (request) =>
      users.update(auditContextOf(request), request.principal!, request.params.id, request.body),
  );

  r.post(
    '/api/v1/users/:id/unlock',
    {
      config: { access: 'users:write' },
      schema: {
        tags: ['users'],
        summary: "Lift the sign-in locks on a user's name, from every address",
        params: idParams,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await users.unlockSignIn(auditContextOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );

  r.get(
    '/api/v1/roles',
    {
      config: { access: 'users:read' },
      schema: {
        tags: ['users'],
        summary: 'Roles, their permissions and MFA policy',
        response: { 200: z.object({ items: z.array(roleView) }) },
      },
    },
    async () => ({ items: await users.roles() }),
  );

  r.put(
    '/api/v1/roles/:role/mfa',
    {
      config: { access: 'roles:write' },
      schema: {
        tags: ['users'],
        summary: 'Require MFA for a role',
        params: roleParams,
        body: roleMfaBody,
        response: { 200: roleView },
      },
    },
    async (request) =>
      users.setRoleMfa(auditContextOf(request), request.params.role, request.body.required),
  );

  r.get(
    '/api/v1/api-keys',
    {
      config: { access: 'apikeys:manage' },
      schema: {
        tags: ['api-keys'],
        summary: 'Your API keys',
        response: { 200: z.object({ items: z.array(apiKeyView) }) },
      },
    },
    async (request) => ({ items: await users.listApiKeys(request.principal!) }),
  );

  r.post(
    '/api/v1/api-keys',
    {
      config: { access: 'apikeys:manage' },
      schema: {
        tags: ['api-keys'],
        summary: 'Create a scoped API key; the key is shown only in this response',
        body: createApiKeyBody,
        response: { 201: createdApiKey },
      },
    },
    async (request, reply) => {
      const key = await users.createApiKey(
        auditContextOf(request),
        request.principal!,
        request.body.name,
        request.body.scopes,
      );
      return reply.status(201).header('cache-control', 'no-store').send(key);
    },
  );

  r.delete(
    '/api/v1/api-keys/:id',
    {
      config: { access: 'apikeys:manage' },
      schema: {
        tags: ['api-keys'],
        summary: 'Revoke an API key',
        params: idParams,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await users.revokeApiKey(auditContextOf(request), request.principal!, request.params.id);
      return reply.status(204).send(null);
    },
  );
}
