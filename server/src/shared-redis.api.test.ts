import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WS_PROTOCOL } from './app.js';
import { ManualClock } from './platform/clock.js';
import { hourlyWalk, ingestCloses, riskDesk } from './modules/risk/test-support.js';
import { limitOrder } from './modules/trading/test-support.js';
import { startTestApp, type TestApp } from './test-support/harness.js';

const NOW = Date.UTC(2026, 5, 1, 8);
const BOOK = 'PWR-NL-FUT-M-BASE';

type Message = Record<string, unknown>;

interface TestSocket {
  on(event: 'message', listener: (data: Buffer) => void): void;
  send(data: string): void;
  terminate(): void;
}

/** A stream connection that keeps what arrives and waits for the first message that matches. */
async function connect(t: TestApp, url: string, headers: Record<string, string>) {
  const token = headers.authorization!.slice('Bearer '.length);
  const socket = (await t.app.injectWS(url, {
    headers: { 'sec-websocket-protocol': `${WS_PROTOCOL}, bearer.${token}` },
  })) as TestSocket;
  const received: Message[] = [];
  const waiting: { match(m: Message): boolean; resolve(m: Message): void }[] = [];
  socket.on('message', (data) => {
    const message = JSON.parse(String(data)) as Message;
    received.push(message);
    for (const w of [...waiting]) {
      if (!w.match(message)) continue;
      waiting.splice(waiting.indexOf(w), 1);
      w.resolve(message);
    }
  });
  const next = (match: (m: Message) => boolean): Promise<Message> => {
    const seen = received.find(match);
    return seen
      ? Promise.resolve(seen)
      : new Promise((resolve) => waiting.push({ match, resolve }));
  };
  return { socket, received, next, send: (m: Message) => socket.send(JSON.stringify(m)) };
}

const orderId = (m: Message) => (m.order as { id: string }).id;
const runOf = (m: Message) => m.run as { runId: string; status: string };

/*
 * Two deployments (each its own database) on one Redis, with the prefix each derives
 * from its database, as in production. Redis hands a subscriber its messages in the
 * order they were published, so once Y has seen a message Y itself published after X's,
 * anything of X's that could reach Y has reached it: no waiting for an absence.
 */
