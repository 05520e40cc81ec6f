import { standardCatalogue, type Instrument } from '../market-data/index.js';
import type { DealRecord } from '../trading/index.js';
import { dealPeriod, frontPeriod, type DeliveryWindow } from './domain/delivery-periods.js';
import type { InstrumentFacts } from './domain/period-positions.js';

/** The delivery window an OTC deal is for, named as the product it spans. */
export const periodOfDeal = (
  instrument: Instrument,
  deal: Pick<DealRecord, 'deliveryStart' | 'deliveryEnd'>,
): DeliveryWindow => dealPeriod(instrument, deal.deliveryStart, deal.deliveryEnd);

/**
 * The delivery window an exchange fill is for: a listed contract's own window
 * (`PWR-DE-LU-BASE-2027-02` is February 2027 whenever it trades), else the front
 * contract the rolling book traded at that moment.
 */
export const periodOfFill = (instrument: Instrument, at: number): DeliveryWindow =>
  instrument.contract
    ? dealPeriod(instrument, instrument.contract.deliveryStart, instrument.contract.deliveryEnd)
    : frontPeriod(instrument, at);

/** Unit and currency of an instrument, from the catalogue. */
export function instrumentFacts(instrumentId: string): InstrumentFacts {
  const instrument = standardCatalogue.find(instrumentId);
  return { unit: instrument?.unit ?? 'unit', currency: instrument?.currency ?? 'EUR' };
}
