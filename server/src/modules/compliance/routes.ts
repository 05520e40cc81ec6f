import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  alertList,
  alertQuery,
  changeParams,
  decisionList,
  decisionQuery,
  ruleChangeBody,
  ruleChangeList,
  ruleChangeQuery,
  ruleChangeView,
  ruleList,
  ruleParams,
  ruleView,
} from './schemas.js';
import type { DecisionService } from './service-decisions.js';
import type { RuleService } from './service-rules.js';

const tags = ['compliance'];
const read = { access: 'compliance:read' };
const write = { access: 'compliance:write' };

/** Rule packs, four-eyes parameter changes, decisions and alerts. */
export function registerComplianceRoutes(
  app: FastifyInstance,
  s: { rules: RuleService; decisions: DecisionService },
): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/v1/compliance/rules',
    {
      config: read,
      schema: {
        tags,
        summary: 'Rule packs: every rule with its parameters, version and dates',
        response: { 200: ruleList },
      },
    },
    async () => s.rules.rules(),
  );

  r.get(
    '/api/v1/compliance/rules/:id',
    {
      config: read,
      schema: { tags, summary: 'One rule', params: ruleParams, response: { 200: ruleView } },
    },
    async (request) => s.rules.rule(request.params.id),
  );

  r.post(
    '/api/v1/compliance/rules/:id/changes',
    {
      config: write,
      schema: {
        tags,
        summary: 'Proposes new parameters for a rule; another officer must approve them',
        params: ruleParams,
        body: ruleChangeBody,
        response: { 201: ruleChangeView },
      },
    },
    async (request, reply) => {
      const change = await s.rules.propose(
        request.principal!.username,
        request.params.id,
        request.body,
      );
      return reply.code(201).send(change);
    },
  );

  r.get(
    '/api/v1/compliance/rule-changes',
    {
      config: read,
      schema: {
        tags,
        summary: 'Proposed, approved and rejected rule changes',
        querystring: ruleChangeQuery,
        response: { 200: ruleChangeList },
      },
    },
    async (request) => s.rules.changes(request.query),
  );

  for (const verdict of ['approve', 'reject'] as const) {
    r.post(
      `/api/v1/compliance/rule-changes/:id/${verdict}`,
      {
        config: write,
        schema: {
          tags,
          summary:
            verdict === 'approve'
              ? 'Approves a proposed rule change (not by its proposer) and applies it as the next version'
              : 'Rejects a proposed rule change (not by its proposer)',
          params: changeParams,
          response: { 200: ruleChangeView },
        },
      },
      async (request) => s.rules.decide(request.principal!.username, request.params.id, verdict),
    );
  }

  r.get(
    '/api/v1/compliance/decisions',
    {
      // Traders read the decisions on their own orders; compliance reads everyone's.
      config: { access: 'orders:read' },
      schema: {
        tags,
        summary: 'Pre-trade decisions: why was this order allowed, flagged or blocked?',
        querystring: decisionQuery,
        response: { 200: decisionList },
      },
    },
    async (request) => {
      const q = request.query;
      return s.decisions.decisions(request.principal!, {
        ...q,
        from: q.from === undefined ? undefined : new Date(q.from),
        to: q.to === undefined ? undefined : new Date(q.to),
      });
    },
  );

  r.get(
    '/api/v1/compliance/alerts',
    {
      config: read,
      schema: {
        tags,
        summary: 'Alerts from flagged orders and deals and from surveillance',
        querystring: alertQuery,
        response: { 200: alertList },
      },
    },
    async (request) => s.decisions.alerts(request.query),
  );
}
