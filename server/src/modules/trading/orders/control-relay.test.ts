import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InProcessBus } from '../../../platform/bus/bus.js';
import { systemClock } from '../../../platform/clock.js';
import { openPlatform, type Platform } from '../../../platform/runtime.js';
import { Desk } from '../desk.js';
import { continuousInstruments } from '../instruments.js';
import { FUTURE } from '../test-support.js';
import { soleOwner, type BookLease } from './book-lease.js';
import { ownedElsewhere } from './book-lease-rules.js';
import { ControlRelay } from './control-relay.js';
import { controlOwnedBook, createMarketControls } from './service-controls.js';
import { createOrderService, type PlaceOrderInput } from './service.js';

/**
 * Two desks on one log and one bus, as two instances are: A owns every book, B none.
 * Whatever B is asked to halt, A halts; B's credit checks see the orders resting in A's books.
 */
describe('market controls and credit across two instances', () => {
  let platform: Platform;
  const bus = new InProcessBus();
  const instruments = continuousInstruments();
  const desks: Desk[] = [];
  const relays: ControlRelay[] = [];

  const ownsNothing: BookLease = {
    instanceId: 'api-b',
    sharesBooks: true,
    write: () => Promise.reject(new Error('api-b owns no book')),
    owns: () => false,
    refusal: (id) => ownedElsewhere(id, { kind: 'elsewhere', owner: 'api-a' }, 'api-b'),
    start: async () => undefined,
    keepTaking: () => undefined,
    stop: async () => undefined,
  };

  async function instance(lease: BookLease, timeoutMs = 5000) {
    const desk = new Desk({
      db: platform.dbs.db,
      bus,
      instruments,
      lease,
      onPublishError: () => undefined,
    });
    await desk.start();
    const relay = new ControlRelay({
      bus,
      owns: (id) => desk.owns(id),
      apply: controlOwnedBook(desk, systemClock),
      timeoutMs,
    });
    await relay.start();
    desks.push(desk);
    relays.push(relay);
    return { desk, relay, controls: createMarketControls({ desk, clock: systemClock, relay }) };
  }

  let a: Awaited<ReturnType<typeof instance>>;
  let b: Awaited<ReturnType<typeof instance>>;

  beforeAll(async () => {
    platform = await openPlatform({ dataDir: 'memory' });
    a = await instance({ ...soleOwner(platform.dbs.db, 'api-a'), sharesBooks: true });
    b = await instance(ownsNothing);
  });
  afterAll(async () => {
    for (const relay of relays) await relay.stop();
    for (const desk of desks) await desk.stop();
    await platform.close();
  });

  it('engages the kill switch on books the receiving instance does not own, and releases it', async () => {
    const engaged = await b.controls.setKillSwitch(true);
    expect(engaged.killSwitch).toBe(true);
    expect(engaged.books).toHaveLength(instruments.length);
    // The owner's books, not B's copies, are the ones halted.
    for (const instrument of instruments)
      expect(a.desk.writer(instrument.id)?.state.book.ctx.killSwitch).toBe(true);
    expect(a.controls.state().killSwitch).toBe(true);

    const released = await b.controls.setKillSwitch(false);
    expect(released.killSwitch).toBe(false);
    for (const instrument of instruments)
      expect(a.desk.writer(instrument.id)?.state.book.ctx.killSwitch).toBe(false);
  });

  it('halts and resumes one book through its owner, with the halt in the owner log', async () => {
    expect(await b.controls.halt(FUTURE)).toEqual({
      instrumentId: FUTURE,
      halted: true,
      killSwitch: false,
    });
    expect(a.desk.writer(FUTURE)?.state.book.ctx.halted).toBe(true);
    await expect(b.controls.halt(FUTURE)).rejects.toMatchObject({ code: 'book_halted' });
    expect((await b.controls.resume(FUTURE)).halted).toBe(false);
    expect(a.desk.writer(FUTURE)?.state.book.ctx.halted).toBe(false);
  });

  it("sees an account's orders resting in books another instance owns when it adds up credit", async () => {
    const orders = createOrderService({
      db: platform.dbs.db,
      desk: a.desk,
      clock: systemClock,
      checks: [],
    });
    const rest = (n: number, side: 'buy' | 'sell', price: number, quantity: number) =>
      orders.place('relay-trader', {
        clientOrderId: `relay-${n}`,
        instrumentId: FUTURE,
        side,
        type: 'limit',
        price,
        quantity,
        timeInForce: 'GTC',
      } satisfies PlaceOrderInput);
    await rest(1, 'buy', 70, 3);
    await rest(2, 'buy', 70, 2);
    await rest(3, 'sell', 95, 1);
    const lines = [...b.desk.preTrade.openOrders('relay-trader')];
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          instrumentId: FUTURE,
          side: 'buy',
          priceTicks: 7000,
          remainingLots: 5,
        }),
        expect.objectContaining({
          instrumentId: FUTURE,
          side: 'sell',
          priceTicks: 9500,
          remainingLots: 1,
        }),
      ]),
    );
    expect(lines).toHaveLength(2);
    expect([...b.desk.preTrade.openOrders('someone-else')]).toEqual([]);
  });

  it('answers 503 naming the book when its owner does not answer', async () => {
    const orphan = await instance(ownsNothing, 50);
    await a.relay.stop();
    await expect(orphan.controls.halt(FUTURE)).rejects.toMatchObject({
      kind: 'unavailable',
      code: 'control_not_recorded',
      extra: { instrumentId: FUTURE },
    });
  });
});
