import { randomUUID } from 'node:crypto';
import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import { DomainError, invalid, notFound } from '../../platform/errors.js';
import { standardCatalogue } from '../market-data/index.js';
import { parseSanctionsCsv } from './domain/sanctions-csv.js';
import {
  deleteRestricted,
  insertInsideInformation,
  insertInsiders,
  insideInformationById,
  loadLists,
  publishInsideInformation,
  replaceSanctions,
  upsertBook,
  upsertParty,
  upsertRestricted,
} from './repo-lists.js';
import { complianceDb, type InsideInformationRow } from './tables.js';

export interface ListServiceDeps {
  db: Db;
  reader: Db;
  clock: Clock;
  changed: () => Promise<void>;
}

function knownProduct(instrumentId: string, field: string) {
  if (!standardCatalogue.find(instrumentId))
    throw new DomainError(
      'validation',
      'validation_failed',
      `instrument ${instrumentId} is not listed`,
      [{ field, rule: 'known_instrument', message: `instrument ${instrumentId} is not listed` }],
    );
}

/**
 * The lists the rules read: restricted products, the sanctions list (imported whole
 * from CSV), the legal entity behind each book, counterparties' countries, and inside
 * information with its insiders. Each change is one transaction, then every instance
 * rebuilds its in-memory copy.
 */
export function createListService(deps: ListServiceDeps) {
  const db = complianceDb(deps.db);
  const reader = complianceDb(deps.reader);
  const now = () => new Date(deps.clock.now());

  const eventView = (e: InsideInformationRow, insiders: string[]) => ({
    id: e.id,
    title: e.title,
    products: e.products as string[],
    registeredBy: e.registered_by,
    registeredAt: e.registered_at.toISOString(),
    publishedAt: e.published_at?.toISOString() ?? null,
    publishedBy: e.published_by,
    insiders,
  });

  return {
    async lists() {
      return loadLists(reader);
    },

    async restricted() {
      const { restricted } = await loadLists(reader);
      return {
        items: restricted.map((r) => ({
          instrumentId: r.instrument_id,
          reason: r.reason,
          addedBy: r.added_by,
          addedAt: r.added_at.toISOString(),
        })),
      };
    },

    async restrict(by: string, input: { instrumentId: string; reason: string }) {
      knownProduct(input.instrumentId, 'instrumentId');
      const at = now();
      await upsertRestricted(db, { ...input, by, at });
      await deps.changed();
      return { ...input, addedBy: by, addedAt: at.toISOString() };
    },

    async unrestrict(instrumentId: string) {
      if (!(await deleteRestricted(db, instrumentId)))
        throw notFound(`restricted product ${instrumentId}`, 'restricted_product_not_found');
      await deps.changed();
    },

    async sanctions() {
      const { sanctions } = await loadLists(reader);
      return {
        items: sanctions.map((s) => ({
          name: s.name,
          country: s.country,
          programme: s.programme,
          listedOn: s.listed_on,
          importedBy: s.imported_by,
          importedAt: s.imported_at.toISOString(),
        })),
      };
    },

    /** Replaces the list with the CSV's parties; a file with any bad row changes nothing. */
    async importSanctions(by: string, csv: string) {
      const parsed = parseSanctionsCsv(csv);
      if (!parsed.ok)
        throw new DomainError(
          'validation',
          'sanctions_csv_invalid',
          `the sanctions file has ${parsed.issues.length} bad row(s); nothing was imported`,
          parsed.issues.map((i) => ({
            field: `line ${i.line}: ${i.field}`,
            rule: 'csv',
            message: i.message,
          })),
          { issues: parsed.issues },
        );
      await db.transaction().execute((trx) => replaceSanctions(trx, parsed.parties, by, now()));
      await deps.changed();
      return { imported: parsed.parties.length };
    },

    async books() {
      const { books } = await loadLists(reader);
      return {
        items: books.map((b) => ({
          account: b.account,
          legalEntity: b.legal_entity,
          country: b.country,
          shariah: b.shariah,
        })),
      };
    },

    async setBook(
      by: string,
      account: string,
      input: { legalEntity: string; country: string; shariah: boolean },
    ) {
      await upsertBook(db, { account, ...input, by, at: now() });
      await deps.changed();
      return { account, ...input };
    },

    async parties() {
      const { parties } = await loadLists(reader);
      return { items: parties.map((p) => ({ name: p.name, country: p.country })) };
    },

    async setParty(by: string, name: string, country: string) {
      await upsertParty(db, { name, country, by, at: now() });
      await deps.changed();
      return { name, country };
    },

    async insideInformation() {
      const { events, insiders } = await loadLists(reader);
      return {
        items: events.map((e) =>
          eventView(
            e,
            insiders.filter((i) => i.event_id === e.id).map((i) => i.account),
          ),
        ),
      };
    },

    /** Registers an event and its insider list together: the embargo starts with the event. */
    async registerInsideInformation(
      by: string,
      input: { title: string; products: string[]; insiders: string[] },
    ) {
      input.products.forEach((p, i) => knownProduct(p, `products.${i}`));
      const id = randomUUID();
      const at = now();
      await db.transaction().execute(async (trx) => {
        await insertInsideInformation(trx, {
          id,
          title: input.title,
          products: input.products,
          by,
          at,
        });
        await insertInsiders(trx, id, [...new Set(input.insiders)], by, at);
      });
      await deps.changed();
      const row = (await insideInformationById(db, id))!;
      return eventView(row, [...new Set(input.insiders)]);
    },

    async addInsiders(by: string, eventId: string, accounts: string[]) {
      const event = await insideInformationById(db, eventId);
      if (!event) throw notFound(`inside information ${eventId}`, 'inside_information_not_found');
      if (event.published_at !== null)
        throw invalid(
          'eventId',
          'published',
          'the information is public; its insider list is closed',
        );
      await insertInsiders(db, eventId, [...new Set(accounts)], by, now());
      await deps.changed();
    },

    /** Publication ends the embargo on every affected product. */
    async publish(by: string, eventId: string) {
      const event = await insideInformationById(db, eventId);
      if (!event) throw notFound(`inside information ${eventId}`, 'inside_information_not_found');
      if (!(await publishInsideInformation(db, eventId, by, now())))
        throw new DomainError(
          'conflict',
          'already_published',
          `inside information ${eventId} is already published`,
        );
      await deps.changed();
    },
  };
}

export type ListService = ReturnType<typeof createListService>;
