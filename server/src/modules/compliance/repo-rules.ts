import type { ComplianceDb, RuleChangesRow } from './tables.js';

export async function ruleParameters(db: ComplianceDb) {
  return db.selectFrom('compliance_rule_parameters').selectAll().execute();
}

export async function ruleParametersOf(db: ComplianceDb, ruleId: string) {
  return db
    .selectFrom('compliance_rule_parameters')
    .selectAll()
    .where('rule_id', '=', ruleId)
    .forUpdate()
    .executeTakeFirst();
}

export async function upsertRuleParameters(
  db: ComplianceDb,
  row: {
    ruleId: string;
    version: number;
    params: unknown;
    proposedBy: string;
    approvedBy: string;
    at: Date;
  },
) {
  const values = {
    version: row.version,
    params: JSON.stringify(row.params),
    proposed_by: row.proposedBy,
    approved_by: row.approvedBy,
    changed_at: row.at,
  };
  await db
    .insertInto('compliance_rule_parameters')
    .values({ rule_id: row.ruleId, ...values })
    .onConflict((oc) => oc.column('rule_id').doUpdateSet(values))
    .execute();
}

export async function insertRuleChange(db: ComplianceDb, row: RuleChangesRow) {
  await db
    .insertInto('compliance_rule_changes')
    .values({
      ...row,
      params: JSON.stringify(row.params),
      previous_params: JSON.stringify(row.previous_params),
    })
    .execute();
}

export async function ruleChangeById(db: ComplianceDb, id: string, lock = false) {
  const q = db.selectFrom('compliance_rule_changes').selectAll().where('id', '=', id);
  return (lock ? q.forUpdate() : q).executeTakeFirst();
}

export async function decideRuleChange(
  db: ComplianceDb,
  id: string,
  status: 'approved' | 'rejected',
  by: string,
  at: Date,
) {
  await db
    .updateTable('compliance_rule_changes')
    .set({ status, decided_by: by, decided_at: at })
    .where('id', '=', id)
    .execute();
}

export async function ruleChanges(db: ComplianceDb, filter: { ruleId?: string; status?: string }) {
  let q = db.selectFrom('compliance_rule_changes').selectAll();
  if (filter.ruleId) q = q.where('rule_id', '=', filter.ruleId);
  if (filter.status) q = q.where('status', '=', filter.status as RuleChangesRow['status']);
  return q.orderBy('proposed_at', 'desc').orderBy('id').limit(500).execute();
}
