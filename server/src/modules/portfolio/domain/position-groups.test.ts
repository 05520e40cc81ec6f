import { describe, expect, it } from 'vitest';
import type { PeriodPosition } from './period-positions.js';
import { groupPositions } from './position-groups.js';

const position = (over: Partial<PeriodPosition>): PeriodPosition => ({
  book: 'alice',
  instrumentId: 'PWR',
  period: '2026-02',
  firstDay: '2026-02-01',
  lastDay: '2026-02-28',
  unit: 'MWh',
  currency: 'EUR',
  netQuantity: 10,
  exchangeQuantity: 10,
  otcQuantity: 0,
  averagePrice: 50,
  realisedPnl: 0,
  unrealisedPnl: 5,
  markPrice: 50.5,
  markSource: 'trade',
  ...over,
});

describe('position subtotals', () => {
  it('sums energy per unit and money per currency, never across them', () => {
    const [book] = groupPositions(
      [
        position({}),
        position({ instrumentId: 'GAS', netQuantity: -3 }),
        position({
          instrumentId: 'NBP',
          unit: 'therm',
          currency: 'GBP',
          netQuantity: 1000,
          unrealisedPnl: null,
          realisedPnl: 7,
        }),
      ],
      'book',
    );
    expect(book).toMatchObject({
      key: 'alice',
      positions: 3,
      quantities: [
        { unit: 'MWh', netQuantity: 7 },
        { unit: 'therm', netQuantity: 1000 },
      ],
      pnl: [
        { currency: 'EUR', realisedPnl: 0, unrealisedPnl: 10, unmarked: 0 },
        { currency: 'GBP', realisedPnl: 7, unrealisedPnl: 0, unmarked: 1 },
      ],
    });
  });

  it('orders delivery periods by when they deliver, not by name', () => {
    const groups = groupPositions(
      [
        position({ period: '2026-Q2', firstDay: '2026-04-01' }),
        position({ period: '2026-02-14', firstDay: '2026-02-14' }),
        position({}),
      ],
      'period',
    );
    expect(groups.map((g) => g.key)).toEqual(['2026-02', '2026-02-14', '2026-Q2']);
  });
});
