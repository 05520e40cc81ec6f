import { notFound } from '../../../platform/errors.js';
import { resolveContractInstrument } from './contracts/contract-instrument.js';
import type { Instrument } from './instrument.js';
import { STANDARD_INSTRUMENTS } from './standard-instruments.js';

/**
 * Looks instruments up by id; the standard catalogue is kept in code
 * (standard-instruments.ts). `instruments` are the rolling instruments every process
 * stores and simulates; a catalogue may also resolve ids outside that list, as the
 * standard one resolves every listed contract id (`PWR-DE-LU-BASE-2027-01`) from its
 * product, listed today or not, so that a contract traded last year still has its terms.
 */

export interface Catalogue {
  readonly instruments: readonly Instrument[];
  find(id: string): Instrument | undefined;
  get(id: string): Instrument;
}

export function createCatalogue(
  instruments: readonly Instrument[],
  resolve: (id: string) => Instrument | undefined = () => undefined,
): Catalogue {
  const byId = new Map(instruments.map((instrument) => [instrument.id, instrument]));
  if (byId.size !== instruments.length) throw new Error('instrument ids must be unique');
  const find = (id: string): Instrument | undefined => byId.get(id) ?? resolve(id);
  return {
    instruments,
    find,
    get: (id) => {
      const instrument = find(id);
      if (!instrument) throw notFound(`instrument ${id}`, 'instrument_not_found');
      return instrument;
    },
  };
}

export const standardCatalogue: Catalogue = createCatalogue(
  STANDARD_INSTRUMENTS,
  resolveContractInstrument,
);
