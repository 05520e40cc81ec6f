import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../platform/clock.js';
import { bearer, login, startTestApp, type TestApp } from '../../../test-support/harness.js';
import { tradingDb } from '../tables.js';
import { twoTraders } from '../test-support.js';

interface AuctionBody {
  id: string;
  area: string;
  deliveryDay: string;
  status: string;
  gateClosure: string;
}

// Monday 5 January 2026, 09:00 UTC: tomorrow's day-ahead auctions are still open.
const clock = new ManualClock(Date.UTC(2026, 0, 5, 9, 0, 0));

describe('day-ahead auctions', () => {
  let t: TestApp;
  let alice: Record<string, string>;
  let bob: Record<string, string>;
  let riskManager: Record<string, string>;
  let auctions: AuctionBody[];

  beforeAll(async () => {
    t = await startTestApp({ clock });
    ({ alice, bob } = await twoTraders(t.app));
    riskManager = bearer((await login(t.app, 'risk')).token);
    const listed = await t.app.inject({ method: 'GET', url: '/api/v1/auctions', headers: alice });
    auctions = listed.json<{ items: AuctionBody[] }>().items;
  });
  afterAll(async () => t.close());

  const curve = (headers: Record<string, string>, id: string, payload: Record<string, unknown>) =>
    t.app.inject({ method: 'POST', url: `/api/v1/auctions/${id}/curves`, headers, payload });

  it("opens tomorrow's auction of every power area with its gate still ahead", () => {
    expect(auctions.length).toBeGreaterThan(1);
    for (const a of auctions) {
      expect(a).toMatchObject({ deliveryDay: '2026-01-06', status: 'open' });
      expect(Date.parse(a.gateClosure)).toBeGreaterThan(clock.now());
    }
  });

  it('clears submitted curves at one price per hour and shows each participant their accepted volume', async () => {
    const auction = auctions[0]!;
    // Demand of 10 at up to 60 against supply of 4 from 30 and 4 more from 50: 8 trade.
    expect(
      (
        await curve(alice, auction.id, {
          hour: 7,
          side: 'bid',
          steps: [{ price: 60, quantity: 10 }],
        })
      ).statusCode,
    ).toBe(201);
    expect(
      (
        await curve(bob, auction.id, {
          hour: 7,
          side: 'offer',
          steps: [
            { price: 30, quantity: 4 },
            { price: 50, quantity: 4 },
          ],
        })
      ).statusCode,
    ).toBe(201);

    const cleared = await t.app.inject({
      method: 'POST',
      url: `/api/v1/auctions/${auction.id}/clear`,
      headers: riskManager,
    });
    expect(cleared.statusCode).toBe(200);
    const hour = cleared
      .json<{ hours: { hour: number; cleared: boolean; price: number; volume: number }[] }>()
      .hours.find((h) => h.hour === 7)!;
    expect(hour).toMatchObject({ cleared: true, volume: 8 });
    expect(hour.price).toBeGreaterThanOrEqual(50);
    expect(hour.price).toBeLessThanOrEqual(60);

    const mine = await t.app.inject({
      method: 'GET',
      url: `/api/v1/auctions/${auction.id}/results`,
      headers: alice,
    });
    expect(mine.json()).toMatchObject({
      status: 'cleared',
      mine: [{ hour: 7, side: 'bid', submitted: 10, accepted: 8 }],
    });
    const theirs = await t.app.inject({
      method: 'GET',
      url: `/api/v1/auctions/${auction.id}/results`,
      headers: bob,
    });
    expect(theirs.json()).toMatchObject({
      mine: [{ hour: 7, side: 'offer', submitted: 8, accepted: 8 }],
    });

    const again = await t.app.inject({
      method: 'POST',
      url: `/api/v1/auctions/${auction.id}/clear`,
      headers: riskManager,
    });
    expect(again.statusCode).toBe(409);
  });

  it('refuses a curve for an hour the delivery day does not have', async () => {
    const res = await curve(alice, auctions[1]!.id, {
      hour: 24,
      side: 'bid',
      steps: [{ price: 50, quantity: 1 }],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ errors: [{ field: 'hour', rule: 'delivery_hour' }] });
  });

  it('refuses a trader clearing an auction', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/auctions/${auctions[1]!.id}/clear`,
      headers: alice,
    });
    expect(res.statusCode).toBe(403);
  });

  // Last: it moves the shared clock past every gate.
  it('refuses curves once the gate has closed', async () => {
    const auction = auctions[1]!;
    expect(
      (
        await curve(alice, auction.id, {
          hour: 3,
          side: 'bid',
          steps: [{ price: 45, quantity: 2 }],
        })
      ).statusCode,
    ).toBe(201);
    clock.set(Date.parse(auction.gateClosure));
    // The access token was issued on the old time; sign in again on the new one.
    const late = await curve(bearer((await login(t.app, 'trader')).token), auction.id, {
      hour: 3,
      side: 'bid',
      steps: [{ price: 45, quantity: 3 }],
    });
    expect(late.statusCode).toBe(409);
    expect(late.json()).toMatchObject({ code: 'auction_closed' });
  });
});

describe('listing auctions', () => {
  it('writes nothing: a GET on a new day leaves the auction tables as they were', async () => {
    const day = new ManualClock(Date.UTC(2026, 0, 5, 9, 0, 0));
    const t = await startTestApp({ clock: day });
    try {
      const db = tradingDb(t.platform.dbs.db);
      const tables = async () => ({
        auctions: await db.selectFrom('auctions').selectAll().orderBy('id').execute(),
        curves: await db.selectFrom('auction_curves').selectAll().execute(),
        results: await db.selectFrom('auction_results').selectAll().execute(),
      });
      const before = await tables();
      expect(before.auctions.length).toBeGreaterThan(0);
      // Two days on, tomorrow has no auction yet; only the scheduler may open it.
      day.advance(2 * 24 * 3600_000);
      const listed = await t.app.inject({
        method: 'GET',
        url: '/api/v1/auctions',
        headers: bearer((await login(t.app, 'trader')).token),
      });
      expect(listed.statusCode).toBe(200);
      expect(await tables()).toEqual(before);
    } finally {
      await t.close();
    }
  });
});
