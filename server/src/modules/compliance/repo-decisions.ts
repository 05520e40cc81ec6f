import type { AlertsRow, ComplianceDb, DecisionsRow } from './tables.js';

const json = (v: unknown) => JSON.stringify(v);

export async function insertDecisions(db: ComplianceDb, rows: readonly DecisionsRow[]) {
  if (rows.length === 0) return;
  await db
    .insertInto('compliance_decisions')
    .values(
      rows.map((r) => ({
        ...r,
        jurisdictions: json(r.jurisdictions),
        derivation: json(r.derivation),
        evaluated: json(r.evaluated),
        flags: json(r.flags),
      })),
    )
    .execute();
}

export async function insertAlerts(db: ComplianceDb, rows: readonly AlertsRow[]) {
  if (rows.length === 0) return;
  await db
    .insertInto('compliance_alerts')
    .values(rows.map((r) => ({ ...r, details: json(r.details) })))
    // A keyed alert already stored (raised by another run or instance) is left as it is.
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
}

export interface DecisionFilter {
  account?: string | undefined;
  subjectId?: string | undefined;
  clientOrderId?: string | undefined;
  instrumentId?: string | undefined;
  outcome?: DecisionsRow['outcome'] | undefined;
  ruleId?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  limit: number;
}

export async function searchDecisions(db: ComplianceDb, f: DecisionFilter) {
  let q = db.selectFrom('compliance_decisions').selectAll();
  if (f.account !== undefined) q = q.where('account', '=', f.account);
  if (f.subjectId !== undefined) q = q.where('subject_id', '=', f.subjectId);
  if (f.clientOrderId !== undefined) q = q.where('client_order_id', '=', f.clientOrderId);
  if (f.instrumentId !== undefined) q = q.where('instrument_id', '=', f.instrumentId);
  if (f.outcome !== undefined) q = q.where('outcome', '=', f.outcome);
  if (f.ruleId !== undefined) q = q.where('rule_id', '=', f.ruleId);
  if (f.from !== undefined) q = q.where('decided_at', '>=', f.from);
  if (f.to !== undefined) q = q.where('decided_at', '<', f.to);
  return q.orderBy('decided_at', 'desc').orderBy('id').limit(f.limit).execute();
}

export interface AlertFilter {
  status?: AlertsRow['status'] | undefined;
  source?: string | undefined;
  kind?: string | undefined;
  account?: string | undefined;
  limit: number;
}

export async function searchAlerts(db: ComplianceDb, f: AlertFilter) {
  let q = db.selectFrom('compliance_alerts').selectAll();
  if (f.status !== undefined) q = q.where('status', '=', f.status);
  if (f.source !== undefined) q = q.where('source', '=', f.source);
  if (f.kind !== undefined) q = q.where('kind', '=', f.kind);
  if (f.account !== undefined) q = q.where('account', '=', f.account);
  return q.orderBy('created_at', 'desc').orderBy('id').limit(f.limit).execute();
}
