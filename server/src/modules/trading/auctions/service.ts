import type { Clock } from '../../../platform/clock.js';
import type { Db } from '../../../platform/db/database.js';
import { DomainError, invalid, notFound } from '../../../platform/errors.js';
import { standardCatalogue, type Instrument } from '../../market-data/index.js';
import {
  addDays,
  dayAheadGateClosure,
  deliveryDateOf,
  deliveryDay,
  formatLocalDate,
  hoursIn,
  parseLocalDate,
} from '../../market-data/index.js';
import { clearDayAhead, type AuctionCurve } from '../domain/index.js';
import { fromLots, fromTicks, toLots, toTicks } from '../instruments.js';
import {
  auctionById,
  curvesOf,
  listAuctions,
  markCleared,
  openAuctions,
  resultsOf,
  saveCurve,
  saveResults,
  type AuctionRow,
} from './repo.js';
import { tradingDb } from '../tables.js';

export interface CurveInput {
  hour: number;
  side: 'bid' | 'offer';
  steps: { price: number; quantity: number }[];
}

/** The hourly day-ahead product of each power area is what its auction trades. */
const auctionInstruments = (): Instrument[] =>
  standardCatalogue.instruments.filter(
    (i) => i.commodity === 'power' && i.deliveryPeriod === 'hour' && i.gateClosure !== undefined,
  );

const dayText = (d: string | Date): string =>
  typeof d === 'string' ? d.slice(0, 10) : d.toISOString().slice(0, 10);

/**
 * Day-ahead auctions: one per power area and delivery day, curves per hour,
 * cleared with the domain's uniform-price rule and stored per hour.
 */
export function createAuctionService(deps: { db: Db; reader: Db; clock: Clock }) {
  const db = tradingDb(deps.db);
  const reader = tradingDb(deps.reader);

  const view = (a: AuctionRow) => ({
    id: a.id,
    area: a.area,
    deliveryDay: dayText(a.delivery_day),
    status: a.status,
    gateClosure: new Date(a.gate_closure_at).toISOString(),
  });

  async function auction(id: string): Promise<{ row: AuctionRow; instrument: Instrument }> {
    const row = await auctionById(db, id);
    if (!row) throw notFound(`auction ${id}`, 'auction_not_found');
    return { row, instrument: standardCatalogue.get(row.instrument_id) };
  }

  function hoursOf(row: AuctionRow, instrument: Instrument): number {
    const day = parseLocalDate(dayText(row.delivery_day));
    return day ? hoursIn(deliveryDay(instrument.timeZone, day)) : 24;
  }

  return {
    /**
     * Opens tomorrow's auction of every area that has none yet. The module's scheduler
     * calls it at start and then periodically; reads never do, so a GET writes nothing.
     */
    async openNextDay(): Promise<void> {
      const now = deps.clock.now();
      const rows = auctionInstruments().map((instrument) => {
        const tomorrow = addDays(deliveryDateOf(instrument.timeZone, now), 1);
        return {
          area: instrument.area,
          instrument_id: instrument.id,
          delivery_day: formatLocalDate(tomorrow),
          status: 'open' as const,
          gate_closure_at: new Date(dayAheadGateClosure(instrument, tomorrow)),
        };
      });
      await openAuctions(db, rows);
    },

    async list() {
      const rows = await listAuctions(reader, 200);
      return { items: rows.map(view) };
    },

    async submitCurve(account: string, id: string, input: CurveInput) {
      const { row, instrument } = await auction(id);
      if (row.status !== 'open' || deps.clock.now() >= new Date(row.gate_closure_at).getTime()) {
        throw new DomainError('conflict', 'auction_closed', `auction ${id} no longer takes curves`);
      }
      if (input.hour >= hoursOf(row, instrument))
        throw invalid(
          'hour',
          'delivery_hour',
          `the delivery day has ${hoursOf(row, instrument)} hours`,
        );
      const steps = input.steps.map((s, i) => ({
        price: toTicks(instrument, s.price, `steps[${i}].price`),
        quantity: toLots(instrument, s.quantity, `steps[${i}].quantity`),
      }));
      await saveCurve(db, {
        auction_id: id,
        account,
        hour: input.hour,
        side: input.side,
        steps: JSON.stringify(steps),
        submitted_at: new Date(deps.clock.now()),
      });
      return { auctionId: id, hour: input.hour, side: input.side, steps: input.steps };
    },

    async clear(id: string, caller: string) {
      const { row, instrument } = await auction(id);
      if (row.status === 'cleared')
        throw new DomainError('conflict', 'auction_cleared', `auction ${id} is already cleared`);
      await db.transaction().execute(async (trx) => {
        const t = tradingDb(trx);
        const curves = await curvesOf(t, id);
        const domainCurves: AuctionCurve[] = curves.map((c) => ({
          participant: c.account,
          side: c.side === 'bid' ? 'buy' : 'sell',
          deliveryHour: c.hour,
          steps: c.steps as AuctionCurve['steps'],
        }));
        const results = clearDayAhead(domainCurves);
        await saveResults(
          t,
          results.map((r) => ({
            auction_id: id,
            hour: r.deliveryHour,
            cleared: r.cleared,
            price: r.cleared ? fromTicks(instrument, r.price) : null,
            volume: r.cleared ? fromLots(instrument, r.volume) : '0',
            reason: r.cleared ? null : r.reason,
            allocations: JSON.stringify(r.cleared ? r.allocations : []),
          })),
        );
        await markCleared(t, id, new Date(deps.clock.now()));
      });
      return this.results(id, caller);
    },

    async results(id: string, caller: string) {
      const { row, instrument } = await auction(id);
      const rows = await resultsOf(db, id);
      const mine: { hour: number; side: 'bid' | 'offer'; submitted: number; accepted: number }[] =
        [];
      for (const r of rows) {
        const allocations = r.allocations as {
          participant: string;
          side: 'buy' | 'sell';
          requested: number;
          accepted: number;
        }[];
        for (const a of allocations) {
          if (a.participant !== caller) continue;
          mine.push({
            hour: r.hour,
            side: a.side === 'buy' ? 'bid' : 'offer',
            submitted: Number(fromLots(instrument, a.requested)),
            accepted: Number(fromLots(instrument, a.accepted)),
          });
        }
      }
      return {
        status: row.status,
        hours: rows.map((r) => ({
          hour: r.hour,
          cleared: r.cleared,
          price: r.price === null ? null : Number(r.price),
          volume: Number(r.volume),
          reason: r.reason,
        })),
        mine,
      };
    },
  };
}

export type AuctionService = ReturnType<typeof createAuctionService>;
