import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dailyPnlSeries, explainDailyPnl, type DatedTrade } from './daily-pnl.js';
import { applyFill, flatPosition } from './positions.js';

describe('explaining a day of P&L', () => {
  it('splits the worked example into a price move of 50 and new trades of 10', () => {
    // 10 MWh held, marked 50 last night and 55 tonight; 5 MWh bought today at 53.
    expect(
      explainDailyPnl({
        startQuantity: 10,
        startMark: 50,
        endMark: 55,
        trades: [{ quantity: 5, price: 53 }],
      }),
    ).toEqual({
      priceMove: 50,
      newTrades: 10,
      total: 60,
    });
  });

  it('shows a sale below the close as a loss from new trades, not from the market', () => {
    // Long 10 from 50 to 55, sold 4 at 54: the market paid 50, selling a euro under the close cost 4.
    expect(
      explainDailyPnl({
        startQuantity: 10,
        startMark: 50,
        endMark: 55,
        trades: [{ quantity: -4, price: 54 }],
      }),
    ).toEqual({
      priceMove: 50,
      newTrades: -4,
      total: 46,
    });
  });

  it('charges a short the rise of its mark', () => {
    expect(
      explainDailyPnl({ startQuantity: -20, startMark: 80, endMark: 82.5, trades: [] }),
    ).toEqual({ priceMove: -50, newTrades: 0, total: -50 });
  });

  it('has no price move for a book that started the day flat, even without a start mark', () => {
    expect(
      explainDailyPnl({
        startQuantity: 0,
        startMark: null,
        endMark: 30,
        trades: [{ quantity: 2, price: 31 }],
      }),
    ).toEqual({ priceMove: 0, newTrades: -2, total: -2 });
  });

  it('leaves what it cannot mark unexplained rather than guessing', () => {
    expect(
      explainDailyPnl({ startQuantity: 10, startMark: null, endMark: 55, trades: [] }),
    ).toEqual({ priceMove: null, newTrades: 0, total: null });
    expect(
      explainDailyPnl({
        startQuantity: 10,
        startMark: 50,
        endMark: null,
        trades: [{ quantity: 1, price: 50 }],
      }),
    ).toEqual({
      priceMove: null,
      newTrades: null,
      total: null,
    });
  });
});

const day = (i: number) => ({
  date: `2026-01-0${i + 5}`,
  start: Date.UTC(2026, 0, 5 + i),
  end: Date.UTC(2026, 0, 6 + i),
});
const trade = (
  dayIndex: number,
  quantity: number,
  price: number,
  key = 'alice\nX\n2026-02',
): DatedTrade => ({
  key,
  markKey: key.slice(key.indexOf('\n') + 1),
  quantity,
  price,
  at: Date.UTC(2026, 0, 5 + dayIndex, 10),
});

describe('walking daily P&L over days', () => {
  it('carries each day-end position into the next day and marks it from close to close', () => {
    const closes = [null, 50, 55, 52];
    const series = dailyPnlSeries(
      [trade(0, 10, 48), trade(1, 5, 53), trade(2, -15, 51)],
      [day(0), day(1), day(2)],
      (_key, i) => closes[i] ?? null,
    );
    expect(series.map((d) => [d.date, d.priceMove, d.newTrades, d.total])).toEqual([
      // Day 1: bought 10 at 48, closed at 50.
      ['2026-01-05', 0, 20, 20],
      // Day 2: the worked example.
      ['2026-01-06', 50, 10, 60],
      // Day 3: 15 held from 55 to 52 is -45; selling all 15 at 51 under a 52 close is -15.
      ['2026-01-07', -45, -15, -60],
    ]);
    expect(series[2]!.lines[0]).toMatchObject({
      startQuantity: 15,
      tradedQuantity: -15,
      startMark: 55,
      endMark: 52,
    });
  });

  it('counts trades before the first day only in the opening position', () => {
    const series = dailyPnlSeries(
      [{ ...trade(0, 10, 40), at: Date.UTC(2026, 0, 1) }],
      [day(0)],
      (_key, i) => [45, 47][i] ?? null,
    );
    expect(series[0]).toMatchObject({ priceMove: 20, newTrades: 0, total: 20 });
  });

  it('names the positions it could not mark and totals the rest', () => {
    const other = 'alice\nY\n2026-02';
    const series = dailyPnlSeries([trade(0, 1, 10), trade(0, 1, 10, other)], [day(0)], (key) =>
      key.startsWith('Y') ? null : 12,
    );
    expect(series[0]).toMatchObject({ total: 2, unexplained: [other] });
  });

  it('adds up to the change in marked value plus cash of the positions it explains', () => {
    const trades = fc.array(
      fc.record({
        d: fc.integer({ min: 0, max: 2 }),
        q: fc.integer({ min: -20, max: 20 }).filter((q) => q !== 0),
        p: fc.integer({ min: 1, max: 100 }),
      }),
      { maxLength: 12 },
    );
    const marks = fc.array(fc.integer({ min: 1, max: 100 }), { minLength: 4, maxLength: 4 });
    fc.assert(
      fc.property(trades, marks, (raw, closes) => {
        const dated = raw.map((t, i) => ({
          ...trade(t.d, t.q, t.p),
          at: Date.UTC(2026, 0, 5 + t.d, 1) + i,
        }));
        const series = dailyPnlSeries(dated, [day(0), day(1), day(2)], (_k, i) => closes[i]!);
        // Value of the book at each close: open quantity at the mark plus realised and cash.
        const valueAt = (end: number, mark: number) => {
          const p = flatPosition();
          for (const t of dated.filter((x) => x.at < end))
            applyFill(p, t.quantity > 0 ? 'buy' : 'sell', t.price, Math.abs(t.quantity));
          return p.realised + (p.net === 0 ? 0 : (mark - p.average) * p.net);
        };
        const total = series.reduce((s, d) => s + d.total, 0);
        const change =
          valueAt(Date.UTC(2026, 0, 8), closes[3]!) - valueAt(Date.UTC(2026, 0, 5), closes[0]!);
        expect(total).toBeCloseTo(change, 6);
      }),
    );
  });
});
