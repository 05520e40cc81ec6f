import { riskDb, type RiskConnection, type RiskAlertsRow, type RiskLimitsRow } from './tables.js';

export interface LimitInsert {
  name: string;
  kind: RiskLimitsRow['kind'];
  scope: RiskLimitsRow['scope'];
  book: string | null;
  instrumentId: string | null;
  threshold: number;
  severity: RiskLimitsRow['severity'];
  createdBy: string;
  at: Date;
}

export interface AlertInsert {
  limitId: string;
  limitName: string;
  kind: RiskAlertsRow['kind'];
  severity: string;
  book: string | null;
  value: number;
  threshold: number;
  message: string;
  at: Date;
}

/** SQL for limits and the alerts they raise. */
export const createLimitsRepo = () => ({
  async insertLimit(db: RiskConnection, limit: LimitInsert) {
    return riskDb(db)
      .insertInto('risk_limits')
      .values({
        name: limit.name,
        kind: limit.kind,
        scope: limit.scope,
        book: limit.book,
        instrument_id: limit.instrumentId,
        threshold: limit.threshold,
        severity: limit.severity,
        created_by: limit.createdBy,
        created_at: limit.at,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  },

  async activeLimits(db: RiskConnection) {
    return riskDb(db)
      .selectFrom('risk_limits')
      .selectAll()
      .where('active', '=', true)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
  },

  async deactivate(db: RiskConnection, id: string): Promise<boolean> {
    const r = await riskDb(db)
      .updateTable('risk_limits')
      .set({ active: false })
      .where('id', '=', id)
      .where('active', '=', true)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  },

  /** The latest breach or clearing of a limit for a book, to raise alerts on changes only. */
  async lastState(db: RiskConnection, limitId: string, book: string | null) {
    const row = await riskDb(db)
      .selectFrom('risk_alerts')
      .select('kind')
      .where('limit_id', '=', limitId)
      .where((eb) => (book === null ? eb('book', 'is', null) : eb('book', '=', book)))
      .where('kind', 'in', ['breach', 'cleared'])
      .orderBy('created_at', 'desc')
      .orderBy('id')
      .limit(1)
      .executeTakeFirst();
    return row?.kind;
  },

  async insertAlert(db: RiskConnection, alert: AlertInsert) {
    return riskDb(db)
      .insertInto('risk_alerts')
      .values({
        limit_id: alert.limitId,
        limit_name: alert.limitName,
        kind: alert.kind,
        severity: alert.severity,
        book: alert.book,
        value: alert.value,
        threshold: alert.threshold,
        message: alert.message,
        created_at: alert.at,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  },

  async alerts(
    db: RiskConnection,
    filter: { books?: readonly string[] | undefined; limit: number },
  ) {
    let q = riskDb(db).selectFrom('risk_alerts').selectAll();
    if (filter.books) {
      const books = filter.books;
      q = q.where((eb) => (books.length === 0 ? eb.val(false) : eb('book', 'in', books)));
    }
    return q.orderBy('created_at', 'desc').orderBy('id').limit(filter.limit).execute();
  },
});

export type LimitsRepo = ReturnType<typeof createLimitsRepo>;
