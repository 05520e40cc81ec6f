import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { KEM_ALGORITHMS, type KemId } from './domain/algorithms.js';
import {
  createKeyBody,
  jobParams,
  keyIdParam,
  keyVersion,
  keyVersionList,
  revocation,
  rewrapJob,
  rotateBody,
  rotation,
  versionParams,
  affectedData,
} from './schemas.js';
import type { KeysService } from './service.js';

const tags = ['keys'];
const ACCESS = { access: 'keys:manage' } as const;

const kemOf = (name: string | undefined): KemId | undefined =>
  name === undefined
    ? undefined
    : (Number(Object.entries(KEM_ALGORITHMS).find(([, a]) => a.name === name)![0]) as KemId);

const actorOf = (p: { kind: string; username: string } | undefined) =>
  p ? `${p.kind === 'api_key' ? 'apikey' : 'user'}:${p.username}` : 'system';

/** Admin routes over the key encryption keys; state changes are audited by the generic hook. */
export function registerKeysRoutes(app: FastifyInstance, keys: KeysService): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/v1/keys',
    {
      config: ACCESS,
      schema: {
        tags,
        summary: 'Key encryption keys and their versions',
        response: { 200: keyVersionList },
      },
    },
    async () => ({ versions: await keys.lifecycle.list() }),
  );

  r.post(
    '/api/v1/keys',
    {
      config: ACCESS,
      schema: {
        tags,
        summary: 'Create a key with an active first version',
        body: createKeyBody,
        response: { 201: keyVersion },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await keys.lifecycle.createKey(request.body.keyId, kemOf(request.body.algorithm)!)),
  );

  r.post(
    '/api/v1/keys/:keyId/rotate',
    {
      config: ACCESS,
      schema: {
        tags,
        summary: 'Activate a new version and rewrap the key’s envelopes onto it in the background',
        params: keyIdParam,
        body: rotateBody,
        response: { 202: rotation },
      },
    },
    async (request, reply) => {
      const done = await keys.lifecycle.rotate(
        request.params.keyId,
        actorOf(request.principal),
        kemOf(request.body.algorithm),
      );
      return reply
        .status(202)
        .send({ version: done.version, rewrapJob: await keys.job(done.rewrapJobId) });
    },
  );

  r.get(
    '/api/v1/keys/:keyId/versions/:version/usage',
    {
      config: ACCESS,
      schema: {
        tags,
        summary: 'The data sealed under a version',
        params: versionParams,
        response: { 200: affectedData },
      },
    },
    async (request) => keys.lifecycle.usage(request.params.keyId, request.params.version),
  );

  r.post(
    '/api/v1/keys/:keyId/versions/:version/revoke',
    {
      config: ACCESS,
      schema: {
        tags,
        summary: 'Revoke a version: it opens nothing; the data sealed under it is listed',
        params: versionParams,
        response: { 200: revocation },
      },
    },
    async (request) => keys.lifecycle.revoke(request.params.keyId, request.params.version),
  );

  r.post(
    '/api/v1/keys/:keyId/versions/:version/destroy',
    {
      config: ACCESS,
      schema: {
        tags,
        summary: 'Erase a retired or revoked version after its retention period',
        params: versionParams,
        response: { 200: keyVersion },
      },
    },
    async (request) => keys.lifecycle.destroy(request.params.keyId, request.params.version),
  );

  r.get(
    '/api/v1/keys/rewrap-jobs/:id',
    {
      config: ACCESS,
      schema: {
        tags,
        summary: 'Progress of a rewrap job',
        params: jobParams,
        response: { 200: rewrapJob },
      },
    },
    async (request) => keys.job(request.params.id),
  );
}
