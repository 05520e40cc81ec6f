import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, login, startTestApp, type TestApp } from '../../../test-support/harness.js';
import { loadState } from './desk-state.js';
import { knownInstrument } from '../instruments.js';
import { tradingDb } from '../tables.js';
import { limitOrder, twoTraders } from '../test-support.js';

interface DeskControl {
  killSwitch: boolean;
  books: { instrumentId: string; halted: boolean; killSwitch: boolean }[];
}

describe('market controls', () => {
  let t: TestApp;
  let alice: Record<string, string>;
  let admin: Record<string, string>;
  let risk: Record<string, string>;
  const book = 'PWR-NL-FUT-Q-BASE';
  const other = 'PWR-FR-FUT-Y-BASE';

  beforeAll(async () => {
    t = await startTestApp();
    ({ alice, admin } = await twoTraders(t.app));
    risk = bearer((await login(t.app, 'risk')).token);
  });
  afterAll(async () => t.close());

  const post = (headers: Record<string, string>, url: string) =>
    t.app.inject({ method: 'POST', url, headers });
  const order = (instrumentId: string) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/orders',
      headers: alice,
      payload: { ...limitOrder('buy', 50, 1), instrumentId },
    });
  const controls = async () =>
    (
      await t.app.inject({ method: 'GET', url: '/api/v1/trading/controls', headers: alice })
    ).json<DeskControl>();

  it('lets a risk manager halt a book, which refuses orders until resumed, and records both in the audit trail and the log', async () => {
    const halted = await post(risk, `/api/v1/trading/books/${book}/halt`);
    expect(halted.statusCode).toBe(200);
    expect(halted.json()).toEqual({ instrumentId: book, halted: true, killSwitch: false });
    const refused = await order(book);
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({ code: 'order_rejected' });
    expect((await order(other)).statusCode).toBe(201);
    expect((await controls()).books.find((b) => b.instrumentId === book)).toMatchObject({
      halted: true,
    });
    const listed = await t.app.inject({
      method: 'GET',
      url: '/api/v1/trading/instruments',
      headers: alice,
    });
    expect(
      listed
        .json<{ items: { instrumentId: string; halted: boolean }[] }>()
        .items.find((i) => i.instrumentId === book),
    ).toMatchObject({ halted: true });

    // A book rebuilt from its log is halted as well.
    expect(
      (await loadState(tradingDb(t.platform.dbs.db), knownInstrument(book))).book.ctx.halted,
    ).toBe(true);

    const twice = await post(risk, `/api/v1/trading/books/${book}/halt`);
    expect(twice.statusCode).toBe(409);
    expect(twice.json()).toMatchObject({ code: 'book_halted' });
    expect((await post(risk, `/api/v1/trading/books/${book}/resume`)).json()).toMatchObject({
      halted: false,
    });
    expect((await order(book)).statusCode).toBe(201);

    const audit = await t.app.inject({
      method: 'GET',
      url: '/api/v1/audit?target=/api/v1/trading/books/:instrumentId/halt',
      headers: admin,
    });
    expect(
      audit
        .json<{ items: { actor: string; action: string }[] }>()
        .items.map((e) => [e.actor, e.action]),
    ).toEqual([
      ['user:risk', 'http.refused'],
      ['user:risk', 'http.request'],
    ]);
  });

  it('refuses a trader halting a book or engaging the kill switch', async () => {
    expect((await post(alice, `/api/v1/trading/books/${book}/halt`)).statusCode).toBe(403);
    const kill = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/trading/kill-switch',
      headers: alice,
      payload: { engaged: true },
    });
    expect(kill.statusCode).toBe(403);
  });

  it('halts every book with the kill switch and, on release, leaves a book halted by hand halted', async () => {
    await post(admin, `/api/v1/trading/books/${other}/halt`);
    const engaged = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/trading/kill-switch',
      headers: admin,
      payload: { engaged: true },
    });
    expect(engaged.json<DeskControl>()).toMatchObject({ killSwitch: true });
    expect(engaged.json<DeskControl>().books.every((b) => b.killSwitch)).toBe(true);
    expect((await order(book)).statusCode).toBe(422);

    const released = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/trading/kill-switch',
      headers: admin,
      payload: { engaged: false },
    });
    const state = released.json<DeskControl>();
    expect(state.killSwitch).toBe(false);
    expect(state.books.find((b) => b.instrumentId === other)).toEqual({
      instrumentId: other,
      halted: true,
      killSwitch: false,
    });
    expect((await order(book)).statusCode).toBe(201);
    expect((await order(other)).statusCode).toBe(422);
  });

  it('answers 404 for halting an instrument that does not exist', async () => {
    const res = await post(risk, '/api/v1/trading/books/PWR-XX-NOWHERE/halt');
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ code: 'instrument_not_found' });
  });
});
