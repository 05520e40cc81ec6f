import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { PriceHistory } from './price-history.js';
import {
  optionBody,
  optionCreated,
  optionList,
  optionParams,
  optionsQuery,
} from './schemas-options.js';
import type { OptionService } from './service-options.js';

/** The register of options on futures that VaR values with Black-76. */
export function registerOptionRoutes(
  app: FastifyInstance,
  options: OptionService,
  prices: PriceHistory,
): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['risk'];

  r.get(
    '/api/v1/risk/options',
    {
      config: { access: 'risk:read' },
      schema: {
        tags,
        summary:
          'Options on futures of the books the caller sees, valued by Black-76 with their greeks',
        querystring: optionsQuery,
        response: { 200: optionList },
      },
    },
    async (request) => options.list(request.principal!, request.query, prices),
  );

  r.post(
    '/api/v1/risk/options',
    {
      config: { access: 'risk:write' },
      schema: {
        tags,
        summary: 'Register an option on a futures contract held by a book',
        body: optionBody,
        response: { 201: optionCreated },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await options.add(request.principal!, request.body)),
  );

  r.delete(
    '/api/v1/risk/options/:id',
    {
      config: { access: 'risk:write' },
      schema: {
        tags,
        summary: 'Retire an option position (exercised, expired or closed)',
        params: optionParams,
      },
    },
    async (request, reply) => {
      await options.remove(request.params.id);
      return reply.status(204).send();
    },
  );
}
