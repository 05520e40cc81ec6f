import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { auditPage, auditQuery, chainVerification } from './schemas.js';
import type { AuditContext, AuditTrail } from './service.js';

declare module 'fastify' {
  interface FastifyRequest {
    auditRecorded?: boolean;
  }
  interface FastifyContextConfig {
    /**
     * `own-log`: the module keeps its own durable, append-only record of what the
     * route accepted (the trading command log), so the generic hook skips its
     * successful requests; refusals are still written to the audit trail.
     */
    audit?: 'own-log';
  }
}

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The audit context of a request: its caller, id and address. */
export function auditContextOf(request: FastifyRequest, actor?: string): AuditContext {
  const p = request.principal;
  return {
    actor: actor ?? (p ? `${p.kind === 'api_key' ? 'apikey' : 'user'}:${p.username}` : 'anonymous'),
    requestId: request.id,
    ip: request.ip,
    markRecorded: () => {
      request.auditRecorded = true;
    },
  };
}

export function registerAuditRoutes(app: FastifyInstance, trail: AuditTrail): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/v1/audit',
    {
      config: { access: 'audit:read' },
      schema: {
        tags: ['audit'],
        summary: 'Search the audit trail, newest first',
        querystring: auditQuery,
        response: { 200: auditPage },
      },
    },
    async (request) => {
      const q = request.query;
      return trail.list(
        {
          actor: q.actor,
          action: q.action,
          target: q.target,
          from: q.from ? new Date(q.from) : undefined,
          to: q.to ? new Date(q.to) : undefined,
        },
        q.limit,
        q.offset,
      );
    },
  );

  r.get(
    '/api/v1/audit/verify',
    {
      config: { access: 'audit:read' },
      schema: {
        tags: ['audit'],
        summary: 'Walk the hash chain and report the first broken link',
        response: { 200: chainVerification },
      },
    },
    async () => trail.verify(),
  );

  // Every state-changing request leaves a trace: use cases record their own entries;
  // this catches the rest, including refused attempts. Rate-limited floods are left out.
  // It runs before the response leaves (onSend, not onResponse) so a client that has its
  // answer can already find the trace: nothing is acknowledged that the trail lacks.
  app.addHook('onSend', async (request, reply, payload) => {
    if (!STATE_CHANGING.has(request.method) || request.auditRecorded) return payload;
    if (reply.statusCode === 429) return payload;
    // Hot routes with their own log would otherwise serialise on the chain's global lock.
    if (reply.statusCode < 400 && request.routeOptions.config.audit === 'own-log') return payload;
    if (!request.url.startsWith('/api/')) return payload;
    const ctx = auditContextOf(request);
    try {
      await trail.record(ctx, {
        action: reply.statusCode < 400 ? 'http.request' : 'http.refused',
        target: request.routeOptions.url ?? request.url.split('?')[0] ?? null,
        details: { method: request.method, status: reply.statusCode },
      });
    } catch (err) {
      request.log.error({ err }, 'could not append to the audit trail');
    }
    return payload;
  });
}
