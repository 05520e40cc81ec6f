import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Db } from '../../platform/db/database.js';
import { marketDataReader } from '../market-data/index.js';
import { curvesFromMarketData } from './market-curves.js';
import {
  counterpartyBody,
  counterpartyList,
  counterpartyParams,
  counterpartyPatch,
  counterpartyView,
  pnlHistory,
  pnlHistoryQuery,
  pnlQuery,
  pnlResult,
  positionsQuery,
  positionsResult,
} from './schemas.js';
import type { CounterpartyService } from './service-counterparties.js';
import type { PnlService } from './service-pnl.js';
import type { PositionService } from './service-positions.js';

export interface PortfolioServices {
  reader: Db;
  positions: PositionService;
  pnl: PnlService;
  counterparties: CounterpartyService;
}

export function registerPortfolioRoutes(app: FastifyInstance, s: PortfolioServices): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const read = { access: 'portfolio:read' };
  // Credit limits are the risk manager's to set, as are the risk module's limits.
  const write = { access: 'risk:write' };
  const tags = ['portfolio'];
  const curves = () => curvesFromMarketData(marketDataReader(s.reader));

  r.get(
    '/api/v1/portfolio/positions',
    {
      config: read,
      schema: {
        tags,
        summary:
          'Positions per book, instrument and delivery period from fills and OTC deals, with subtotals',
        querystring: positionsQuery,
        response: { 200: positionsResult },
      },
    },
    async (request) =>
      s.positions.positions(
        request.principal!,
        { ...request.query, includeFlat: request.query.includeFlat === 'true' },
        curves(),
      ),
  );

  r.get(
    '/api/v1/portfolio/pnl',
    {
      config: read,
      schema: {
        tags,
        summary: "A day's P&L explained: price moves on the start-of-day position and new trades",
        querystring: pnlQuery,
        response: { 200: pnlResult },
      },
    },
    async (request) => s.pnl.daily(request.principal!, request.query, curves()),
  );

  r.get(
    '/api/v1/portfolio/pnl/history',
    {
      config: read,
      schema: {
        tags,
        summary: 'Explained daily P&L for each day of a window (30 days by default)',
        querystring: pnlHistoryQuery,
        response: { 200: pnlHistory },
      },
    },
    async (request) => s.pnl.history(request.principal!, request.query, curves()),
  );

  r.get(
    '/api/v1/portfolio/counterparties',
    {
      config: read,
      schema: {
        tags,
        summary:
          'Counterparties with credit limit, current and potential future exposure and utilisation',
        response: { 200: counterpartyList },
      },
    },
    async () => s.counterparties.list(curves()),
  );

  r.post(
    '/api/v1/portfolio/counterparties',
    {
      config: write,
      schema: {
        tags,
        summary: 'Register a counterparty with its credit limit',
        body: counterpartyBody,
        response: { 201: counterpartyView },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await s.counterparties.create(request.principal!, request.body)),
  );

  r.patch(
    '/api/v1/portfolio/counterparties/:id',
    {
      config: write,
      schema: {
        tags,
        summary: "Change a counterparty's credit limit, currency or master agreement",
        params: counterpartyParams,
        body: counterpartyPatch,
        response: { 200: counterpartyView },
      },
    },
    async (request) => s.counterparties.update(request.principal!, request.params.id, request.body),
  );
}
