import type { Selectable } from 'kysely';
import type { DealFields, DealVersionsRow, DealsRow, TradingDb } from '../tables.js';

/** SQL of OTC deals and their versions; every function takes a connection or transaction. */

export type DealRow = Selectable<DealsRow>;

const isUuid = (id: string): boolean =>
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);

/** The deal, locked for the transaction's change when `forUpdate`; ids that are not UUIDs name no deal. */
export async function dealById(
  db: TradingDb,
  id: string,
  forUpdate = false,
): Promise<DealRow | undefined> {
  if (!isUuid(id)) return undefined;
  const q = db.selectFrom('deals').selectAll().where('id', '=', id);
  return (forUpdate ? q.forUpdate() : q).executeTakeFirst();
}

export async function insertDeal(db: TradingDb, fields: DealFields): Promise<string> {
  const { id } = await db
    .insertInto('deals')
    .values({ ...fields, version: 1 })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export async function updateDeal(
  db: TradingDb,
  id: string,
  version: number,
  fields: DealFields,
): Promise<void> {
  await db
    .updateTable('deals')
    .set({ ...fields, version })
    .where('id', '=', id)
    .execute();
}

export async function insertDealVersion(db: TradingDb, row: DealVersionsRow): Promise<void> {
  await db.insertInto('deal_versions').values(row).execute();
}

export async function dealsOfTrader(
  db: TradingDb,
  trader: string,
  limit: number,
): Promise<DealRow[]> {
  return db
    .selectFrom('deals')
    .selectAll()
    .where('trader', '=', trader)
    .orderBy('updated_at', 'desc')
    .limit(limit)
    .execute();
}

export async function versionsOfDeal(db: TradingDb, id: string): Promise<DealVersionsRow[]> {
  return db
    .selectFrom('deal_versions')
    .selectAll()
    .where('deal_id', '=', id)
    .orderBy('version')
    .execute();
}
