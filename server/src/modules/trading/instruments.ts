import { DomainError, invalid } from '../../platform/errors.js';
import {
  listedContractInstruments,
  lotsToQuantity,
  priceToTicks,
  quantityToLots,
  standardCatalogue,
  ticksToPrice,
  type Catalogue,
  type Instrument,
  type ListingLimits,
} from '../market-data/index.js';

/**
 * Which catalogue instruments trade continuously, and the unit conversions at the
 * edge of the engine. Day-ahead spot products trade in the auction; term products
 * (month, quarter and year futures and forwards) trade in continuous books.
 */
export interface TradableInstrument {
  instrument: Instrument;
  /** Orders at or after this instant are refused; null while the book has no gate. */
  gateClosureAt: number | null;
}

const CONTINUOUS_PERIODS = new Set(['month', 'quarter', 'year']);

/**
 * How many listed contracts of each tenor the desk opens books for, nearest first: every
 * book is a writer, a lease and a replay at start-up, so the far end of a venue's cycle
 * (TTF's 71 months, Brent's 96) waits until it comes closer.
 */
export const DESK_LISTING: ListingLimits = { month: 12, quarter: 6, year: 3, december: 7 };

/**
 * The instruments with a continuous book: the rolling month, quarter and year futures of
 * the catalogue and, given the clock, every contract the main products list at that
 * instant (`PWR-DE-LU-BASE-2027-01`, `GAS-TTF-2027-Q2`, `EUA-DEC-2027`, `BRENT-2027-03`).
 * The set is taken once, when the desk starts.
 */
export function continuousInstruments(
  catalogue: Catalogue = standardCatalogue,
  now?: number,
): Instrument[] {
  const rolling = catalogue.instruments.filter((i) => CONTINUOUS_PERIODS.has(i.deliveryPeriod));
  return now === undefined
    ? rolling
    : [...rolling, ...listedContractInstruments(now, DESK_LISTING)];
}

/** A contract the desk has no book for: not listed yet, too far out, or expired before the desk started. */
export const contractNotListed = (instrument: Instrument, field = 'instrumentId'): DomainError => {
  const message = `contract ${instrument.id} is not listed for trading (last trading day ${instrument.contract?.lastTradingDay ?? 'unknown'})`;
  return new DomainError(
    'unprocessable',
    'contract_not_listed',
    message,
    [{ field, rule: 'listed_contract', message }],
    { instrumentId: instrument.id, lastTradingDay: instrument.contract?.lastTradingDay ?? null },
  );
};

/** An instrument id that names nothing in the catalogue: a 404 that names the field it came in. */
export const instrumentNotFound = (instrumentId: string, field = 'instrumentId'): DomainError => {
  const message = `instrument ${instrumentId} was not found`;
  return new DomainError(
    'not_found',
    'instrument_not_found',
    message,
    [{ field, rule: 'known_instrument', message }],
    { instrumentId },
  );
};

/** The catalogue's instrument of that id; unknown ids are a 404, never a plain error. */
export function knownInstrument(
  instrumentId: string,
  field = 'instrumentId',
  catalogue: Catalogue = standardCatalogue,
): Instrument {
  const instrument = catalogue.find(instrumentId);
  if (!instrument) throw instrumentNotFound(instrumentId, field);
  return instrument;
}

export function tradableInstrument(
  instrumentId: string,
  catalogue: Catalogue = standardCatalogue,
  field = 'instrumentId',
): Instrument {
  const instrument = knownInstrument(instrumentId, field, catalogue);
  if (!CONTINUOUS_PERIODS.has(instrument.deliveryPeriod)) {
    throw invalid(
      field,
      'tradable',
      `${instrumentId} is not an instrument open for continuous trading`,
    );
  }
  return instrument;
}

/** Rewrites the scaling module's rule names to the contract's (`tick_size`, `lot_size`). */
function asField<T>(field: string, rule: string, convert: () => T): T {
  try {
    return convert();
  } catch (error) {
    const issue = (error as { fieldIssues?: { message: string }[] }).fieldIssues?.[0];
    if (!issue) throw error;
    throw invalid(field, rule, issue.message.replace(/^\w+/, field));
  }
}

export const toTicks = (instrument: Instrument, price: number, field = 'price'): number =>
  asField(field, 'tick_size', () => priceToTicks(price, instrument.tickSize));

export function toLots(instrument: Instrument, quantity: number, field = 'quantity'): number {
  const lots = asField(field, 'lot_size', () => quantityToLots(quantity, instrument.lotSize));
  if (lots <= 0) throw invalid(field, 'positive', `${field} must be positive`);
  return lots;
}

export const fromTicks = (instrument: Instrument, ticks: number): string =>
  ticksToPrice(ticks, instrument.tickSize);

export const fromLots = (instrument: Instrument, lots: number): string =>
  lotsToQuantity(lots, instrument.lotSize);
