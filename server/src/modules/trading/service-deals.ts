import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import { DomainError, invalid, notFound } from '../../platform/errors.js';
import type { DealCheck, ProposedDeal } from './deal-checks.js';
import { fromLots, fromTicks, knownInstrument, toLots, toTicks } from './instruments.js';
import { tradingDb, type DealFields, type DealsRow, type TradingDb } from './tables.js';

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

/**
 * OTC deal capture: bilateral trades booked by a trader, confirmed later, and
 * amended only by adding a version, so the history of every term is kept.
 */
export function createDealService(deps: { db: Db; reader: Db; clock: Clock; checks?: readonly DealCheck[] }) {
  const db = tradingDb(deps.db);
  const reader = tradingDb(deps.reader);

  /** Runs the deal checks on the terms the deal would have; the first refusal stops it. */
  async function vet(id: string | null, trader: string, fields: Omit<DealFields, 'status' | 'trader' | 'updated_at'>): Promise<void> {
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
    };
    for (const check of deps.checks ?? []) {
      const refusal = await check(proposed);
      if (refusal) throw new DomainError('unprocessable', refusal.code, refusal.message, [], { reason: refusal.code });
    }
  }

  function terms(input: DealInput): Omit<DealFields, 'status' | 'trader' | 'updated_at'> {
    const instrument = knownInstrument(input.instrumentId);
    const start = Date.parse(input.deliveryStart);
    const end = Date.parse(input.deliveryEnd);
    if (!(end > start)) throw invalid('deliveryEnd', 'after_start', 'delivery must end after it starts');
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

  async function write(t: TradingDb, id: string, version: number, fields: DealFields, by: string): Promise<void> {
    await t.insertInto('deal_versions').values({ ...fields, deal_id: id, version, changed_by: by }).execute();
  }

  async function ownDeal(t: TradingDb, trader: string, id: string): Promise<DealsRow> {
    const row = /^[0-9a-f-]{36}$/i.test(id) ? await t.selectFrom('deals').selectAll().where('id', '=', id).forUpdate().executeTakeFirst() : undefined;
    if (!row || row.trader !== trader) throw notFound(`deal ${id}`, 'deal_not_found');
    return row;
  }

  async function change(trader: string, id: string, apply: (row: DealsRow) => Partial<DealFields>) {
    return db.transaction().execute(async (trx) => {
      const t = tradingDb(trx);
      const row = await ownDeal(t, trader, id);
      if (row.status === 'cancelled') throw new DomainError('conflict', 'deal_cancelled', `deal ${id} is cancelled`);
      const next: DealsRow = { ...row, ...apply(row), version: row.version + 1, updated_at: new Date(deps.clock.now()) };
      await t.updateTable('deals').set({ ...next, id: undefined } as never).where('id', '=', id).execute();
      const { id: _id, version, ...fields } = next;
      await write(t, id, version, fields, trader);
      return view(next, id);
    });
  }

  return {
    async capture(trader: string, input: DealInput) {
      const fields: DealFields = { ...terms(input), status: 'unconfirmed', trader, updated_at: new Date(deps.clock.now()) };
      await vet(null, trader, fields);
      return db.transaction().execute(async (trx) => {
        const t = tradingDb(trx);
        const { id } = await t.insertInto('deals').values({ ...fields, version: 1 } as never).returning('id').executeTakeFirstOrThrow();
        await write(t, id, 1, fields, trader);
        return view({ ...fields, version: 1 }, id);
      });
    },

    /**
     * An amendment is a new version; a confirmed deal goes back to unconfirmed until
     * re-confirmed. The new terms are vetted before the write's transaction opens, since
     * the checks read the desk's records themselves.
     */
    async amend(trader: string, id: string, input: Partial<DealInput>) {
      const amended = (row: DealsRow) =>
        terms({
          counterparty: input.counterparty ?? row.counterparty,
          instrumentId: input.instrumentId ?? row.instrument_id,
          side: input.side ?? row.side,
          price: input.price ?? Number(row.price),
          quantity: input.quantity ?? Number(row.quantity),
          deliveryStart: input.deliveryStart ?? new Date(row.delivery_start).toISOString(),
          deliveryEnd: input.deliveryEnd ?? new Date(row.delivery_end).toISOString(),
        });
      const current = /^[0-9a-f-]{36}$/i.test(id) ? await db.selectFrom('deals').selectAll().where('id', '=', id).executeTakeFirst() : undefined;
      if (current && current.trader === trader && current.status !== 'cancelled') await vet(id, trader, amended(current));
      return change(trader, id, (row) => ({ ...amended(row), status: 'unconfirmed' }));
    },

    confirm: (trader: string, id: string) =>
      change(trader, id, (row) => {
        if (row.status === 'confirmed') throw new DomainError('conflict', 'deal_confirmed', `deal ${id} is already confirmed`);
        return { status: 'confirmed' };
      }),

    async list(trader: string) {
      const rows = await reader.selectFrom('deals').selectAll().where('trader', '=', trader).orderBy('updated_at', 'desc').limit(500).execute();
      return { items: rows.map((r) => view(r, r.id)) };
    },

    async versions(trader: string, id: string) {
      await ownDeal(db, trader, id);
      const rows = await db.selectFrom('deal_versions').selectAll().where('deal_id', '=', id).orderBy('version').execute();
      return { items: rows.map((r) => view(r, r.deal_id)) };
    },
  };
}
