import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../platform/clock.js';
import { startTestApp, type TestApp } from '../../test-support/harness.js';
import { rebuildPositions } from './index.js';
import { createPositionsRepo } from './repo-positions.js';
import { createTrader2, cross, FR_MONTH, marchDeal, signIn, type Desk } from './test-support.js';

interface Line {
  book: string;
  period: string;
  netQuantity: number;
  exchangeQuantity: number;
  otcQuantity: number;
  averagePrice: number | null;
  realisedPnl: number;
}

describe('the position table', () => {
  let t: TestApp;
  let desk: Desk;
  const positions = async (headers: Record<string, string>, query = '') => {
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/v1/portfolio/positions${query}`,
      headers,
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<{ books: string[]; items: Line[] }>();
  };
  const line = async (headers: Record<string, string>, period: string) =>
    (await positions(headers)).items.find((l) => l.period === period);

  beforeAll(async () => {
    t = await startTestApp({ clock: new ManualClock(Date.UTC(2026, 0, 5, 10)) });
    await createTrader2(t.app);
    desk = await signIn(t.app);
  });
  afterAll(async () => t.close());

  it('shows a fill to the very next read, on both sides', async () => {
    await cross(t.app, desk.bob, desk.alice, 50, 10);
    expect(await line(desk.alice, '2026-02')).toMatchObject({
      netQuantity: 10,
      averagePrice: 50,
      exchangeQuantity: 10,
    });
    expect(await line(desk.bob, '2026-02')).toMatchObject({ netQuantity: -10, averagePrice: 50 });
    await cross(t.app, desk.alice, desk.bob, 55, 4);
    expect(await line(desk.alice, '2026-02')).toMatchObject({
      netQuantity: 6,
      averagePrice: 50,
      realisedPnl: 20,
    });
  });

  it('moves an amended deal out of its old delivery period into the new one', async () => {
    const deal = await t.app.inject({
      method: 'POST',
      url: '/api/v1/deals',
      headers: desk.alice,
      payload: marchDeal(),
    });
    expect(deal.statusCode, deal.body).toBe(201);
    expect(await line(desk.alice, '2026-03')).toMatchObject({
      netQuantity: 20,
      otcQuantity: 20,
      averagePrice: 60,
    });
    const id = deal.json<{ id: string }>().id;
    const amended = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/deals/${id}`,
      headers: desk.alice,
      payload: {
        quantity: 25,
        price: 62,
        deliveryStart: '2026-04-01T00:00:00+02:00',
        deliveryEnd: '2026-05-01T00:00:00+02:00',
      },
    });
    expect(amended.statusCode, amended.body).toBe(200);
    expect(await line(desk.alice, '2026-03')).toBeUndefined();
    expect(await line(desk.alice, '2026-04')).toMatchObject({
      netQuantity: 25,
      otcQuantity: 25,
      averagePrice: 62,
    });
  });

  it('lists every book that traded, for a risk manager', async () => {
    expect((await positions(desk.risk)).books).toEqual(['trader', 'trader2']);
  });

  it('rebuilds from the outbox into the table it kept incrementally', async () => {
    const repo = createPositionsRepo();
    const db = t.platform.dbs.db;
    const kept = await repo.allPositions(db);
    const read = await positions(desk.risk, '?includeFlat=true');
    expect(await rebuildPositions(db)).toBeGreaterThanOrEqual(4);
    expect(await repo.allPositions(db)).toEqual(kept);
    expect(await positions(desk.risk, '?includeFlat=true')).toEqual(read);
    expect(kept.map((p) => [p.book, p.instrumentId, p.period.label])).toContainEqual([
      'trader',
      FR_MONTH,
      '2026-04',
    ]);
  });
});
