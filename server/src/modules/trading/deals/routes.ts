import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { boundedIsoInstant, boundedPrice, boundedQuantity } from '../../market-data/index.js';
import { DEAL_STATUSES } from '../domain/deal-lifecycle.js';
import type { DealService } from './service.js';

const dealBody = z.object({
  counterparty: z.string().min(1).max(120),
  instrumentId: z.string().min(1).max(64),
  side: z.enum(['buy', 'sell']),
  price: boundedPrice(),
  quantity: boundedQuantity().positive(),
  deliveryStart: boundedIsoInstant(),
  deliveryEnd: boundedIsoInstant(),
});
const dealView = dealBody.extend({
  id: z.string(),
  version: z.number().int(),
  status: z.enum(DEAL_STATUSES),
  trader: z.string(),
  updatedAt: z.string(),
  deliveryStart: z.string(),
  deliveryEnd: z.string(),
});
// Deal ids are uuid columns: anything else is refused here, not by the database.
const params = z.object({ id: z.uuid() });
const page = z.object({ items: z.array(dealView) });
const versionView = dealView.extend({ changedBy: z.string(), reason: z.string().nullable() });
const dealWithVersions = dealView.extend({ versions: z.array(versionView) });
const withdrawBody = z.object({ reason: z.string().trim().min(3).max(500) });

export function registerDealRoutes(app: FastifyInstance, deps: { deals: DealService }): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { deals } = deps;
  const tags = ['deals'];
  const trader = (request: { principal?: { username: string } | undefined }) =>
    request.principal!.username;

  r.post(
    '/api/v1/deals',
    {
      config: { access: 'deals:write' },
      schema: { tags, summary: 'Capture an OTC deal', body: dealBody, response: { 201: dealView } },
    },
    async (request, reply) =>
      reply.status(201).send(await deals.capture(trader(request), request.body)),
  );
  r.patch(
    '/api/v1/deals/:id',
    {
      config: { access: 'deals:write' },
      schema: {
        tags,
        summary: 'Amend a deal (adds a version)',
        params,
        body: dealBody.partial(),
        response: { 200: dealView },
      },
    },
    async (request) => deals.amend(trader(request), request.params.id, request.body),
  );
  r.post(
    '/api/v1/deals/:id/confirm',
    {
      config: { access: 'deals:write' },
      schema: {
        tags,
        summary: 'Confirm a deal with the counterparty',
        params,
        response: { 200: dealView },
      },
    },
    async (request) => deals.confirm(trader(request), request.params.id),
  );
  r.post(
    '/api/v1/deals/:id/cancel',
    {
      config: { access: 'deals:write' },
      schema: {
        tags,
        summary:
          'Cancel a deal by agreement with the counterparty (adds a version with the reason)',
        params,
        body: withdrawBody,
        response: { 200: dealView },
      },
    },
    async (request) =>
      deals.withdraw(trader(request), request.params.id, 'cancel', request.body.reason),
  );
  r.post(
    '/api/v1/deals/:id/void',
    {
      config: { access: 'deals:write' },
      schema: {
        tags,
        summary: 'Void a deal booked in error (adds a version with the reason)',
        params,
        body: withdrawBody,
        response: { 200: dealView },
      },
    },
    async (request) =>
      deals.withdraw(trader(request), request.params.id, 'void', request.body.reason),
  );
  r.get(
    '/api/v1/deals/:id',
    {
      config: { access: 'orders:read' },
      schema: {
        tags,
        summary: 'A deal with its version history',
        params,
        response: { 200: dealWithVersions },
      },
    },
    async (request) => deals.get(trader(request), request.params.id),
  );
  r.get(
    '/api/v1/deals',
    {
      config: { access: 'orders:read' },
      schema: { tags, summary: "The caller's deals", response: { 200: page } },
    },
    async (request) => deals.list(trader(request)),
  );
  r.get(
    '/api/v1/deals/:id/versions',
    {
      config: { access: 'orders:read' },
      schema: {
        tags,
        summary: 'Every version of a deal',
        params,
        response: { 200: z.object({ items: z.array(versionView) }) },
      },
    },
    async (request) => deals.versions(trader(request), request.params.id),
  );
}
