import type { Instrument } from '../market-data/index.js';
import type { TenorBucket } from './domain/index.js';

/**
 * The stress scenarios name commodities as a desk does (TTF, DE-POWER, EUA, ERCOT-POWER);
 * the catalogue names a commodity class and an area. This maps one to the other.
 */
const POWER_AREA_CODES: Record<string, string> = {
  'DE-LU': 'DE-POWER',
  'ERCOT-NORTH': 'ERCOT-POWER',
  'PJM-WEST': 'PJM-POWER',
};
const EMISSIONS_CODES: Record<string, string> = { 'EU-ETS': 'EUA', 'UK-ETS': 'UKA' };

export function stressCommodity(instrument: Pick<Instrument, 'commodity' | 'area'>): string {
  switch (instrument.commodity) {
    case 'power':
      return POWER_AREA_CODES[instrument.area] ?? `${instrument.area}-POWER`;
    case 'emissions':
      return EMISSIONS_CODES[instrument.area] ?? instrument.area;
    case 'gas':
    case 'crude':
    case 'fx':
      return instrument.area;
  }
}

/** Where a contract sits on the curve: month futures are the front month, and so on. */
export function tenorBucket(instrument: Pick<Instrument, 'deliveryPeriod' | 'id'>): TenorBucket {
  switch (instrument.deliveryPeriod) {
    case 'month':
      // December emissions contracts are the year's benchmark, a calendar tenor.
      return instrument.id.endsWith('-DEC') ? 'calendar' : 'front-month';
    case 'quarter':
      return 'front-quarter';
    case 'year':
      return 'calendar';
    case 'hour':
    case 'quarter-hour':
      return 'spot';
    case 'gas-day':
    case 'base-block':
    case 'peak-block':
      return 'day-ahead';
  }
}
