import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WS_PROTOCOL } from '../../app.js';
import { bearer, login, startTestApp, type TestApp } from '../../test-support/harness.js';
import { startTwoInstances } from '../../test-support/two-instances.js';

interface TestSocket {
  on(event: 'message', listener: (data: Buffer) => void): void;
  send(data: string): void;
  terminate(): void;
}

/** A WebSocket on the app that collects what the server sends. */
async function connect(t: TestApp, token: string) {
  const socket = (await t.app.injectWS('/api/v1/stream', {
    headers: { 'sec-websocket-protocol': `${WS_PROTOCOL}, bearer.${token}` },
  })) as TestSocket;
  const received: Record<string, unknown>[] = [];
  const waiters: (() => void)[] = [];
  socket.on('message', (data) => {
    received.push(JSON.parse(data.toString()) as Record<string, unknown>);
    waiters.splice(0).forEach((w) => w());
  });
  const next = async (type: string): Promise<Record<string, unknown>> => {
    for (;;) {
      const found = received.findIndex((m) => m.type === type);
      if (found >= 0) return received.splice(found, 1)[0]!;
      await new Promise<void>((resolve) => waiters.push(resolve));
    }
  };
  return {
    socket,
    next,
    pending: (type: string) => received.filter((m) => m.type === type),
    send: (m: unknown) => socket.send(typeof m === 'string' ? m : JSON.stringify(m)),
  };
}

const ingest = (t: TestApp, token: string, price: number, time: string) =>
  t.app.inject({
    method: 'POST',
    url: '/api/v1/market-data/ticks',
    headers: bearer(token),
    payload: { ticks: [{ instrumentId: 'PWR-DE-LU-DA-H', time, price, volume: 3 }] },
  });

let a: TestApp;
beforeAll(async () => {
  a = await startTestApp();
});
afterAll(() => a.close());

describe('market-data stream', () => {
  it('pushes ticks of subscribed instruments and stops after unsubscribe', async () => {
    const trader = (await login(a.app, 'trader')).token;
    const analyst = (await login(a.app, 'analyst')).token;
    const ws = await connect(a, trader);
    ws.send({ type: 'subscribe', channel: 'ticks', instruments: ['PWR-DE-LU-DA-H'] });
    expect(await ws.next('subscribed')).toMatchObject({
      channel: 'ticks',
      instruments: ['PWR-DE-LU-DA-H'],
    });
    await ingest(a, analyst, 91.25, '2026-01-05T10:15:00Z');
    expect(await ws.next('tick')).toEqual({
      type: 'tick',
      instrumentId: 'PWR-DE-LU-DA-H',
      time: '2026-01-05T10:15:00.000Z',
      price: 91.25,
      volume: 3,
    });
    ws.send({ type: 'unsubscribe', channel: 'ticks', instruments: ['PWR-DE-LU-DA-H'] });
    await ws.next('unsubscribed');
    await ingest(a, analyst, 92, '2026-01-05T10:16:00Z');
    // A round trip after the ingest proves no tick was queued before it.
    ws.send({ type: 'subscribe', channel: 'ticks', instruments: ['PWR-FR-DA-H'] });
    await ws.next('subscribed');
    expect(ws.pending('tick')).toEqual([]);
    ws.socket.terminate();
  });

  it('answers a bad message or an unknown instrument with an error, keeping the connection', async () => {
    const ws = await connect(a, (await login(a.app, 'viewer')).token);
    ws.send('not json');
    expect((await ws.next('error')).message).toMatch(/expected/);
    ws.send({ type: 'subscribe', channel: 'ticks', instruments: ['PWR-XX'] });
    expect((await ws.next('error')).message).toBe('unknown instruments: PWR-XX');
    ws.send({ type: 'subscribe', channel: 'bars', instruments: ['GAS-TTF-DA'] });
    expect(await ws.next('subscribed')).toMatchObject({ channel: 'bars' });
    ws.socket.terminate();
  });

  it('refuses a connection without a valid token', async () => {
    await expect(
      a.app.injectWS('/api/v1/stream', {
        headers: { 'sec-websocket-protocol': `${WS_PROTOCOL}, bearer.nope` },
      }),
    ).rejects.toThrow();
  });

  it.skipIf(!process.env.REDIS_URL || !process.env.DATABASE_URL)(
    'delivers a tick ingested on one instance to a subscriber on another',
    async () => {
      const [one, two] = await startTwoInstances();
      try {
        // Both read their namespace off the one database they share.
        expect(two.platform.redisPrefix).toBe(one.platform.redisPrefix);
        const ws = await connect(two, (await login(two.app, 'trader')).token);
        ws.send({ type: 'subscribe', channel: 'ticks', instruments: ['PWR-DE-LU-DA-H'] });
        await ws.next('subscribed');
        await ingest(one, (await login(one.app, 'analyst')).token, 77.7, '2026-01-05T11:00:00Z');
        expect(await ws.next('tick')).toMatchObject({
          price: 77.7,
          time: '2026-01-05T11:00:00.000Z',
        });
        ws.socket.terminate();
      } finally {
        await one.close();
        await two.close();
      }
    },
  );
});
