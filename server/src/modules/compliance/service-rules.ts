import { randomUUID } from 'node:crypto';
import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import { DomainError, notFound } from '../../platform/errors.js';
import { parseRuleParams } from './domain/rule-kinds.js';
import { inForce, type AnyRule } from './domain/rule-pack.js';
import {
  decideRuleChange,
  insertRuleChange,
  ruleChangeById,
  ruleChanges,
  ruleParametersOf,
  upsertRuleParameters,
} from './repo-rules.js';
import type { ComplianceState } from './state.js';
import { complianceDb, type RuleChangesRow } from './tables.js';

export interface RuleServiceDeps {
  db: Db;
  reader: Db;
  clock: Clock;
  state: () => ComplianceState;
  /** Rebuilds the state here and on every other instance. */
  changed: () => Promise<void>;
}

const changeView = (r: RuleChangesRow) => ({
  id: r.id,
  ruleId: r.rule_id,
  baseVersion: r.base_version,
  params: r.params as Record<string, unknown>,
  previousParams: r.previous_params as Record<string, unknown>,
  reason: r.reason,
  status: r.status,
  proposedBy: r.proposed_by,
  proposedAt: r.proposed_at.toISOString(),
  decidedBy: r.decided_by,
  decidedAt: r.decided_at?.toISOString() ?? null,
});

/**
 * Rule packs for compliance officers: the rules as they stand, and parameter changes
 * under four-eyes. A proposal changes nothing; approval by another officer applies it,
 * in one transaction with the approval, as the rule's next version.
 */
export function createRuleService(deps: RuleServiceDeps) {
  const db = complianceDb(deps.db);
  const reader = complianceDb(deps.reader);

  const ruleOf = (id: string): AnyRule => {
    const rule = deps.state().rules.find((r) => r.id === id);
    if (!rule) throw notFound(`rule ${id}`, 'rule_not_found');
    return rule;
  };

  const view = (rule: AnyRule, now: number) => ({
    id: rule.id,
    pack: rule.pack,
    title: rule.title,
    kind: rule.kind,
    jurisdiction: rule.jurisdiction,
    citation: rule.citation,
    action: rule.action,
    appliesTo: [...rule.appliesTo],
    params: rule.params as Record<string, unknown>,
    version: rule.version,
    effectiveFrom: rule.effectiveFrom,
    effectiveTo: rule.effectiveTo,
    inForce: inForce(rule, now),
  });

  return {
    rules() {
      const now = deps.clock.now();
      return { items: deps.state().rules.map((r) => view(r, now)) };
    },

    rule(id: string) {
      return view(ruleOf(id), deps.clock.now());
    },

    async changes(filter: { ruleId?: string | undefined; status?: string | undefined }) {
      const rows = await ruleChanges(reader, {
        ...(filter.ruleId ? { ruleId: filter.ruleId } : {}),
        ...(filter.status ? { status: filter.status } : {}),
      });
      return { items: rows.map(changeView) };
    },

    async propose(by: string, ruleId: string, input: { params: unknown; reason: string }) {
      const rule = ruleOf(ruleId);
      const parsed = parseRuleParams(rule.kind, input.params);
      if (!parsed.ok) {
        const issues = parsed.issues.map((i) => ({
          ...i,
          field: `params.${i.field}`.replace(/\.$/, ''),
        }));
        throw new DomainError('validation', 'validation_failed', issues[0]!.message, issues);
      }
      const row: RuleChangesRow = {
        id: randomUUID(),
        rule_id: rule.id,
        base_version: rule.version,
        params: parsed.params,
        previous_params: rule.params,
        reason: input.reason,
        status: 'proposed',
        proposed_by: by,
        proposed_at: new Date(deps.clock.now()),
        decided_by: null,
        decided_at: null,
      };
      await insertRuleChange(db, row);
      return changeView(row);
    },

    async decide(by: string, changeId: string, verdict: 'approve' | 'reject') {
      const at = new Date(deps.clock.now());
      const decided = await db.transaction().execute(async (trx) => {
        const change = await ruleChangeById(trx, changeId, true);
        if (!change) throw notFound(`rule change ${changeId}`, 'rule_change_not_found');
        if (change.status !== 'proposed')
          throw new DomainError(
            'conflict',
            'rule_change_decided',
            `rule change ${changeId} is already ${change.status}`,
          );
        if (change.proposed_by === by)
          throw new DomainError(
            'forbidden',
            'four_eyes_required',
            'a rule change must be approved or rejected by an officer other than the one who proposed it',
          );
        if (verdict === 'approve') {
          const current = await ruleParametersOf(trx, change.rule_id);
          const version = current?.version ?? 1;
          if (version !== change.base_version)
            throw new DomainError(
              'conflict',
              'rule_change_stale',
              `rule ${change.rule_id} moved to version ${version} after this change was proposed on version ${change.base_version}`,
            );
          await upsertRuleParameters(trx, {
            ruleId: change.rule_id,
            version: version + 1,
            params: change.params,
            proposedBy: change.proposed_by,
            approvedBy: by,
            at,
          });
        }
        await decideRuleChange(
          trx,
          changeId,
          verdict === 'approve' ? 'approved' : 'rejected',
          by,
          at,
        );
        const status: RuleChangesRow['status'] = verdict === 'approve' ? 'approved' : 'rejected';
        return { ...change, status, decided_by: by, decided_at: at };
      });
      if (verdict === 'approve') await deps.changed();
      return changeView(decided);
    },
  };
}

export type RuleService = ReturnType<typeof createRuleService>;
