import type { Selectable } from 'kysely';
import { riskDb, type RiskConnection, type RiskOptionPositionsRow } from './tables.js';

/** SQL for the register of options on futures. */
export interface OptionInsert {
  book: string;
  underlying: string;
  type: 'call' | 'put';
  strike: number;
  expiresAt: Date;
  quantity: number;
  volatility: number;
  rate: number;
  createdBy: string;
  at: Date;
}

export type OptionRow = Selectable<RiskOptionPositionsRow>;

export const createOptionsRepo = () => ({
  async insert(db: RiskConnection, option: OptionInsert): Promise<OptionRow> {
    return riskDb(db)
      .insertInto('risk_option_positions')
      .values({
        book: option.book,
        underlying: option.underlying,
        option_type: option.type,
        strike: option.strike,
        expires_at: option.expiresAt,
        quantity: option.quantity,
        volatility: option.volatility,
        rate: option.rate,
        created_by: option.createdBy,
        created_at: option.at,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  },

  /** Active options of the books, oldest first. */
  async ofBooks(db: RiskConnection, books: readonly string[]): Promise<OptionRow[]> {
    if (books.length === 0) return [];
    return riskDb(db)
      .selectFrom('risk_option_positions')
      .selectAll()
      .where('active', '=', true)
      .where('book', 'in', books)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
  },

  async deactivate(db: RiskConnection, id: string): Promise<boolean> {
    const r = await riskDb(db)
      .updateTable('risk_option_positions')
      .set({ active: false })
      .where('id', '=', id)
      .where('active', '=', true)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  },
});

export type OptionsRepo = ReturnType<typeof createOptionsRepo>;
