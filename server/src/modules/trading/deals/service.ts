import type { Clock } from '../../../platform/clock.js';
import type { Db } from '../../../platform/db/database.js';
import { DomainError, invalid, notFound } from '../../../platform/errors.js';
import type { DealCheck, ProposedDeal } from './checks.js';
import { isFinalDeal, moveDeal, type DealMove } from '../domain/deal-lifecycle.js';
import { fromLots, fromTicks, knownInstrument, toLots, toTicks } from '../instruments.js';
import {
  dealById,
  dealsOfTrader,
  insertDeal,
  insertDealVersion,
  updateDeal,
  versionsOfDeal,
  type DealRow,
} from './repo.js';
import { tradingDb, type DealFields, type DealVersionsRow, type TradingDb } from '../tables.js';

export interface DealInput {
  counterparty: string;
  instrumentId: string;
  side: 'buy' | 'sell';
  price: number;
  quantity: number;
  deliveryStart: string;
  deliveryEnd: string;
}

const view = (d: DealFields & { version: number }, id: string) => ({
  id,
  version: d.version,
  counterparty: d.counterparty,
  instrumentId: d.instrument_id,
  side: d.side,
  price: Number(d.price),
  quantity: Number(d.quantity),
  deliveryStart: new Date(d.delivery_start).toISOString(),
  deliveryEnd: new Date(d.delivery_end).toISOString(),
  status: d.status,
  trader: d.trader,
  updatedAt: new Date(d.updated_at).toISOString(),
});

const versionView = (v: DealVersionsRow) => ({
  ...view(v, v.deal_id),
  changedBy: v.changed_by,
  reason: v.reason,
});

/**
 * OTC deal capture: bilateral trades booked by a trader, confirmed later, and
 * amended only by adding a version, so the history of every term is kept. Every
 * change of status is a move of the deal lifecycle (`domain/deal-lifecycle.ts`).
 */
export function createDealService(deps: {
  db: Db;
  reader: Db;
  clock: Clock;
  checks?: readonly DealCheck[];
}) {
  const db = tradingDb(deps.db);
  const reader = tradingDb(deps.reader);

  /** Runs the deal checks on the terms the deal would have; the first refusal stops it. */
  async function vet(
    id: string | null,
    trader: string,
    fields: Omit<DealFields, 'status' | 'trader' | 'updated_at'>,
  ): Promise<void> {
    const proposed: ProposedDeal = {
      id,
      trader,
      counterparty: fields.counterparty,
      instrumentId: fields.instrument_id,
      side: fields.side,
      price: Number(fields.price),
      quantity: Number(fields.quantity),
      deliveryStart: new Date(fields.delivery_start),
      deliveryEnd: new Date(fields.delivery_end),
      at: new Date(deps.clock.now()),
    };
    for (const check of deps.checks ?? []) {
      const refusal = await check(proposed);
      if (refusal)
        throw new DomainError('unprocessable', refusal.code, refusal.message, [], {
          ...refusal.details,
          reason: refusal.code,
        });
    }
  }

  function terms(input: DealInput): Omit<DealFields, 'status' | 'trader' | 'updated_at'> {
    const instrument = knownInstrument(input.instrumentId);
    const start = Date.parse(input.deliveryStart);
    const end = Date.parse(input.deliveryEnd);
    if (!(end > start))
      throw invalid('deliveryEnd', 'after_start', 'delivery must end after it starts');
    return {
      counterparty: input.counterparty,
      instrument_id: instrument.id,
      side: input.side,
      price: fromTicks(instrument, toTicks(instrument, input.price)),
      quantity: fromLots(instrument, toLots(instrument, input.quantity)),
      delivery_start: new Date(start),
      delivery_end: new Date(end),
    };
  }

  async function write(
    t: TradingDb,
    id: string,
    version: number,
    fields: DealFields,
    by: string,
    reason: string | null = null,
  ): Promise<void> {
    await insertDealVersion(t, { ...fields, deal_id: id, version, changed_by: by, reason });
  }

  async function ownDeal(
    t: TradingDb,
    trader: string,
    id: string,
    forUpdate = false,
  ): Promise<DealRow> {
    const row = await dealById(t, id, forUpdate);
    if (!row || row.trader !== trader) throw notFound(`deal ${id}`, 'deal_not_found');
    return row;
  }

  /** One lifecycle move as a new version, in one transaction; the table refuses illegal moves with 409. */
  async function change(
    trader: string,
    id: string,
    move: DealMove,
    apply: (row: DealRow) => Partial<DealFields>,
    reason: string | null = null,
  ) {
    return db.transaction().execute(async (trx) => {
      const t = tradingDb(trx);
      const row = await ownDeal(t, trader, id, true);
      const status = moveDeal(id, row.status, move);
      const { id: _id, version: current, ...before } = row;
      const fields: DealFields = {
        ...before,
        ...apply(row),
        status,
        updated_at: new Date(deps.clock.now()),
      };
      const version = current + 1;
      await updateDeal(t, id, version, fields);
      await write(t, id, version, fields, trader, reason);
      return view({ ...fields, version }, id);
    });
  }

  return {
    async capture(trader: string, input: DealInput) {
      const fields: DealFields = {
        ...terms(input),
        status: 'captured',
        trader,
        updated_at: new Date(deps.clock.now()),
      };
      await vet(null, trader, fields);
      return db.transaction().execute(async (trx) => {
        const t = tradingDb(trx);
        const id = await insertDeal(t, fields);
        await write(t, id, 1, fields, trader);
        return view({ ...fields, version: 1 }, id);
      });
    },

    /**
     * An amendment is a new version; a confirmed deal goes back to awaiting confirmation
     * (`amended`). The new terms are vetted before the write's transaction opens, since
     * the checks read the desk's records themselves.
     */
    async amend(trader: string, id: string, input: Partial<DealInput>) {
      const amended = (row: DealRow) =>
        terms({
          counterparty: input.counterparty ?? row.counterparty,
          instrumentId: input.instrumentId ?? row.instrument_id,
          side: input.side ?? row.side,
          price: input.price ?? Number(row.price),
          quantity: input.quantity ?? Number(row.quantity),
          deliveryStart: input.deliveryStart ?? new Date(row.delivery_start).toISOString(),
          deliveryEnd: input.deliveryEnd ?? new Date(row.delivery_end).toISOString(),
        });
      const current = await dealById(db, id);
      if (current && current.trader === trader && !isFinalDeal(current.status))
        await vet(id, trader, amended(current));
      return change(trader, id, 'amend', amended);
    },

    confirm: (trader: string, id: string) => change(trader, id, 'confirm', () => ({})),

    /** Calls the deal off by agreement (`cancel`) or marks it booked in error (`void`); the reason is kept on the version. */
    withdraw: (trader: string, id: string, move: 'cancel' | 'void', reason: string) =>
      change(trader, id, move, () => ({}), reason),

    async list(trader: string) {
      const rows = await dealsOfTrader(reader, trader, 500);
      return { items: rows.map((r) => view(r, r.id)) };
    },

    /** The deal as it stands, with every version that led there. */
    async get(trader: string, id: string) {
      const row = await ownDeal(db, trader, id);
      const versions = await versionsOfDeal(db, id);
      return { ...view(row, row.id), versions: versions.map(versionView) };
    },

    async versions(trader: string, id: string) {
      await ownDeal(db, trader, id);
      const rows = await versionsOfDeal(db, id);
      return { items: rows.map(versionView) };
    },
  };
}

export type DealService = ReturnType<typeof createDealService>;
