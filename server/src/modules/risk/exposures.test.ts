import { describe, expect, it } from 'vitest';
import type { BookPosition } from '../portfolio/index.js';
import { valueOptionPosition, YEAR_MS } from './domain/index.js';
import { exposureLines, type OptionHolding } from './exposures.js';
import { meanReversionFor } from './mean-reversion.js';
import { dailyMovesFromHourly } from './factor-history.js';

const NOW = Date.UTC(2026, 5, 1, 8);
const future = (book: string, instrumentId: string, quantity: number): BookPosition => ({
  book,
  instrumentId,
  quantity,
  averagePrice: 1,
  mark: null,
  realisedPnl: 0,
  unrealisedPnl: null,
  currency: 'EUR',
});
const option = (book: string, expiresAt: number): OptionHolding => ({
  id: `${book}-opt`,
  book,
  underlying: 'GAS-TTF-FUT-M',
  type: 'put',
  strike: 35,
  expiresAt,
  quantity: -720,
  volatility: 0.7,
  rate: 0,
});

describe('exposure lines of futures and options', () => {
  it('groups by desk commodity and front delivery period, and names books across several', () => {
    const warnings: string[] = [];
    const lines = exposureLines(
      [future('alice', 'PWR-DE-LU-FUT-Q-BASE', 5), future('bob', 'EUA-FUT-DEC', -1000)],
      [option('bob', NOW + 0.1 * YEAR_MS)],
      new Map([['GAS-TTF-FUT-M', 38]]),
      NOW,
      warnings,
    );
    expect(lines.map((l) => [l.key, l.groups.commodity, l.groups.deliveryPeriod])).toEqual([
      ['alice/PWR-DE-LU-FUT-Q-BASE', 'DE-POWER', '2026-Q3'],
      ['bob/EUA-FUT-DEC', 'EUA', '2026-12'],
      [
        `bob/GAS-TTF-FUT-M put 35 ${new Date(NOW + 0.1 * YEAR_MS).toISOString().slice(0, 10)}`,
        'TTF',
        '2026-07',
      ],
    ]);
    const greeks = valueOptionPosition(option('bob', NOW + 0.1 * YEAR_MS), 38, NOW);
    expect(lines[2]).toMatchObject({
      instrumentId: 'GAS-TTF-FUT-M',
      delta: greeks.delta,
      gamma: greeks.gamma,
    });
    expect(warnings).toEqual([]);
  });

  it('values an option at its own currency’s price when VaR runs on converted prices', () => {
    // The underlying closed at 38 in its currency, 30.4 in the reporting one (0.8 a unit).
    const expiry = NOW + 0.1 * YEAR_MS;
    const [line] = exposureLines(
      [],
      [option('bob', expiry)],
      new Map([['GAS-TTF-FUT-M', 30.4]]),
      NOW,
      [],
      new Map([['GAS-TTF-FUT-M', 0.8]]),
    );
    const native = valueOptionPosition(option('bob', expiry), 38, NOW);
    // Delta per unit move carries over; gamma is per converted unit squared, so it scales by 1/0.8.
    expect(line!.delta).toBeCloseTo(native.delta, 9);
    expect(line!.gamma).toBeCloseTo(native.gamma / 0.8, 9);
  });

  it('leaves out an expired option with a warning, and one without a price silently (history says why)', () => {
    const warnings: string[] = [];
    expect(
      exposureLines(
        [],
        [option('alice', NOW - 1)],
        new Map([['GAS-TTF-FUT-M', 38]]),
        NOW,
        warnings,
      ),
    ).toEqual([]);
    expect(warnings).toEqual([expect.stringContaining('has expired')]);
    expect(exposureLines([], [option('alice', NOW + YEAR_MS)], new Map(), NOW, [])).toEqual([]);
  });
});

describe('which factors revert in a mean-reverting Monte Carlo', () => {
  const history = dailyMovesFromHourly(
    new Map(
      ['PWR-DE-LU-DA-H', 'GAS-TTF-DA', 'GAS-TTF-FUT-M', 'OIL-BRENT-FUT-M'].map((id) => [
        id,
        [
          { time: 0, close: 10 },
          { time: 3_600_000, close: 20 },
        ],
      ]),
    ),
  );
  const terms = (id: string) =>
    ({
      'PWR-DE-LU-DA-H': { commodity: 'power', deliveryPeriod: 'hour' },
      'GAS-TTF-DA': { commodity: 'gas', deliveryPeriod: 'gas-day' },
      'GAS-TTF-FUT-M': { commodity: 'gas', deliveryPeriod: 'month' },
      'OIL-BRENT-FUT-M': { commodity: 'crude', deliveryPeriod: 'month' },
    })[id];

  it('reverts spot power fastest, spot gas slower, front contracts slowest, and never crude', () => {
    const chosen = meanReversionFor(history, terms);
    expect(chosen.map((c) => [c.instrumentId, c.halfLifeDays, c.longRunLevel])).toEqual([
      ['PWR-DE-LU-DA-H', 3, 15],
      ['GAS-TTF-DA', 10, 15],
      ['GAS-TTF-FUT-M', 30, 15],
    ]);
    expect(chosen[0]!.speedPerDay).toBeCloseTo(Math.LN2 / 3, 12);
  });

  it('uses one half-life for every reverting factor when the caller sets it', () => {
    expect(meanReversionFor(history, terms, 7).map((c) => c.halfLifeDays)).toEqual([7, 7, 7]);
  });
});
