import { riskDb, type RiskConnection, type RiskVarRunsRow, type RunExposure } from './tables.js';

/** SQL for the books the module has seen trade and the stored VaR runs. */
export interface VarRunInsert {
  book: string | null;
  method: RiskVarRunsRow['method'];
  confidence: number;
  horizonDays: number;
  var: number;
  es: number;
  currency: string;
  positions: number;
  factors: number;
  warnings: string[];
  exposures: RunExposure[];
  requestedBy: string;
  at: Date;
}

export const createRunsRepo = () => ({
  async rememberBooks(db: RiskConnection, books: readonly string[]): Promise<void> {
    if (books.length === 0) return;
    await riskDb(db)
      .insertInto('risk_books')
      .values(books.map((book) => ({ book })))
      .onConflict((oc) => oc.column('book').doNothing())
      .execute();
  },

  async books(db: RiskConnection): Promise<string[]> {
    const rows = await riskDb(db).selectFrom('risk_books').select('book').orderBy('book').execute();
    return rows.map((r) => r.book);
  },

  async insertRun(db: RiskConnection, run: VarRunInsert): Promise<string> {
    const row = await riskDb(db)
      .insertInto('risk_var_runs')
      .values({
        book: run.book,
        method: run.method,
        confidence: run.confidence,
        horizon_days: run.horizonDays,
        var: run.var,
        es: run.es,
        currency: run.currency,
        positions: run.positions,
        factors: run.factors,
        warnings: JSON.stringify(run.warnings),
        exposures: JSON.stringify(run.exposures),
        requested_by: run.requestedBy,
        created_at: run.at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  },

  /** Runs newest first; `book` undefined means every book, null the desk-wide runs. */
  async runs(
    db: RiskConnection,
    filter: {
      book?: string | null | undefined;
      method?: RiskVarRunsRow['method'] | undefined;
      limit: number;
    },
  ) {
    let q = riskDb(db).selectFrom('risk_var_runs').selectAll();
    if (filter.book === null) q = q.where('book', 'is', null);
    else if (filter.book !== undefined) q = q.where('book', '=', filter.book);
    if (filter.method) q = q.where('method', '=', filter.method);
    return q.orderBy('created_at', 'desc').orderBy('id').limit(filter.limit).execute();
  },
});

export type RunsRepo = ReturnType<typeof createRunsRepo>;
