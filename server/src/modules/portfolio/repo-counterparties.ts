import type { Db } from '../../platform/db/database.js';
import { portfolioDb, type CounterpartiesRow, type MasterAgreement } from './tables.js';

/** SQL for the counterparty register; every method takes the executor it runs on. */
export type StoredCounterparty = Omit<
  CounterpartiesRow,
  'id' | 'credit_limit' | 'created_at' | 'updated_at'
> & {
  id: string;
  credit_limit: string;
  created_at: Date;
  updated_at: Date;
};

export interface NewCounterparty {
  name: string;
  creditLimit: number;
  currency: 'EUR' | 'GBP' | 'USD';
  masterAgreement: MasterAgreement;
  by: string;
  at: Date;
}

export interface CounterpartyChange {
  creditLimit?: number | undefined;
  currency?: 'EUR' | 'GBP' | 'USD' | undefined;
  masterAgreement?: MasterAgreement | undefined;
  by: string;
  at: Date;
}

export function createCounterpartyRepo() {
  return {
    async list(db: Db): Promise<StoredCounterparty[]> {
      return portfolioDb(db)
        .selectFrom('portfolio_counterparties')
        .selectAll()
        .orderBy('name')
        .execute();
    },

    async byName(db: Db, name: string): Promise<StoredCounterparty | undefined> {
      return portfolioDb(db)
        .selectFrom('portfolio_counterparties')
        .selectAll()
        .where('name', '=', name)
        .executeTakeFirst();
    },

    /** Inserts unless the name is taken; undefined when it is. */
    async insert(db: Db, c: NewCounterparty): Promise<StoredCounterparty | undefined> {
      return portfolioDb(db)
        .insertInto('portfolio_counterparties')
        .values({
          name: c.name,
          credit_limit: c.creditLimit,
          currency: c.currency,
          master_agreement: c.masterAgreement,
          created_by: c.by,
          created_at: c.at,
          updated_by: c.by,
          updated_at: c.at,
        })
        .onConflict((oc) => oc.column('name').doNothing())
        .returningAll()
        .executeTakeFirst();
    },

    /** Changes the given terms; undefined when no counterparty has the id. */
    async update(
      db: Db,
      id: string,
      c: CounterpartyChange,
    ): Promise<StoredCounterparty | undefined> {
      return portfolioDb(db)
        .updateTable('portfolio_counterparties')
        .set({
          ...(c.creditLimit !== undefined ? { credit_limit: c.creditLimit } : {}),
          ...(c.currency !== undefined ? { currency: c.currency } : {}),
          ...(c.masterAgreement !== undefined ? { master_agreement: c.masterAgreement } : {}),
          updated_by: c.by,
          updated_at: c.at,
        })
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirst();
    },
  };
}

export type CounterpartyRepo = ReturnType<typeof createCounterpartyRepo>;
