import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { PriceHistory } from './price-history.js';
import {
  alertList,
  alertsQuery,
  backtestQuery,
  backtestResult,
  limitBody,
  limitCreated,
  limitList,
  limitParams,
  scenarioList,
  stressBody,
  stressQuery,
  stressResult,
} from './schemas.js';
import type { BacktestService } from './service-backtest.js';
import type { LimitService } from './service-limits.js';
import type { StressService } from './service-stress.js';
import type { OptionService } from './service-options.js';
import type { VarService } from './service-var.js';
import { registerOptionRoutes } from './routes-options.js';
import { registerVarRoutes } from './routes-var.js';
import type { VarRuns } from './var-runs.js';

export interface RiskServices {
  valueAtRisk: VarService;
  stress: StressService;
  limits: LimitService;
  backtest: BacktestService;
  runs: VarRuns;
  options: OptionService;
  prices: PriceHistory;
}

export function registerRiskRoutes(app: FastifyInstance, s: RiskServices): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const read = { access: 'risk:read' };
  const write = { access: 'risk:write' };
  const tags = ['risk'];

  registerVarRoutes(app, { valueAtRisk: s.valueAtRisk, runs: s.runs, prices: s.prices });
  registerOptionRoutes(app, s.options, s.prices);

  r.get(
    '/api/v1/risk/stress/scenarios',
    {
      config: read,
      schema: {
        tags,
        summary: 'The shipped historic stress scenarios',
        response: { 200: scenarioList },
      },
    },
    async () => ({ items: s.stress.scenarios() }),
  );

  // A read: the shipped scenarios on today's positions, as the risk page shows them.
  r.get(
    '/api/v1/risk/stress',
    {
      config: read,
      schema: {
        tags,
        summary: 'P&L of every position under the shipped scenarios',
        querystring: stressQuery,
        response: { 200: stressResult },
      },
    },
    async (request) => s.stress.run(request.principal!, request.query),
  );

  r.post(
    '/api/v1/risk/stress',
    {
      config: read,
      schema: {
        tags,
        summary: 'P&L of every position under shipped scenarios and custom shocks',
        body: stressBody,
        response: { 200: stressResult },
      },
    },
    async (request) => s.stress.run(request.principal!, request.body),
  );

  r.get(
    '/api/v1/risk/limits',
    {
      config: read,
      schema: {
        tags,
        summary: 'Limits with their utilisation, measured now; breaches raise alerts',
        response: { 200: limitList },
      },
    },
    async (request) => s.limits.list(request.principal!, s.prices),
  );

  r.post(
    '/api/v1/risk/limits',
    {
      config: write,
      schema: {
        tags,
        summary: 'Set a VaR, position, notional or stop-loss limit',
        body: limitBody,
        response: { 201: limitCreated },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await s.limits.create(request.principal!, request.body)),
  );

  r.delete(
    '/api/v1/risk/limits/:id',
    { config: write, schema: { tags, summary: 'Retire a limit', params: limitParams } },
    async (request, reply) => {
      await s.limits.remove(request.params.id);
      return reply.status(204).send();
    },
  );

  r.get(
    '/api/v1/risk/alerts',
    {
      config: read,
      schema: {
        tags,
        summary: 'Limit breaches, clearings and refused orders, newest first',
        querystring: alertsQuery,
        response: { 200: alertList },
      },
    },
    async (request) => s.limits.alerts(request.principal!, request.query),
  );

  r.get(
    '/api/v1/risk/backtest',
    {
      config: read,
      schema: {
        tags,
        summary: 'Kupiec and traffic-light backtest of stored VaR runs',
        querystring: backtestQuery,
        response: { 200: backtestResult },
      },
    },
    async (request) => s.backtest.run(request.principal!, request.query, s.prices),
  );
}
