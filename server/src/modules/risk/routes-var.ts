import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { PriceHistory } from './price-history.js';
import {
  varHistory,
  varHistoryQuery,
  varQuery,
  varResult,
  varRunBody,
  varRunParams,
  varRunState,
} from './schemas.js';
import type { VarService } from './service-var.js';
import type { VarRuns } from './var-runs.js';

/** VaR on request, VaR as a background run with progress, and the stored runs. */
export function registerVarRoutes(
  app: FastifyInstance,
  s: { valueAtRisk: VarService; runs: VarRuns; prices: PriceHistory },
): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const read = { access: 'risk:read' };
  const tags = ['risk'];

  r.get(
    '/api/v1/risk/var',
    {
      config: read,
      schema: {
        tags,
        summary:
          'Value-at-Risk and expected shortfall of a book, or of the desk for a risk manager',
        querystring: varQuery,
        response: { 200: varResult },
      },
    },
    async (request) => {
      const { meanReversion, ...query } = request.query;
      const principal = request.principal!;
      const compute = () =>
        s.valueAtRisk.compute(
          principal,
          {
            ...query,
            meanReversion: meanReversion === undefined ? undefined : meanReversion === 'true',
          },
          s.prices,
        );
      // A simulation is the costly kind: it counts against the same per-user limit as runs.
      return query.method === 'montecarlo' ? s.runs.computeHolding(principal, compute) : compute();
    },
  );

  r.post(
    '/api/v1/risk/var/runs',
    {
      config: read,
      schema: {
        tags,
        summary: 'Start a VaR run in the background; poll it or follow it on the risk stream',
        body: varRunBody,
        response: { 202: varRunState },
      },
    },
    async (request, reply) =>
      reply.status(202).send(await s.runs.start(request.principal!, request.body, s.prices)),
  );

  r.get(
    '/api/v1/risk/var/runs/:runId',
    {
      config: read,
      schema: {
        tags,
        summary: "A background VaR run's progress, and its figures once done",
        params: varRunParams,
        response: { 200: varRunState },
      },
    },
    async (request) => s.runs.get(request.principal!, request.params.runId),
  );

  r.get(
    '/api/v1/risk/var/history',
    {
      config: read,
      schema: {
        tags,
        summary: 'Stored VaR runs, newest first',
        querystring: varHistoryQuery,
        response: { 200: varHistory },
      },
    },
    async (request) => s.valueAtRisk.history(request.principal!, request.query),
  );
}
