import type { FastifyInstance } from 'fastify';
import type { Metrics } from '../observability/metrics.js';
import type { Platform } from '../runtime.js';
import { sendProblem } from './problem.js';

export function registerHealthRoutes(
  app: FastifyInstance,
  platform: Platform,
  metrics: Metrics,
): void {
  // Probes come often from the orchestrator's few addresses, so they skip the per-address limit.
  const probe = { access: 'public', rateLimitExempt: true } as const;
  app.get('/healthz', { config: probe, schema: { hide: true } }, async () => ({ status: 'ok' }));

  app.get('/readyz', { config: probe, schema: { hide: true } }, async (request, reply) => {
    try {
      await platform.ready();
      return {
        status: 'ready',
        database: platform.dbs.kind,
        redis: platform.redis ? 'up' : 'not configured',
      };
    } catch (err) {
      request.log.warn({ err }, 'readiness check failed');
      return sendProblem(
        request,
        reply,
        503,
        'not_ready',
        'A dependency (database or Redis) is unreachable',
      );
    }
  });

  // Scraped by Prometheus; it holds counts, never user data. In production it answers only
  // OPS_TOKEN's bearer (ops-access.ts).
  app.get(
    '/metrics',
    { config: { access: 'public' }, schema: { hide: true } },
    async (_request, reply) => {
      reply.type(metrics.registry.contentType);
      return metrics.registry.metrics();
    },
  );
}
