import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { DomainError } from '../../../platform/errors.js';
import type { Limits } from './limits.js';
import {
  limitsBody,
  limitsParams,
  limitsView,
  listOrdersQuery,
  listTradesQuery,
  modifyOrderBody,
  orderBookParams,
  orderBookQuery,
  orderBookView,
  orderIdParams,
  orderPage,
  orderView as orderSchema,
  placeOrderBody,
  placedOrder,
  tradePage,
  tradingInstruments,
} from './schemas.js';
import type { OrderReads } from './service-reads.js';
import type { OrderService } from './service.js';

export interface OrderRouteDeps {
  orders: OrderService;
  reads: OrderReads;
  limits: Limits;
}

/**
 * Order entry is the desk's hot path: the command log is its audit record, and
 * the caller's principal may be up to a second old (roles and disabling apply
 * within that second).
 */
const HOT_WRITE = { access: 'orders:write', audit: 'own-log', principalMaxAgeMs: 1000 } as const;

export function registerOrderRoutes(app: FastifyInstance, deps: OrderRouteDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { orders, reads } = deps;
  const tags = ['trading'];

  r.post(
    '/api/v1/orders',
    {
      config: HOT_WRITE,
      schema: {
        tags,
        summary: 'Place an order (clientOrderId makes retries safe)',
        body: placeOrderBody,
        response: { 200: placedOrder, 201: placedOrder },
      },
    },
    async (request, reply) => {
      const placed = await orders.place(request.principal!.username, request.body, request.id);
      return reply
        .status(placed.outcome === 'created' ? 201 : 200)
        .send({ order: placed.order, trades: placed.trades });
    },
  );

  r.patch(
    '/api/v1/orders/:id',
    {
      config: HOT_WRITE,
      schema: {
        tags,
        summary: 'Change the price or quantity of an open order',
        params: orderIdParams,
        body: modifyOrderBody,
        response: { 200: orderSchema },
      },
    },
    async (request) =>
      orders.modify(request.principal!.username, request.params.id, request.body, request.id),
  );

  r.delete(
    '/api/v1/orders/:id',
    {
      config: HOT_WRITE,
      schema: {
        tags,
        summary: 'Cancel an open order',
        params: orderIdParams,
        response: { 200: orderSchema },
      },
    },
    async (request) => orders.cancel(request.principal!.username, request.params.id, request.id),
  );

  r.get(
    '/api/v1/orders',
    {
      config: { access: 'orders:read' },
      schema: {
        tags,
        summary: "The caller's orders",
        querystring: listOrdersQuery,
        response: { 200: orderPage },
      },
    },
    async (request) => reads.orders(request.principal!.username, request.query),
  );

  r.get(
    '/api/v1/orderbook/:instrumentId',
    {
      config: { access: 'orders:read' },
      schema: {
        tags,
        summary: 'Aggregated depth (L2) of a continuous book',
        params: orderBookParams,
        querystring: orderBookQuery,
        response: { 200: orderBookView },
      },
    },
    async (request) => reads.depth(request.params.instrumentId, request.query.depth),
  );

  r.get(
    '/api/v1/trades',
    {
      config: { access: 'orders:read' },
      schema: {
        tags,
        summary: 'Trades, newest first',
        querystring: listTradesQuery,
        response: { 200: tradePage },
      },
    },
    async (request) => reads.trades(request.principal!.username, request.query),
  );

  r.get(
    '/api/v1/trading/instruments',
    {
      config: { access: 'orders:read' },
      schema: {
        tags,
        summary: 'Instruments open for continuous trading',
        response: { 200: tradingInstruments },
      },
    },
    async () => reads.instruments(),
  );

  r.get(
    '/api/v1/trading/limits/:account',
    {
      config: { access: 'risk:read' },
      schema: {
        tags,
        summary: "An account's pre-trade position and credit limits",
        params: limitsParams,
        response: { 200: limitsView },
      },
    },
    async (request) => {
      // A trader sees their own account's limits; only those who set limits see everyone's.
      const caller = request.principal!;
      if (!caller.permissions.has('risk:write') && caller.username !== request.params.account) {
        throw new DomainError(
          'forbidden',
          'not_own_account',
          "Only risk managers and admins may read another account's limits",
          [],
          {
            account: request.params.account,
          },
        );
      }
      return deps.limits.view(request.params.account);
    },
  );

  r.put(
    '/api/v1/trading/limits/:account',
    {
      config: { access: 'risk:write' },
      schema: {
        tags,
        summary: "Set an account's position limits (net quantity per instrument) and credit limit",
        params: limitsParams,
        body: limitsBody,
        response: { 200: limitsView },
      },
    },
    async (request) => deps.limits.set(request.params.account, request.body),
  );
}