describe.skipIf(!process.env.REDIS_URL)(
  'deployments sharing one Redis (needs REDIS_URL, skipped without it)',
  () => {
    let x: TestApp;
    let y: TestApp;
    let deskX: Awaited<ReturnType<typeof riskDesk>>;
    let deskY: Awaited<ReturnType<typeof riskDesk>>;

    beforeAll(async () => {
      x = await startTestApp({ clock: new ManualClock(NOW) });
      y = await startTestApp({ clock: new ManualClock(NOW) });
      deskX = await riskDesk(x.app);
      deskY = await riskDesk(y.app);
    });
    afterAll(async () => {
      await x?.close();
      await y?.close();
    });

    it('gives each deployment its own Redis namespace', () => {
      expect(x.platform.redisPrefix).toMatch(/^eo:[0-9a-f]{16}:$/);
      expect(y.platform.redisPrefix).not.toBe(x.platform.redisPrefix);
    });

    it('uses REDIS_PREFIX as given instead of the derived one', async () => {
      const named = await startTestApp({
        env: { REDIS_PREFIX: `desk-${Date.now().toString(36)}` },
      });
      try {
        expect(named.platform.redisPrefix).toMatch(/^desk-[0-9a-z]+:$/);
      } finally {
        await named.close();
      }
    });

    it("does not stream one deployment's orders or book to a trader of the other", async () => {
      const subscribe = async (t: TestApp, headers: Record<string, string>) => {
        const ws = await connect(t, '/api/v1/trading/stream', headers);
        ws.send({ type: 'subscribe', channel: 'orders' });
        ws.send({ type: 'subscribe', channel: 'book', instruments: [BOOK] });
        await ws.next((m) => m.type === 'subscribed' && m.channel === 'orders');
        await ws.next((m) => m.type === 'book');
        return ws;
      };
      const onX = await subscribe(x, deskX.alice);
      const onY = await subscribe(y, deskY.alice);
      const place = async (t: TestApp, headers: Record<string, string>, price: number) => {
        const res = await t.app.inject({
          method: 'POST',
          url: '/api/v1/orders',
          headers,
          payload: { ...limitOrder('buy', price, 2), instrumentId: BOOK },
        });
        expect(res.statusCode, res.body).toBe(201);
        return res.json<{ order: { id: string } }>().order.id;
      };

      const xOrder = await place(x, deskX.alice, 61.5);
      await onX.next((m) => m.type === 'order' && orderId(m) === xOrder);
      const yOrder = await place(y, deskY.alice, 48.25);
      await onY.next((m) => m.type === 'order' && orderId(m) === yOrder);
      await onY.next((m) => m.type === 'book' && (m.bids as unknown[]).length > 0);

      expect(onY.received.filter((m) => m.type === 'order').map(orderId)).toEqual([yOrder]);
      const yBids = onY.received
        .filter((m) => m.type === 'book')
        .flatMap((m) => m.bids as { price: number }[]);
      expect(yBids.map((b) => b.price)).not.toContain(61.5);
      onX.socket.terminate();
      onY.socket.terminate();
    });

    it("does not serve or stream one deployment's VaR run to the other", async () => {
      await ingestCloses(x.app, deskX.admin, BOOK, hourlyWalk(31, 200, 60, 1, NOW));
      await ingestCloses(y.app, deskY.admin, BOOK, hourlyWalk(32, 200, 60, 1, NOW));
      const onX = await connect(x, '/api/v1/risk/stream', deskX.alice);
      const onY = await connect(y, '/api/v1/risk/stream', deskY.alice);
      const start = async (t: TestApp, headers: Record<string, string>) => {
        const res = await t.app.inject({
          method: 'POST',
          url: '/api/v1/risk/var/runs',
          headers,
          payload: { method: 'montecarlo', book: 'trader', scenarios: 2_000, seed: 3 },
        });
        expect(res.statusCode, res.body).toBe(202);
        return res.json<{ runId: string }>().runId;
      };

      const xRun = await start(x, deskX.alice);
      await onX.next(
        (m) => m.type === 'var-run' && runOf(m).runId === xRun && runOf(m).status !== 'running',
      );
      const yRun = await start(y, deskY.alice);
      await onY.next(
        (m) => m.type === 'var-run' && runOf(m).runId === yRun && runOf(m).status !== 'running',
      );

      expect(
        new Set(onY.received.filter((m) => m.type === 'var-run').map((m) => runOf(m).runId)),
      ).toEqual(new Set([yRun]));
      for (const headers of [deskY.alice, deskY.risk]) {
        const fetched = await y.app.inject({
          method: 'GET',
          url: `/api/v1/risk/var/runs/${xRun}`,
          headers,
        });
        expect(fetched.statusCode).toBe(404);
      }
      expect(
        (
          await x.app.inject({
            method: 'GET',
            url: `/api/v1/risk/var/runs/${xRun}`,
            headers: deskX.alice,
          })
        ).statusCode,
      ).toBe(200);
      onX.socket.terminate();
      onY.socket.terminate();
    });

    it("keeps one deployment's cache entries and rate-limit counts from the other", async () => {
      await x.platform.cache.set('bars:PWR-NL-FUT-M-BASE:1h', 'from x', 60);
      expect(await x.platform.cache.get('bars:PWR-NL-FUT-M-BASE:1h')).toBe('from x');
      expect(await y.platform.cache.get('bars:PWR-NL-FUT-M-BASE:1h')).toBeUndefined();

      await x.platform.rateLimits.hit('user:shared-name', 60_000);
      await x.platform.rateLimits.hit('user:shared-name', 60_000);
      expect((await y.platform.rateLimits.hit('user:shared-name', 60_000)).count).toBe(1);
    });
  },
);
