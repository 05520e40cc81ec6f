import { createHash, randomUUID } from 'node:crypto';
import type { Db } from '../../platform/db/database.js';
import type { Decision } from './domain/engine.js';
import type { TradeSubject } from './domain/subject.js';
import { insertAlerts, insertDecisions } from './repo-decisions.js';
import { complianceDb, type AlertsRow, type DecisionsRow } from './tables.js';

/** A decision with what it was about, as the log stores it. */
export interface DecisionRecord {
  subject: TradeSubject;
  subjectId: string | null;
  clientOrderId: string | null;
  decision: Decision;
}

/** An alert raised outside the pre-trade checks (surveillance detectors). */
export interface RaisedAlert {
  source: string;
  kind: string;
  account?: string | null;
  instrumentId?: string | null;
  score?: number | null;
  message: string;
  citation?: string | null;
  details?: Record<string, unknown>;
  at: Date;
  /**
   * What makes the alert the same alert when raised again (a detector's stable alert id):
   * its row id is derived from it, so a replay, a restart or a second instance raising it
   * adds nothing.
   */
  key?: string;
}

/** A UUID (version 5 layout) named by the key, so the primary key itself dedupes. */
export function alertIdOfKey(key: string): string {
  const h = createHash('sha1').update(`compliance-alert:${key}`).digest();
  h[6] = (h[6]! & 0x0f) | 0x50;
  h[8] = (h[8]! & 0x3f) | 0x80;
  const x = h.subarray(0, 16).toString('hex');
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20)}`;
}

/**
 * Every decision is stored, but order entry must not wait on it: decisions queue here
 * and are written in batches off the order's path. Reads flush first, so a search right
 * after an order finds its decision. A flagged decision opens its alert in the same write.
 */
export function createDecisionLog(deps: {
  db: Db;
  flushEveryMs: number;
  log: { warn: (o: object, m: string) => void };
}) {
  const db = complianceDb(deps.db);
  let pending: { decisions: DecisionsRow[]; alerts: AlertsRow[] } = { decisions: [], alerts: [] };
  let writing: Promise<void> = Promise.resolve();
  let timer: NodeJS.Timeout | null = null;

  function rowOf(r: DecisionRecord): { decision: DecisionsRow; alerts: AlertsRow[] } {
    const { subject, decision } = r;
    const id = randomUUID();
    const at = new Date(subject.at);
    const row: DecisionsRow = {
      id,
      subject_kind: subject.kind,
      subject_id: r.subjectId,
      client_order_id: r.clientOrderId,
      account: subject.account,
      instrument_id: subject.instrumentId,
      counterparty: subject.counterparty,
      outcome: decision.outcome,
      rule_id: decision.firing?.ruleId ?? null,
      citation: decision.firing?.citation ?? null,
      message: decision.firing?.message ?? null,
      jurisdictions: decision.jurisdictions,
      derivation: decision.derivation,
      evaluated: decision.evaluated,
      flags: decision.flags,
      decided_at: at,
    };
    const alerts: AlertsRow[] =
      decision.outcome === 'flag'
        ? decision.flags.map((f) => ({
            id: randomUUID(),
            source: 'pre_trade',
            kind: f.ruleId,
            decision_id: id,
            account: subject.account,
            instrument_id: subject.instrumentId,
            score: null,
            message: f.message,
            citation: f.citation,
            details: { subjectKind: subject.kind, subjectId: r.subjectId, ruleVersion: f.version },
            status: 'open',
            created_at: at,
          }))
        : [];
    return { decision: row, alerts };
  }

  function flush(): Promise<void> {
    if (timer) {
      clearTimeout(timer);
      timer = null;
    }
    const batch = pending;
    pending = { decisions: [], alerts: [] };
    // Writes run one after another, so a flush returns once everything queued before it is stored.
    writing = writing.then(async () => {
      if (batch.decisions.length === 0 && batch.alerts.length === 0) return;
      try {
        await db.transaction().execute(async (trx) => {
          await insertDecisions(trx, batch.decisions);
          await insertAlerts(trx, batch.alerts);
        });
      } catch (error) {
        deps.log.warn(
          { err: error, decisions: batch.decisions.length },
          'compliance decisions not stored',
        );
      }
    });
    return writing;
  }

  function schedule() {
    if (pending.decisions.length >= 200) void flush();
    else if (!timer) {
      timer = setTimeout(() => void flush(), deps.flushEveryMs);
      timer.unref();
    }
  }

  return {
    record(r: DecisionRecord): string {
      const { decision, alerts } = rowOf(r);
      pending.decisions.push(decision);
      pending.alerts.push(...alerts);
      schedule();
      return decision.id;
    },
    raise(alert: RaisedAlert): string {
      const id = alert.key === undefined ? randomUUID() : alertIdOfKey(alert.key);
      if (alert.key !== undefined && pending.alerts.some((a) => a.id === id)) return id;
      pending.alerts.push({
        id,
        source: alert.source,
        kind: alert.kind,
        decision_id: null,
        account: alert.account ?? null,
        instrument_id: alert.instrumentId ?? null,
        score: alert.score ?? null,
        message: alert.message,
        citation: alert.citation ?? null,
        details: alert.details ?? {},
        status: 'open',
        created_at: alert.at,
      });
      schedule();
      return id;
    },
    flush,
  };
}

export type DecisionLog = ReturnType<typeof createDecisionLog>;
