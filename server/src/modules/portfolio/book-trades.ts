import { standardCatalogue, type Instrument } from '../market-data/index.js';
import type { DealRecord } from '../trading/index.js';
import { dealPeriod, type DeliveryWindow } from './domain/delivery-periods.js';
import type { InstrumentFacts } from './domain/period-positions.js';

/** The delivery window an OTC deal is for, named as the product it spans. */
export const periodOfDeal = (
  instrument: Instrument,
  deal: Pick<DealRecord, 'deliveryStart' | 'deliveryEnd'>,
): DeliveryWindow => dealPeriod(instrument, deal.deliveryStart, deal.deliveryEnd);

/** Unit and currency of an instrument, from the catalogue. */
export function instrumentFacts(instrumentId: string): InstrumentFacts {
  const instrument = standardCatalogue.find(instrumentId);
  return { unit: instrument?.unit ?? 'unit', currency: instrument?.currency ?? 'EUR' };
}
