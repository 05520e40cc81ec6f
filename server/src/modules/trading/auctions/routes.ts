import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { boundedPrice, boundedQuantity } from '../../market-data/index.js';
import type { AuctionService } from './service.js';

const auctionView = z.object({
  id: z.string(),
  area: z.string(),
  deliveryDay: z.string(),
  status: z.enum(['open', 'cleared']),
  gateClosure: z.string(),
});
// Auction ids are uuid columns: anything else is refused here, not by the database.
const params = z.object({ id: z.uuid() });
const step = z.object({ price: boundedPrice(), quantity: boundedQuantity().positive() });
const curveBody = z.object({
  hour: z.number().int().min(0).max(24),
  side: z.enum(['bid', 'offer']),
  steps: z.array(step).min(1).max(200),
});
const results = z.object({
  status: z.enum(['open', 'cleared']),
  hours: z.array(
    z.object({
      hour: z.number().int(),
      cleared: z.boolean(),
      price: z.number().nullable(),
      volume: z.number(),
      reason: z.string().nullable(),
    }),
  ),
  mine: z.array(
    z.object({
      hour: z.number().int(),
      side: z.enum(['bid', 'offer']),
      submitted: z.number(),
      accepted: z.number(),
    }),
  ),
});

export function registerAuctionRoutes(
  app: FastifyInstance,
  deps: { auctions: AuctionService },
): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { auctions } = deps;
  const tags = ['auctions'];

  r.get(
    '/api/v1/auctions',
    {
      config: { access: 'orders:read' },
      schema: {
        tags,
        summary: "Day-ahead auctions (tomorrow's are opened by the desk's scheduler)",
        response: { 200: z.object({ items: z.array(auctionView) }) },
      },
    },
    async () => auctions.list(),
  );

  r.post(
    '/api/v1/auctions/:id/curves',
    {
      config: { access: 'orders:write' },
      schema: {
        tags,
        summary: 'Submit (or replace) a bid or offer curve for one delivery hour',
        params,
        body: curveBody,
        response: {
          201: z.object({
            auctionId: z.string(),
            hour: z.number(),
            side: z.enum(['bid', 'offer']),
            steps: z.array(step),
          }),
        },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await auctions.submitCurve(request.principal!.username, request.params.id, request.body),
        ),
  );

  r.post(
    '/api/v1/auctions/:id/clear',
    {
      config: { access: 'risk:write' },
      schema: {
        tags,
        summary: 'Clear the auction at uniform prices per hour',
        params,
        response: { 200: results },
      },
    },
    async (request) => auctions.clear(request.params.id, request.principal!.username),
  );

  r.get(
    '/api/v1/auctions/:id/results',
    {
      config: { access: 'orders:read' },
      schema: {
        tags,
        summary: "Clearing prices and volumes per hour, and the caller's accepted volume",
        params,
        response: { 200: results },
      },
    },
    async (request) => auctions.results(request.params.id, request.principal!.username),
  );
}
