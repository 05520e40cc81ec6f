import { describe, expect, it } from 'vitest';
import { gridRows, markSourceName, quantitiesText } from './grid';
import type { PeriodPosition, PositionGroup } from './types';

const position = (
  book: string,
  instrumentId: string,
  period: string,
  firstDay: string,
): PeriodPosition => ({
  book,
  instrumentId,
  period,
  firstDay,
  lastDay: firstDay,
  unit: 'MWh',
  currency: 'EUR',
  netQuantity: 1,
  exchangeQuantity: 1,
  otcQuantity: 0,
  averagePrice: 50,
  realisedPnl: 0,
  unrealisedPnl: 0,
  markPrice: 50,
  markSource: 'trade',
});
const group = (key: string): PositionGroup => ({
  key,
  firstDay: '',
  positions: 0,
  quantities: [],
  pnl: [],
  total: { currency: 'EUR', realisedPnl: 0, unrealisedPnl: 0, positions: 0, unconverted: 0 },
});

const items = [
  position('bob', 'PWR', '2026-03', '2026-03-01'),
  position('alice', 'PWR', '2026-03', '2026-03-01'),
  position('alice', 'GAS', '2026-02', '2026-02-01'),
  position('alice', 'PWR', '2026-02', '2026-02-01'),
];
const describeRows = (rows: ReturnType<typeof gridRows>) =>
  rows.map((r) =>
    r.kind === 'group'
      ? `[${r.group.key}]`
      : `${r.position.book} ${r.position.instrumentId} ${r.position.period}`,
  );

describe('the positions grid', () => {
  it('puts each book under its subtotal, by instrument and then delivery', () => {
    expect(describeRows(gridRows(items, [group('alice'), group('bob')], 'book'))).toEqual([
      '[alice]',
      'alice GAS 2026-02',
      'alice PWR 2026-02',
      'alice PWR 2026-03',
      '[bob]',
      'bob PWR 2026-03',
    ]);
  });

  it('puts each delivery period under its subtotal in the order the server gave, by book within', () => {
    expect(describeRows(gridRows(items, [group('2026-02'), group('2026-03')], 'period'))).toEqual([
      '[2026-02]',
      'alice GAS 2026-02',
      'alice PWR 2026-02',
      '[2026-03]',
      'alice PWR 2026-03',
      'bob PWR 2026-03',
    ]);
  });

  it('names where a mark came from and writes energy per unit', () => {
    expect([
      markSourceName('trade'),
      markSourceName('curve'),
      markSourceName('stale_trade'),
      markSourceName(null),
    ]).toEqual(['last trade', 'forward curve', 'old trade', 'no mark']);
    expect(
      quantitiesText(
        [
          { unit: 'MWh', netQuantity: 15 },
          { unit: 'therm', netQuantity: -3000 },
        ],
        String,
      ),
    ).toBe('15 MWh · -3000 therm');
  });
});
