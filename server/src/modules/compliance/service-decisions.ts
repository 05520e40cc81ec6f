import type { Db } from '../../platform/db/database.js';
import type { Principal } from '../../platform/http/access.js';
import type { DecisionLog } from './decision-log.js';
import {
  searchAlerts,
  searchDecisions,
  type AlertFilter,
  type DecisionFilter,
} from './repo-decisions.js';
import { complianceDb, type AlertsRow, type DecisionsRow } from './tables.js';

/** Whoever holds compliance:read sees every decision; a trader sees those on their own orders and deals. */
const seesAll = (p: Principal) => p.permissions.has('compliance:read');

const decisionView = (d: DecisionsRow) => ({
  id: d.id,
  subjectKind: d.subject_kind,
  subjectId: d.subject_id,
  clientOrderId: d.client_order_id,
  account: d.account,
  instrumentId: d.instrument_id,
  counterparty: d.counterparty,
  outcome: d.outcome,
  ruleId: d.rule_id,
  citation: d.citation,
  message: d.message,
  jurisdictions: d.jurisdictions as string[],
  derivation: d.derivation as { jurisdiction: string; source: string; because: string }[],
  evaluated: d.evaluated as { ruleId: string; version: number; fired: boolean }[],
  flags: d.flags as { ruleId: string; version: number; citation: string; message: string }[],
  decidedAt: d.decided_at.toISOString(),
});

const alertView = (a: AlertsRow) => ({
  id: a.id,
  source: a.source,
  kind: a.kind,
  decisionId: a.decision_id,
  account: a.account,
  instrumentId: a.instrument_id,
  score: a.score,
  message: a.message,
  citation: a.citation,
  details: a.details as Record<string, unknown>,
  status: a.status,
  createdAt: a.created_at.toISOString(),
});

export function createDecisionService(deps: { db: Db; log: DecisionLog }) {
  // Decisions are read from the primary: the log just wrote them there.
  const db = complianceDb(deps.db);
  return {
    async decisions(
      principal: Principal,
      filter: Omit<DecisionFilter, 'account'> & { account?: string | undefined },
    ) {
      await deps.log.flush();
      const account = seesAll(principal) ? filter.account : principal.username;
      if (
        !seesAll(principal) &&
        filter.account !== undefined &&
        filter.account !== principal.username
      )
        return { items: [] };
      const rows = await searchDecisions(db, { ...filter, account });
      return { items: rows.map(decisionView) };
    },

    async alerts(filter: AlertFilter) {
      await deps.log.flush();
      return { items: (await searchAlerts(db, filter)).map(alertView) };
    },
  };
}

export type DecisionService = ReturnType<typeof createDecisionService>;
