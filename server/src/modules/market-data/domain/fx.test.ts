import { describe, expect, it } from 'vitest';
import { standardCatalogue } from './catalogue.js';
import {
  conversionRate,
  conversionSeries,
  convertSeries,
  fxPairsOf,
  pairsFor,
  type FxQuote,
} from './fx.js';

const EURUSD: FxQuote = { base: 'EUR', quote: 'USD', rate: 1.25 };
const EURGBP: FxQuote = { base: 'EUR', quote: 'GBP', rate: 0.8 };
const pairs = fxPairsOf(standardCatalogue.instruments);
const usdPair = pairs.find((p) => p.quote === 'USD')!;
const gbpPair = pairs.find((p) => p.quote === 'GBP')!;

describe('FX conversion', () => {
  it('converts a currency into itself at 1, whatever the quotes', () => {
    expect(conversionRate([], 'USD', 'USD')).toBe(1);
    expect(conversionRate([EURUSD], 'EUR', 'EUR')).toBe(1);
  });

  it('reads a quoted pair directly and the other way round as its inverse', () => {
    expect(conversionRate([EURUSD], 'EUR', 'USD')).toBe(1.25);
    expect(conversionRate([EURUSD], 'USD', 'EUR')).toBeCloseTo(0.8, 12);
  });

  it('crosses two currencies through the euro', () => {
    // 1 GBP = 1/0.8 EUR = 1.25 EUR = 1.5625 USD.
    expect(conversionRate([EURUSD, EURGBP], 'GBP', 'USD')).toBeCloseTo(1.5625, 12);
    expect(conversionRate([EURUSD, EURGBP], 'USD', 'GBP')).toBeCloseTo(0.64, 12);
  });

  it('has no rate when a leg is missing or unusable', () => {
    expect(conversionRate([EURUSD], 'GBP', 'USD')).toBeNull();
    expect(conversionRate([], 'EUR', 'USD')).toBeNull();
    expect(conversionRate([{ ...EURUSD, rate: 0 }], 'EUR', 'USD')).toBeNull();
  });

  it('finds the catalogue pairs a conversion reads', () => {
    expect(pairs.map((p) => p.instrumentId).sort()).toEqual(['FX-EURGBP', 'FX-EURUSD']);
    expect(pairsFor(pairs, 'USD', 'USD')).toEqual([]);
    expect(pairsFor(pairs, 'USD', 'EUR')).toEqual([usdPair]);
    expect(pairsFor(pairs, 'GBP', 'USD')).toEqual([gbpPair, usdPair]);
    expect(pairsFor(pairs, 'JPY', 'EUR')).toBeNull();
  });

  it('builds a cross rate series, carrying a pair forward through hours it did not print', () => {
    const series = conversionSeries(
      [
        {
          pair: usdPair,
          closes: [
            { time: 1, close: 1.2 },
            { time: 3, close: 1.3 },
          ],
        },
        {
          pair: gbpPair,
          closes: [
            { time: 2, close: 0.8 },
            { time: 3, close: 0.5 },
          ],
        },
      ],
      'GBP',
      'USD',
    );
    // Hour 1 has no GBP rate yet; hour 2 uses hour 1's USD close.
    expect(series.map((v) => v.time)).toEqual([2, 3]);
    expect(series[0]!.close).toBeCloseTo(1.2 / 0.8, 12);
    expect(series[1]!.close).toBeCloseTo(1.3 / 0.5, 12);
  });

  it('converts each price at the latest rate at or before it and drops prices older than any rate', () => {
    const prices = [
      { time: 10, close: 100 },
      { time: 20, close: 110 },
      { time: 30, close: 120 },
    ];
    const rates = [
      { time: 15, close: 0.5 },
      { time: 30, close: 0.25 },
    ];
    expect(convertSeries(prices, rates)).toEqual([
      { time: 20, close: 55 },
      { time: 30, close: 30 },
    ]);
  });

  it('quotes UK gas in pounds per therm, so FX conversion needs no pence scaling', () => {
    const nbp = standardCatalogue.get('GAS-NBP-FUT-M');
    expect(nbp).toMatchObject({ currency: 'GBP', unit: 'therm' });
    // A pound is 10,000 ticks of 0.0001: prices near 1 GBP/therm, not near 100 pence.
    expect(nbp.tickSize).toBe('0.0001');
  });
});
