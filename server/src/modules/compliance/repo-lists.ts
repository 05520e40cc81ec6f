import type { ComplianceDb } from './tables.js';
import type { SanctionedParty } from './domain/sanctions-csv.js';

/** The lists the rules read, loaded whole: they are small and read on every order. */
export async function loadLists(db: ComplianceDb) {
  const [restricted, sanctions, books, parties, events, insiders] = await Promise.all([
    db.selectFrom('compliance_restricted_products').selectAll().orderBy('instrument_id').execute(),
    db.selectFrom('compliance_sanctioned_parties').selectAll().orderBy('name_key').execute(),
    db.selectFrom('compliance_books').selectAll().orderBy('account').execute(),
    db.selectFrom('compliance_parties').selectAll().orderBy('name').execute(),
    db.selectFrom('compliance_inside_information').selectAll().orderBy('registered_at').execute(),
    db.selectFrom('compliance_insiders').selectAll().orderBy('added_at').execute(),
  ]);
  return { restricted, sanctions, books, parties, events, insiders };
}

export type ListRows = Awaited<ReturnType<typeof loadLists>>;

export async function upsertRestricted(
  db: ComplianceDb,
  row: { instrumentId: string; reason: string; by: string; at: Date },
) {
  await db
    .insertInto('compliance_restricted_products')
    .values({
      instrument_id: row.instrumentId,
      reason: row.reason,
      added_by: row.by,
      added_at: row.at,
    })
    .onConflict((oc) =>
      oc
        .column('instrument_id')
        .doUpdateSet({ reason: row.reason, added_by: row.by, added_at: row.at }),
    )
    .execute();
}

export async function deleteRestricted(db: ComplianceDb, instrumentId: string): Promise<boolean> {
  const res = await db
    .deleteFrom('compliance_restricted_products')
    .where('instrument_id', '=', instrumentId)
    .executeTakeFirst();
  return Number(res.numDeletedRows) > 0;
}

/** Replaces the whole sanctions list: an import is the list as published, not a diff. */
export async function replaceSanctions(
  db: ComplianceDb,
  parties: readonly SanctionedParty[],
  by: string,
  at: Date,
) {
  await db.deleteFrom('compliance_sanctioned_parties').execute();
  for (let i = 0; i < parties.length; i += 500) {
    await db
      .insertInto('compliance_sanctioned_parties')
      .values(
        parties.slice(i, i + 500).map((p) => ({
          name_key: p.nameKey,
          name: p.name,
          country: p.country,
          programme: p.programme,
          listed_on: p.listedOn,
          imported_by: by,
          imported_at: at,
        })),
      )
      .execute();
  }
}

export async function upsertBook(
  db: ComplianceDb,
  row: {
    account: string;
    legalEntity: string;
    country: string;
    shariah: boolean;
    by: string;
    at: Date;
  },
) {
  const values = {
    legal_entity: row.legalEntity,
    country: row.country,
    shariah: row.shariah,
    updated_by: row.by,
    updated_at: row.at,
  };
  await db
    .insertInto('compliance_books')
    .values({ account: row.account, ...values })
    .onConflict((oc) => oc.column('account').doUpdateSet(values))
    .execute();
}

export async function upsertParty(
  db: ComplianceDb,
  row: { name: string; country: string; by: string; at: Date },
) {
  const values = { country: row.country, updated_by: row.by, updated_at: row.at };
  await db
    .insertInto('compliance_parties')
    .values({ name: row.name, ...values })
    .onConflict((oc) => oc.column('name').doUpdateSet(values))
    .execute();
}

export async function insertInsideInformation(
  db: ComplianceDb,
  row: { id: string; title: string; products: readonly string[]; by: string; at: Date },
) {
  await db
    .insertInto('compliance_inside_information')
    .values({
      id: row.id,
      title: row.title,
      products: JSON.stringify(row.products),
      registered_by: row.by,
      registered_at: row.at,
      published_at: null,
      published_by: null,
    })
    .execute();
}

export async function insideInformationById(db: ComplianceDb, id: string) {
  return db
    .selectFrom('compliance_inside_information')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Publishes an event once: returns false when it was already published. */
export async function publishInsideInformation(db: ComplianceDb, id: string, by: string, at: Date) {
  const res = await db
    .updateTable('compliance_inside_information')
    .set({ published_at: at, published_by: by })
    .where('id', '=', id)
    .where('published_at', 'is', null)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) > 0;
}

export async function insertInsiders(
  db: ComplianceDb,
  eventId: string,
  accounts: readonly string[],
  by: string,
  at: Date,
) {
  if (accounts.length === 0) return;
  await db
    .insertInto('compliance_insiders')
    .values(accounts.map((account) => ({ event_id: eventId, account, added_by: by, added_at: at })))
    .onConflict((oc) => oc.columns(['event_id', 'account']).doNothing())
    .execute();
}
