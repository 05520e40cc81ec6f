import { describe, expect, it } from 'vitest';
import { createCatalogue, standardCatalogue } from './catalogue.js';
import { STANDARD_INSTRUMENTS } from './standard-instruments.js';
import { toLocal } from './time-zone.js';

describe('instrument catalogue', () => {
  it('covers every power zone, gas hub, crude grade and allowance the desk trades, and the FX pairs it converts with', () => {
    const areas = new Set(STANDARD_INSTRUMENTS.map((instrument) => instrument.area));
    for (const area of [
      'DE-LU',
      'FR',
      'NL',
      'GB',
      'NORDIC',
      'PJM-WEST',
      'ERCOT-NORTH',
      'TTF',
      'NBP',
      'HENRY-HUB',
      'BRENT',
      'WTI',
      'MURBAN',
      'EU-ETS',
      'UK-ETS',
      'EURUSD',
      'EURGBP',
    ]) {
      expect(areas.has(area), area).toBe(true);
    }
    expect(standardCatalogue.get('PWR-DE-LU-DA-H')).toMatchObject({
      venue: 'EPEX SPOT',
      currency: 'EUR',
      deliveryPeriod: 'hour',
      timeZone: 'Europe/Berlin',
    });
  });

  it('gives every instrument a valid time zone and positive decimal increments', () => {
    for (const instrument of STANDARD_INSTRUMENTS) {
      expect(() => toLocal(instrument.timeZone, 0), instrument.id).not.toThrow();
      expect(Number(instrument.tickSize), instrument.id).toBeGreaterThan(0);
      expect(Number(instrument.lotSize), instrument.id).toBeGreaterThan(0);
    }
  });

  it('reports an unknown instrument as not found and refuses duplicate ids', () => {
    expect(standardCatalogue.find('PWR-XX-DA-H')).toBeUndefined();
    expect(() => standardCatalogue.get('PWR-XX-DA-H')).toThrow(/PWR-XX-DA-H was not found/);
    const first = STANDARD_INSTRUMENTS[0];
    expect(() => first && createCatalogue([first, first])).toThrow(/unique/);
  });
});
