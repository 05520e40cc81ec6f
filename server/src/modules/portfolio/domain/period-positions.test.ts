import { describe, expect, it } from 'vitest';
import { monthWindow } from './delivery-periods.js';
import { markKey, periodPositions, type BookTrade } from './period-positions.js';

const feb = monthWindow(2026, 2);
const mar = monthWindow(2026, 3);
const facts = () => ({ unit: 'MWh', currency: 'EUR' });
let at = 0;
const trade = (over: Partial<BookTrade>): BookTrade => ({
  book: 'alice',
  instrumentId: 'PWR',
  period: feb,
  side: 'buy',
  price: 50,
  quantity: 10,
  at: ++at,
  source: 'exchange',
  ...over,
});

describe('positions per book, instrument and delivery period', () => {
  it('makes one position of an exchange fill and an OTC deal for the same month', () => {
    const [p] = periodPositions(
      [trade({ price: 50 }), trade({ source: 'otc', price: 56, quantity: 5 })],
      new Map([[markKey('PWR', '2026-02'), { price: 55, source: 'trade' }]]),
      facts,
    );
    expect(p).toMatchObject({
      period: '2026-02',
      netQuantity: 15,
      exchangeQuantity: 10,
      otcQuantity: 5,
      averagePrice: 52,
      unrealisedPnl: 45,
      markSource: 'trade',
      unit: 'MWh',
    });
  });

  it('keeps delivery months and books apart', () => {
    const out = periodPositions(
      [trade({}), trade({ period: mar, side: 'sell' }), trade({ book: 'bob' })],
      new Map(),
      facts,
    );
    expect(out.map((p) => [p.book, p.period, p.netQuantity])).toEqual([
      ['alice', '2026-02', 10],
      ['alice', '2026-03', -10],
      ['bob', '2026-02', 10],
    ]);
    expect(out.every((p) => p.unrealisedPnl === null && p.markPrice === null)).toBe(true);
  });

  it('folds in trade time order whatever order the trades arrive in', () => {
    const buy = trade({ price: 40 });
    const sell = trade({ side: 'sell', price: 45, quantity: 4 });
    const [p] = periodPositions([sell, buy], new Map(), facts);
    expect(p).toMatchObject({ netQuantity: 6, averagePrice: 40, realisedPnl: 20 });
  });
});
