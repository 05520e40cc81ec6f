import fastifyWebsocket from '@fastify/websocket';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from '../http/access.js';
import { createStreamHub } from './hub.js';
import { registerStreamRoute } from './route.js';

/** The client end of an injected WebSocket, as far as these tests use it. */
interface ClientSocket {
  on(event: 'message', listener: (data: Buffer) => void): void;
  on(event: 'ping' | 'close', listener: () => void): void;
  send(data: string): void;
  pong(): void;
  terminate(): void;
}

const trader: Principal = {
  kind: 'user',
  userId: 'u1',
  username: 'trader',
  roles: ['trader'],
  permissions: new Set(),
};
const once = (socket: ClientSocket, event: 'ping' | 'close') =>
  new Promise<void>((resolve) => socket.on(event, resolve));

/*
 * The hub on real `ws` sockets, behind a route whose caller a stand-in gateway has
 * already authenticated: pings reach the client as protocol frames (a browser answers
 * them by itself), and one that never answers is cut off.
 */
describe('a stream route on real sockets', () => {
  let app: FastifyInstance;
  const hub = createStreamHub<string>({
    channels: { news: { keyed: false } },
    maxBufferedBytes: 1024 * 1024,
    heartbeatMs: 0,
  });

  beforeAll(async () => {
    app = Fastify();
    await app.register(fastifyWebsocket);
    app.addHook('onRequest', async (request) => {
      request.principal = trader;
    });
    registerStreamRoute(
      app,
      { url: '/stream', access: 'authenticated', tags: [], summary: 'test stream' },
      hub,
      (p) => p.username,
    );
    await app.ready();
  });
  afterAll(async () => {
    hub.close();
    await app.close();
  });

  it('tells the hub who connected and delivers what it publishes', async () => {
    const ws = (await app.injectWS('/stream')) as unknown as ClientSocket;
    const received: unknown[] = [];
    const arrived = new Promise<void>((resolve) =>
      ws.on('message', (data) => {
        received.push(JSON.parse(String(data)));
        if (received.length === 2) resolve();
      }),
    );
    ws.send(JSON.stringify({ type: 'subscribe', channel: 'news' }));
    await new Promise<void>((resolve) => ws.on('message', () => resolve()));
    hub.publishEach('news', undefined, (viewer) => ({ type: 'news', for: viewer }));
    await arrived;
    expect(received).toEqual([
      { type: 'subscribed', channel: 'news' },
      { type: 'news', for: 'trader' },
    ]);
    ws.terminate();
  });

  it('pings the client and cuts off one that did not answer by the next beat', async () => {
    const silent = (await app.injectWS('/stream')) as unknown as ClientSocket;
    const pinged = once(silent, 'ping');
    const closed = once(silent, 'close');
    hub.heartbeat();
    await pinged;
    hub.heartbeat();
    await closed;
    expect(hub.size).toBe(0);
  });
});
