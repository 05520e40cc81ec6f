import { describe, expect, it } from 'vitest';
import { reportingHistoryOf } from './factor-prices.js';
import type { HourlyClose, PriceHistory } from './price-history.js';

const HOUR = 3_600_000;
const NOW = Date.UTC(2026, 5, 1, 8);
const hours = (closes: readonly number[]): HourlyClose[] =>
  closes.map((close, i) => ({ time: NOW - (closes.length - i) * HOUR, close }));

/** Prices of a dollar and a euro future, and EUR/USD as USD -> EUR rates; no pound rate. */
function prices(): PriceHistory & { fxReads: string[] } {
  const fxReads: string[] = [];
  const closes: Record<string, HourlyClose[]> = {
    'PWR-PJM-WEST-FUT-M-BASE': hours([40, 44, 42]),
    'OIL-WTI-FUT-M': hours([70, 70, 70]),
    'PWR-DE-LU-FUT-M-BASE': hours([80, 81, 79]),
    'PWR-GB-FUT-M-BASE': hours([60, 61, 62]),
  };
  return {
    fxReads,
    hourlyCloses: async (id) => closes[id] ?? [],
    async hourlyFxCloses(from, to) {
      fxReads.push(`${from}/${to}`);
      if (from !== 'USD' || to !== 'EUR') return [];
      // The dollar's rate is missing in the middle hour: the first hour's carries forward.
      const [first, , last] = hours([0.8, 0.9, 0.5]);
      return [first!, last!];
    },
    fxRates: async (at) => ({ at: at.getTime(), rate: () => null }),
  };
}

describe('factor prices in the reporting currency', () => {
  it('converts each hourly close at that hour’s rate, reading each currency’s rates once', async () => {
    const source = prices();
    const { history, fxAtLastClose } = await reportingHistoryOf(
      source,
      'EUR',
      ['PWR-PJM-WEST-FUT-M-BASE', 'OIL-WTI-FUT-M', 'PWR-DE-LU-FUT-M-BASE'],
      NOW,
    );
    expect(history.factors).toEqual([
      'PWR-PJM-WEST-FUT-M-BASE',
      'OIL-WTI-FUT-M',
      'PWR-DE-LU-FUT-M-BASE',
    ]);
    // PJM: 40 x 0.8, 44 x 0.8, 42 x 0.5; WTI is flat in dollars and still moves in euros.
    expect(history.lastClose.get('PWR-PJM-WEST-FUT-M-BASE')).toBeCloseTo(21, 12);
    expect(history.moves.data[1 * 3 + 1]).toBeCloseTo((35 - 56) * Math.sqrt(24), 9);
    expect(history.lastClose.get('PWR-DE-LU-FUT-M-BASE')).toBe(79);
    expect(fxAtLastClose.get('OIL-WTI-FUT-M')).toBe(0.5);
    expect(fxAtLastClose.get('PWR-DE-LU-FUT-M-BASE')).toBe(1);
    expect(source.fxReads).toEqual(['USD/EUR']);
  });

  it('names an instrument whose currency has no rate instead of using its unconverted prices', async () => {
    const { history } = await reportingHistoryOf(
      prices(),
      'EUR',
      ['PWR-GB-FUT-M-BASE', 'PWR-DE-LU-FUT-M-BASE'],
      NOW,
    );
    expect(history.factors).toEqual(['PWR-DE-LU-FUT-M-BASE']);
    expect(history.missing).toEqual([
      {
        instrumentId: 'PWR-GB-FUT-M-BASE',
        reason: 'no GBP/EUR FX rate to convert its prices into EUR',
      },
    ]);
  });
});
