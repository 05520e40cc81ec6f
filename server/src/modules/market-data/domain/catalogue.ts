import { notFound } from '../../../platform/errors.js';
import type { Instrument } from './instrument.js';
import { STANDARD_INSTRUMENTS } from './standard-instruments.js';

/** Looks instruments up by id; the standard catalogue is kept in code (standard-instruments.ts). */

export interface Catalogue {
  readonly instruments: readonly Instrument[];
  find(id: string): Instrument | undefined;
  get(id: string): Instrument;
}

export function createCatalogue(instruments: readonly Instrument[]): Catalogue {
  const byId = new Map(instruments.map((instrument) => [instrument.id, instrument]));
  if (byId.size !== instruments.length) throw new Error('instrument ids must be unique');
  return {
    instruments,
    find: (id) => byId.get(id),
    get: (id) => {
      const instrument = byId.get(id);
      if (!instrument) throw notFound(`instrument ${id}`, 'instrument_not_found');
      return instrument;
    },
  };
}

export const standardCatalogue: Catalogue = createCatalogue(STANDARD_INSTRUMENTS);
