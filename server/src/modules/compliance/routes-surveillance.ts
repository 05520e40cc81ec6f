import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { surveillanceRunBody, surveillanceRunParams, surveillanceRunView } from './schemas.js';
import type { SurveillanceRuns } from './watch/batch.js';

const tags = ['compliance'];

/** Batch surveillance over a historical range, run in the background. */
export function registerSurveillanceRoutes(app: FastifyInstance, runs: SurveillanceRuns): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/api/v1/compliance/surveillance/runs',
    {
      config: { access: 'compliance:write' },
      schema: {
        tags,
        summary:
          'Starts the surveillance detectors over the trades of a range (at most 31 days) as a background run',
        body: surveillanceRunBody,
        response: { 202: surveillanceRunView },
      },
    },
    async (request, reply) =>
      reply.code(202).send(runs.start(request.principal!.username, request.body)),
  );

  r.get(
    '/api/v1/compliance/surveillance/runs/:id',
    {
      config: { access: 'compliance:read' },
      schema: {
        tags,
        summary: 'A surveillance run: status, progress and the alerts it found',
        params: surveillanceRunParams,
        response: { 200: surveillanceRunView },
      },
    },
    async (request) => runs.run(request.params.id),
  );
}
