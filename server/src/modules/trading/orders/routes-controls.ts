import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { MarketControls } from './service-controls.js';

const bookControl = z.object({
  instrumentId: z.string(),
  halted: z.boolean(),
  killSwitch: z.boolean(),
});
const deskControl = z.object({ killSwitch: z.boolean(), books: z.array(bookControl) });
const params = z.object({ instrumentId: z.string().min(1).max(64) });
const killSwitchBody = z.object({ engaged: z.boolean() });

/**
 * Market controls: halting and resuming a book and the desk-wide kill switch. They are
 * state-changing requests of their own (not order entry), so the generic audit hook
 * records each one, refused or not, beside the command it leaves in the book's log.
 */
export function registerControlRoutes(
  app: FastifyInstance,
  deps: { controls: MarketControls },
): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { controls } = deps;
  const tags = ['trading'];

  r.get(
    '/api/v1/trading/controls',
    {
      config: { access: 'orders:read' },
      schema: {
        tags,
        summary: 'Which books are halted, and whether the kill switch is engaged',
        response: { 200: deskControl },
      },
    },
    async () => controls.state(),
  );

  r.post(
    '/api/v1/trading/books/:instrumentId/halt',
    {
      config: { access: 'trading:halt' },
      schema: {
        tags,
        summary: 'Halt a continuous book: it takes no new orders until resumed',
        params,
        response: { 200: bookControl },
      },
    },
    async (request) => controls.halt(request.params.instrumentId, request.id),
  );

  r.post(
    '/api/v1/trading/books/:instrumentId/resume',
    {
      config: { access: 'trading:halt' },
      schema: { tags, summary: 'Resume a halted book', params, response: { 200: bookControl } },
    },
    async (request) => controls.resume(request.params.instrumentId, request.id),
  );

  r.put(
    '/api/v1/trading/kill-switch',
    {
      config: { access: 'trading:halt' },
      schema: {
        tags,
        summary: 'Engage or release the desk-wide kill switch (halts every book)',
        body: killSwitchBody,
        response: { 200: deskControl },
      },
    },
    async (request) => controls.setKillSwitch(request.body.engaged, request.id),
  );
}
