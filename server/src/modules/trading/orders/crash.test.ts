import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  call,
  freshSchema,
  loginAs,
  startServer as startServerAs,
} from '../../../test-support/server-process.js';

/**
 * Kills the real server with SIGKILL in the middle of a stream of crossing
 * orders, restarts it on the same data and checks that what was acknowledged
 * survived exactly once and that the books were rebuilt as they were.
 */
const ADMIN_PASSWORD = 'Crash-Test-Admin-9';
const INSTRUMENT = 'PWR-DE-LU-FUT-M-BASE';
const startServer = (env: Record<string, string>) => startServerAs(env, ADMIN_PASSWORD);

describe('crash recovery', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'eo-crash-'));
  const cleanups: (() => Promise<void> | void)[] = [
    () => rmSync(dataDir, { recursive: true, force: true }),
  ];
  afterAll(async () => {
    for (const c of cleanups.reverse()) await c();
  });

  it('keeps every acknowledged order and trade exactly once and rebuilds the book after SIGKILL', async () => {
    const env: Record<string, string> = { DATA_DIR: dataDir };
    if (process.env.DATABASE_URL) {
      const schema = await freshSchema(process.env.DATABASE_URL, 'crash');
      env.DATABASE_URL = schema.url;
      cleanups.push(() => schema.drop());
    }
    if (process.env.REDIS_URL) env.REDIS_URL = process.env.REDIS_URL;

    let server = await startServer(env);
    cleanups.push(() => {
      server.child.kill('SIGKILL');
    });
    const adminToken = await loginAs(server.base, 'admin', ADMIN_PASSWORD);
    for (const username of ['crash-a', 'crash-b']) {
      await call(server.base, 'POST', '/api/v1/users', adminToken, {
        username,
        displayName: username,
        password: ADMIN_PASSWORD,
        roles: ['trader'],
      });
    }
    const tokens = {
      'crash-a': await loginAs(server.base, 'crash-a', ADMIN_PASSWORD),
      'crash-b': await loginAs(server.base, 'crash-b', ADMIN_PASSWORD),
    };

    // Two accounts stream alternating orders around a mid, so most of them cross.
    const acknowledged = new Map<
      string,
      { account: string; id: string; sent: Record<string, unknown> }
    >();
    const ackTrades = new Set<string>();
    let stop = false;
    const stream = async (account: 'crash-a' | 'crash-b', side: 'buy' | 'sell') => {
      for (let i = 0; !stop; i++) {
        const clientOrderId = `${account}-${i}`;
        const price = 80 + ((i * 7) % 11) * 0.5 + (side === 'buy' ? 1 : -1);
        const sent = {
          clientOrderId,
          instrumentId: INSTRUMENT,
          side,
          type: 'limit',
          price,
          quantity: 1 + (i % 3),
          timeInForce: 'GTC',
        };
        const res = await call(server.base, 'POST', '/api/v1/orders', tokens[account], sent).catch(
          () => undefined,
        );
        if (!res) return;
        if (res.status === 201 || res.status === 200) {
          const body = res.body as { order: { id: string }; trades: { id: string }[] };
          // The two streams of an account share client order ids; the one placed first owns it.
          if (res.status === 201)
            acknowledged.set(`${account}/${clientOrderId}`, { account, id: body.order.id, sent });
          for (const t of body.trades) ackTrades.add(t.id);
        }
      }
    };
    const streams = [
      stream('crash-a', 'buy'),
      stream('crash-b', 'sell'),
      stream('crash-a', 'sell'),
      stream('crash-b', 'buy'),
    ];
    while (acknowledged.size < 100 && streams.length > 0)
      await new Promise((r) => setTimeout(r, 20));
    server.child.kill('SIGKILL');
    stop = true;
    await Promise.all(streams);
    if (server.child.exitCode === null && server.child.signalCode === null)
      await new Promise((r) => server.child.once('exit', r));

    server = await startServer(env);
    const a = await loginAs(server.base, 'crash-a', ADMIN_PASSWORD);
    const b = await loginAs(server.base, 'crash-b', ADMIN_PASSWORD);
    const orders = new Map<
      string,
      {
        id: string;
        clientOrderId: string;
        status: string;
        remainingQuantity: number;
        price: number;
        side: string;
      }
    >();
    for (const [account, token] of [
      ['crash-a', a],
      ['crash-b', b],
    ] as const) {
      for (let offset = 0; ; offset += 500) {
        const page = (
          await call(server.base, 'GET', `/api/v1/orders?limit=500&offset=${offset}`, token)
        ).body as {
          items: {
            id: string;
            clientOrderId: string;
            status: string;
            remainingQuantity: number;
            price: number;
            side: string;
          }[];
        };
        for (const o of page.items) {
          expect(orders.has(`${account}/${o.clientOrderId}`)).toBe(false);
          orders.set(`${account}/${o.clientOrderId}`, o);
        }
        if (page.items.length < 500) break;
      }
    }
    for (const [key, ack] of acknowledged) expect(orders.get(key)?.id, key).toBe(ack.id);

    const trades = (
      await call(server.base, 'GET', `/api/v1/trades?instrumentId=${INSTRUMENT}&limit=500`, a)
    ).body as { items: { id: string }[] };
    const tradeIds = trades.items.map((t) => t.id);
    expect(new Set(tradeIds).size).toBe(tradeIds.length);
    for (const id of ackTrades) expect(tradeIds).toContain(id);

    // The rebuilt book holds exactly the open orders the database says are open.
    const book = (await call(server.base, 'GET', `/api/v1/orderbook/${INSTRUMENT}?depth=100`, a))
      .body as {
      bids: { price: number; quantity: number }[];
      asks: { price: number; quantity: number }[];
    };
    const expected = { bids: new Map<number, number>(), asks: new Map<number, number>() };
    for (const o of orders.values()) {
      if (o.status !== 'accepted' && o.status !== 'partially_filled') continue;
      const side = o.side === 'buy' ? expected.bids : expected.asks;
      side.set(o.price, (side.get(o.price) ?? 0) + o.remainingQuantity);
    }
    const asMap = (levels: { price: number; quantity: number }[]) =>
      new Map(levels.map((l) => [l.price, l.quantity]));
    expect(asMap(book.bids)).toEqual(expected.bids);
    expect(asMap(book.asks)).toEqual(expected.asks);

    // A retry of an acknowledged order after the restart is recognised, not placed twice.
    const first = [...acknowledged.values()][0]!;
    const retry = await call(
      server.base,
      'POST',
      '/api/v1/orders',
      first.account === 'crash-a' ? a : b,
      first.sent,
    );
    expect(retry.status).toBe(200);
    expect((retry.body as { order: { id: string } }).order.id).toBe(first.id);
    server.child.kill('SIGKILL');
  }, 240_000);
});
