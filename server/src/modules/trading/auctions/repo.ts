import type { Insertable, Selectable } from 'kysely';
import type { AuctionCurvesRow, AuctionResultsRow, AuctionsRow, TradingDb } from '../tables.js';

/** SQL of day-ahead auctions, their curves and results; every function takes a connection or transaction. */

export type AuctionRow = Selectable<AuctionsRow>;

const isUuid = (id: string): boolean =>
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);

/** Opens the auctions that do not exist yet; one per area and delivery day. */
export async function openAuctions(db: TradingDb, rows: Insertable<AuctionsRow>[]): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('auctions')
    .values(rows)
    .onConflict((oc) => oc.columns(['area', 'delivery_day']).doNothing())
    .execute();
}

export async function listAuctions(db: TradingDb, limit: number): Promise<AuctionRow[]> {
  return db
    .selectFrom('auctions')
    .selectAll()
    .orderBy('delivery_day', 'desc')
    .orderBy('area')
    .limit(limit)
    .execute();
}

/** Ids that are not UUIDs name no auction. */
export async function auctionById(db: TradingDb, id: string): Promise<AuctionRow | undefined> {
  if (!isUuid(id)) return undefined;
  return db.selectFrom('auctions').selectAll().where('id', '=', id).executeTakeFirst();
}

/** A participant's latest curve for an hour and side replaces the earlier one. */
export async function saveCurve(db: TradingDb, curve: AuctionCurvesRow): Promise<void> {
  await db
    .insertInto('auction_curves')
    .values(curve)
    .onConflict((oc) =>
      oc
        .columns(['auction_id', 'account', 'hour', 'side'])
        .doUpdateSet({ steps: curve.steps, submitted_at: curve.submitted_at }),
    )
    .execute();
}

export async function curvesOf(db: TradingDb, auctionId: string): Promise<AuctionCurvesRow[]> {
  return db
    .selectFrom('auction_curves')
    .selectAll()
    .where('auction_id', '=', auctionId)
    .orderBy('submitted_at')
    .orderBy('account')
    .execute();
}

export async function saveResults(db: TradingDb, results: AuctionResultsRow[]): Promise<void> {
  if (results.length > 0) await db.insertInto('auction_results').values(results).execute();
}

export async function markCleared(db: TradingDb, auctionId: string, at: Date): Promise<void> {
  await db
    .updateTable('auctions')
    .set({ status: 'cleared', cleared_at: at })
    .where('id', '=', auctionId)
    .execute();
}

export async function resultsOf(db: TradingDb, auctionId: string): Promise<AuctionResultsRow[]> {
  return db
    .selectFrom('auction_results')
    .selectAll()
    .where('auction_id', '=', auctionId)
    .orderBy('hour')
    .execute();
}
