import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { DomainError } from '../errors.js';

/**
 * Operations endpoints (Prometheus metrics, the API's OpenAPI document and Swagger UI)
 * describe the deployment rather than serve the desk, so in production they are not for
 * the open internet: they answer only a bearer token equal to OPS_TOKEN. Health and
 * readiness stay open, since load balancers and orchestrators probe them without one.
 */
export interface OpsAccess {
  /** Whether the endpoints need the token (production's default). */
  guarded: boolean;
  token: string | undefined;
}

export function isOpsPath(url: string): boolean {
  const path = url.split('?')[0] ?? url;
  return (
    path === '/metrics' ||
    path === '/api/openapi.json' ||
    path === '/api/docs' ||
    path.startsWith('/api/docs/')
  );
}

// Hashing both sides gives equal lengths, so the comparison takes the same time for any guess.
const digest = (text: string): Buffer => createHash('sha256').update(text).digest();

function presentsToken(request: FastifyRequest, token: string): boolean {
  const header = request.headers.authorization;
  if (typeof header !== 'string' || !header.startsWith('Bearer ')) return false;
  return timingSafeEqual(digest(header.slice('Bearer '.length)), digest(token));
}

export function registerOpsAccess(app: FastifyInstance, ops: OpsAccess): void {
  if (!ops.guarded) return;
  app.addHook('onRequest', async (request) => {
    if (!isOpsPath(request.url)) return;
    if (ops.token !== undefined && presentsToken(request, ops.token)) return;
    throw new DomainError(
      'unauthenticated',
      'ops_token_required',
      ops.token === undefined
        ? 'Operations endpoints are closed: set OPS_TOKEN to open them to its bearer'
        : 'Operations endpoints need the operations bearer token (OPS_TOKEN)',
    );
  });
}
