import type { Db } from '../../platform/db/database.js';
import { standardCatalogue, type Instrument } from '../market-data/index.js';
import { accountFills, liveDeals, type DealRecord } from '../trading/index.js';
import { dealPeriod, frontPeriod, type DeliveryWindow } from './domain/delivery-periods.js';
import type { BookTrade, InstrumentFacts } from './domain/period-positions.js';

/**
 * Everything a set of books traded, read through the trading module's public surface:
 * exchange fills (each for the front contract its book traded at that moment) and the
 * current version of every OTC deal that is not cancelled. An amended deal counts with
 * its current terms from the time it was first captured.
 */
export async function bookTrades(reader: Db, books: readonly string[]): Promise<BookTrade[]> {
  const out: BookTrade[] = [];
  for (const book of books) {
    for (const fill of await accountFills(reader, book)) {
      const instrument = standardCatalogue.find(fill.instrumentId);
      if (!instrument) continue;
      const at = Date.parse(fill.at);
      out.push({
        book,
        instrumentId: instrument.id,
        period: frontPeriod(instrument, at),
        side: fill.side,
        price: fill.price,
        quantity: fill.quantity,
        at,
        source: 'exchange',
      });
    }
  }
  for (const deal of await liveDeals(reader, { traders: books })) {
    const instrument = standardCatalogue.find(deal.instrumentId);
    if (!instrument) continue;
    out.push({
      book: deal.trader,
      instrumentId: instrument.id,
      period: periodOfDeal(instrument, deal),
      side: deal.side,
      price: deal.price,
      quantity: deal.quantity,
      at: deal.capturedAt,
      source: 'otc',
    });
  }
  return out.sort((a, b) => a.at - b.at);
}

export const periodOfDeal = (
  instrument: Instrument,
  deal: Pick<DealRecord, 'deliveryStart' | 'deliveryEnd'>,
): DeliveryWindow => dealPeriod(instrument, deal.deliveryStart, deal.deliveryEnd);

/** Unit and currency of an instrument, from the catalogue. */
export function instrumentFacts(instrumentId: string): InstrumentFacts {
  const instrument = standardCatalogue.find(instrumentId);
  return { unit: instrument?.unit ?? 'unit', currency: instrument?.currency ?? 'EUR' };
}
