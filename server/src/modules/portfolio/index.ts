import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ModuleContext } from '../../platform/module.js';
import { accountFills, lastTradePrices } from '../trading/index.js';
import { positionsFrom } from './domain/positions.js';

const positionView = z.object({
  instrumentId: z.string(),
  netQuantity: z.number(),
  averagePrice: z.number().nullable(),
  realisedPnl: z.number(),
  unrealisedPnl: z.number().nullable(),
  markPrice: z.number().nullable(),
});

/**
 * The portfolio module, for now its positions read model: the caller's net
 * position, average price and P&L per instrument, folded from their fills and
 * marked to each instrument's last trade. It reads fills through the trading
 * module's public surface, never its tables.
 */
export function registerPositions(ctx: ModuleContext): void {
  const app: FastifyInstance = ctx.app;
  const reader = ctx.platform.dbs.reader;
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/v1/positions',
    {
      config: { access: 'portfolio:read' },
      schema: { tags: ['portfolio'], summary: "The caller's positions and P&L per instrument", response: { 200: z.object({ items: z.array(positionView) }) } },
    },
    async (request) => {
      const [fills, marks] = await Promise.all([accountFills(reader, request.principal!.username), lastTradePrices(reader)]);
      return { items: positionsFrom(fills, marks) };
    },
  );
}
