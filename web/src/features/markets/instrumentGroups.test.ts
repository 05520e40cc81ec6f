import { describe, expect, it } from 'vitest';
import { defaultInstrument, groupInstruments, priceDecimals } from './instrumentGroups';
import type { Instrument } from './types';

function instrument(id: string, commodity: string, name = id): Instrument {
  return {
    id,
    name,
    commodity,
    area: id.split('-')[1] ?? '',
    venue: 'EEX',
    unit: 'MWh',
    currency: 'EUR',
    tickSize: '0.01',
    lotSize: '0.1',
    timeZone: 'Europe/Berlin',
    deliveryPeriod: 'hour',
  };
}

const catalogue = [
  instrument('EUA-FUT-DEC', 'emissions', 'EU allowance December'),
  instrument('GAS-TTF-DA', 'gas', 'TTF day-ahead'),
  instrument('PWR-FR-FUT-M-BASE', 'power', 'France base month future'),
  instrument('PWR-DE-LU-DA-H', 'power', 'Germany-Luxembourg day-ahead hourly'),
  instrument('FX-EURUSD', 'fx', 'Euro in US dollars'),
];

describe('the instrument picker', () => {
  it('groups power first, then gas, emissions and FX rates last', () => {
    expect(groupInstruments(catalogue, '').map((g) => g.label)).toEqual([
      'Power',
      'Natural gas',
      'Emissions',
      'FX rates',
    ]);
  });

  it('keeps only instruments matching every search word', () => {
    const groups = groupInstruments(catalogue, 'germany day-ahead');
    expect(groups.flatMap((g) => g.instruments.map((i) => i.id))).toEqual(['PWR-DE-LU-DA-H']);
    expect(groupInstruments(catalogue, 'lng')).toEqual([]);
  });

  it('opens on the first power day-ahead instrument', () => {
    expect(defaultInstrument(catalogue)?.id).toBe('PWR-DE-LU-DA-H');
    expect(defaultInstrument([catalogue[1] as Instrument])?.id).toBe('GAS-TTF-DA');
  });

  it('quotes prices to the decimals of the tick size', () => {
    expect(priceDecimals('0.01')).toBe(2);
    expect(priceDecimals('0.005')).toBe(3);
    expect(priceDecimals('1')).toBe(0);
  });
});
