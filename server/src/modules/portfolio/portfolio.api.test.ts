import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../platform/clock.js';
import { startTestApp, type TestApp } from '../../test-support/harness.js';
import {
  createTrader2,
  cross,
  FR_MONTH,
  marchDeal,
  markCurve,
  signIn,
  type Desk,
} from './test-support.js';

interface Line {
  book: string;
  instrumentId: string;
  period: string;
  netQuantity: number;
  [field: string]: unknown;
}

/**
 * Two days of a desk: on Monday alice buys 10 MWh of February at 50; on Tuesday she buys
 * 5 more at 53, the market closes at 55, and she buys 20 MWh of March OTC at 60 while the
 * curve marks March at 63.
 */
describe('positions and daily P&L', () => {
  let t: TestApp;
  let desk: Desk;
  const clock = new ManualClock(Date.UTC(2026, 0, 5, 9));
  const get = (url: string, headers: Record<string, string>) =>
    t.app.inject({ method: 'GET', url, headers });

  beforeAll(async () => {
    t = await startTestApp({ clock, env: { ACCESS_TOKEN_TTL_SECONDS: '86400' } });
    await createTrader2(t.app);
    desk = await signIn(t.app);
    await markCurve(t.app, desk.analyst, '2026-01-05', { 2: 49, 3: 62 });
    await cross(t.app, desk.bob, desk.alice, 50, 10);
    clock.set(Date.UTC(2026, 0, 6, 10));
    // Access tokens last at most a day of the manual clock.
    desk = await signIn(t.app);
    await markCurve(t.app, desk.analyst, '2026-01-06', { 2: 54, 3: 63 });
    await cross(t.app, desk.bob, desk.alice, 53, 5);
    const deal = await t.app.inject({
      method: 'POST',
      url: '/api/v1/deals',
      headers: desk.alice,
      payload: marchDeal(),
    });
    expect(deal.statusCode).toBe(201);
    clock.set(Date.UTC(2026, 0, 6, 15));
    await cross(t.app, desk.bob, desk.admin, 55, 1);
    clock.set(Date.UTC(2026, 0, 6, 15, 5));
  });
  afterAll(async () => t.close());

  it('shows a book per delivery period, exchange fills and OTC deals together, in MWh', async () => {
    const res = await get('/api/v1/portfolio/positions', desk.alice);
    expect(res.statusCode).toBe(200);
    const body = res.json<{ books: string[]; items: Line[] }>();
    expect(body.books).toEqual(['trader']);
    expect(body.items).toEqual([
      expect.objectContaining({
        book: 'trader',
        instrumentId: FR_MONTH,
        period: '2026-02',
        unit: 'MWh',
        currency: 'EUR',
        netQuantity: 15,
        exchangeQuantity: 15,
        otcQuantity: 0,
        averagePrice: 51,
        markPrice: 55,
        markSource: 'trade',
        unrealisedPnl: 60,
      }),
      expect.objectContaining({
        period: '2026-03',
        firstDay: '2026-03-01',
        lastDay: '2026-03-31',
        netQuantity: 20,
        otcQuantity: 20,
        averagePrice: 60,
        markPrice: 63,
        markSource: 'curve',
        unrealisedPnl: 60,
      }),
    ]);
  });

  it('subtotals by delivery period on request', async () => {
    const res = await get('/api/v1/portfolio/positions?groupBy=period', desk.alice);
    expect(
      res
        .json<{ groups: { key: string; quantities: unknown[] }[] }>()
        .groups.map((g) => [g.key, g.quantities]),
    ).toEqual([
      ['2026-02', [{ unit: 'MWh', netQuantity: 15 }]],
      ['2026-03', [{ unit: 'MWh', netQuantity: 20 }]],
    ]);
  });

  it("gives a risk manager every book and each book's subtotal", async () => {
    const res = await get('/api/v1/portfolio/positions?groupBy=book', desk.risk);
    const body = res.json<{
      books: string[];
      groups: { key: string; quantities: { netQuantity: number }[] }[];
    }>();
    expect(body.books).toEqual(['admin', 'trader', 'trader2']);
    expect(body.groups.map((g) => [g.key, g.quantities[0]!.netQuantity])).toEqual([
      ['admin', 1],
      ['trader', 35],
      ['trader2', -16],
    ]);
    const one = await get('/api/v1/portfolio/positions?book=trader2', desk.risk);
    expect(one.json<{ items: Line[] }>().items).toEqual([
      expect.objectContaining({ book: 'trader2', netQuantity: -16, realisedPnl: 0 }),
    ]);
  });

  it('explains Tuesday: 50 from the price move, 10 from the new February trade and 60 from the March deal', async () => {
    const res = await get('/api/v1/portfolio/pnl?date=2026-01-06', desk.alice);
    expect(res.statusCode).toBe(200);
    const body = res.json<{
      priceMove: number;
      newTrades: number;
      total: number;
      currency: string;
      items: Line[];
    }>();
    expect(body).toMatchObject({ currency: 'EUR', priceMove: 50, newTrades: 70, total: 120 });
    expect(body.items).toEqual([
      expect.objectContaining({
        period: '2026-02',
        startQuantity: 10,
        tradedQuantity: 5,
        startMark: 50,
        endMark: 55,
        priceMove: 50,
        newTrades: 10,
        total: 60,
      }),
      expect.objectContaining({
        period: '2026-03',
        startQuantity: 0,
        tradedQuantity: 20,
        endMark: 63,
        priceMove: 0,
        newTrades: 60,
        total: 60,
      }),
    ]);
  });

  it('keeps a daily history for the chart, today by default', async () => {
    const res = await get('/api/v1/portfolio/pnl/history?from=2026-01-04', desk.alice);
    expect(res.statusCode).toBe(200);
    expect(res.json<{ to: string; items: unknown[] }>()).toMatchObject({
      to: '2026-01-06',
      items: [
        { date: '2026-01-04', priceMove: 0, newTrades: 0, total: 0 },
        { date: '2026-01-05', priceMove: 0, newTrades: 0, total: 0 },
        { date: '2026-01-06', priceMove: 50, newTrades: 70, total: 120 },
      ],
    });
  });

  it('answers from one position model: the per-instrument /api/v1/positions is gone', async () => {
    const res = await get('/api/v1/positions', desk.alice);
    expect(res.statusCode).toBe(404);
  });

  it('lets a viewer read their own (empty) book but no one else’s', async () => {
    const own = await get('/api/v1/portfolio/positions', desk.viewer);
    expect(own.statusCode).toBe(200);
    expect(own.json()).toMatchObject({ books: ['viewer'], items: [] });
    const other = await get('/api/v1/portfolio/pnl?book=trader', desk.viewer);
    expect(other.statusCode).toBe(403);
    expect(other.json()).toMatchObject({ code: 'book_forbidden' });
  });

  it('answers an unknown book with a 404 that names it', async () => {
    const res = await get('/api/v1/portfolio/positions?book=ghost-book', desk.risk);
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ code: 'book_not_found' });
    expect(res.json<{ detail: string }>().detail).toContain('ghost-book');
  });

  it('refuses bad dates, groupings and windows, naming the field', async () => {
    const cases: [string, string][] = [
      ['/api/v1/portfolio/pnl?date=2026-02-30', 'date'],
      ['/api/v1/portfolio/pnl?date=2026-01-07', 'date'],
      ['/api/v1/portfolio/positions?groupBy=desk', 'groupBy'],
      ['/api/v1/portfolio/pnl/history?from=2026-01-06&to=2026-01-05', 'from'],
      ['/api/v1/portfolio/pnl/history?from=2025-01-01&to=2026-01-05', 'from'],
    ];
    for (const [url, field] of cases) {
      const res = await get(url, desk.alice);
      expect(res.statusCode, url).toBe(400);
      expect(
        res.json<{ errors: { field: string }[] }>().errors.map((e) => e.field),
        url,
      ).toContain(field);
    }
  });
});
