import { describe, expect, it } from 'vitest';
import { deriveJurisdictions } from './jurisdiction.js';

describe('jurisdiction derivation', () => {
  it('puts an EU power deal between a UK book and a US counterparty under REMIT, UK rules and the CFTC', () => {
    const where = deriveJurisdictions({
      market: { venue: 'EEX', area: 'DE-LU' },
      book: { legalEntity: 'Opti Energy UK Ltd', country: 'GB', shariah: false },
      counterparty: { name: 'Gulf Coast Power LLC', country: 'US' },
    });
    expect(where.jurisdictions).toEqual(['DESK', 'EU', 'UK', 'US']);
    expect(where.derivation).toEqual(
      expect.arrayContaining([
        { jurisdiction: 'EU', source: 'venue', because: 'venue EEX' },
        { jurisdiction: 'EU', source: 'delivery_zone', because: 'delivery DE-LU' },
        expect.objectContaining({ jurisdiction: 'UK', source: 'book_entity' }),
        expect.objectContaining({ jurisdiction: 'US', source: 'counterparty' }),
      ]),
    );
  });

  it('reads ICE as ICE Futures U.S. for US delivery and as ICE Futures Europe otherwise', () => {
    const pjm = deriveJurisdictions({
      market: { venue: 'ICE', area: 'PJM-WEST' },
      book: null,
      counterparty: null,
    });
    const brent = deriveJurisdictions({
      market: { venue: 'ICE', area: 'BRENT' },
      book: null,
      counterparty: null,
    });
    expect(pjm.jurisdictions).toEqual(['DESK', 'US']);
    expect(brent.jurisdictions).toEqual(['DESK', 'UK']);
  });

  it('adds the Shariah screen for a Shariah book and Guyana for a Guyanese counterparty', () => {
    const where = deriveJurisdictions({
      market: { venue: 'IFAD', area: 'MURBAN' },
      book: { legalEntity: 'Opti Islamic Desk', country: 'AE', shariah: true },
      counterparty: { name: 'Stabroek Offtake', country: 'gy' },
    });
    expect(where.jurisdictions).toEqual(['DESK', 'AE', 'GY', 'SHARIAH']);
  });

  it('knows only the desk rules for a market and parties it cannot place', () => {
    const where = deriveJurisdictions({
      market: { venue: 'OTC', area: 'EURUSD' },
      book: { legalEntity: 'Opti SG', country: 'SG', shariah: false },
      counterparty: { name: 'Someone', country: null },
    });
    expect(where.jurisdictions).toEqual(['DESK']);
  });
});
