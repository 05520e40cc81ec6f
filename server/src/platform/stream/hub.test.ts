import { describe, expect, it } from 'vitest';
import { createStreamHub, GOING_AWAY, TRY_AGAIN_LATER, type StreamHubOptions } from './hub.js';
import { TestSocket } from './test-socket.js';

interface Viewer {
  username: string;
}

/** A stream with one channel per instrument, one whole channel and one every client follows. */
function hub(opts: Partial<StreamHubOptions<Viewer>> = {}) {
  return createStreamHub<Viewer>({
    channels: {
      prices: {
        keyed: true,
        refuse: (keys) => (keys.includes('NOPE') ? `unknown instruments: NOPE` : undefined),
        snapshot: (key) => ({ type: 'snapshot', key }),
      },
      news: { keyed: false },
    },
    maxBufferedBytes: 1024,
    heartbeatMs: 0,
    ...opts,
  });
}

const connect = (h: ReturnType<typeof hub>, username = 'trader') => {
  const socket = new TestSocket();
  h.attach(socket, { username });
  return socket;
};

describe('the stream hub', () => {
  it('sends a follower the current state, then the updates of what it subscribed to and nothing else', () => {
    const h = hub();
    const socket = connect(h);
    socket.receive({ type: 'subscribe', channel: 'prices', instruments: ['A'] });
    h.publish('prices', 'A', { type: 'price', key: 'A' });
    h.publish('prices', 'B', { type: 'price', key: 'B' });
    h.publish('news', undefined, { type: 'news' });
    expect(socket.sent).toEqual([
      { type: 'snapshot', key: 'A' },
      { type: 'subscribed', channel: 'prices', instruments: ['A'] },
      { type: 'price', key: 'A' },
    ]);
  });

  it('stops sending a key or a whole channel once the client unsubscribes', () => {
    const h = hub();
    const socket = connect(h);
    socket.receive({ type: 'subscribe', channel: 'prices', instruments: ['A', 'B'] });
    socket.receive({ type: 'subscribe', channel: 'news' });
    socket.receive({ type: 'unsubscribe', channel: 'prices', instruments: ['A'] });
    socket.receive({ type: 'unsubscribe', channel: 'news' });
    h.publish('prices', 'A', { type: 'price', key: 'A' });
    h.publish('prices', 'B', { type: 'price', key: 'B' });
    h.publish('news', undefined, { type: 'news' });
    expect(socket.of('unsubscribed')).toEqual([
      { type: 'unsubscribed', channel: 'prices', instruments: ['A'] },
      { type: 'unsubscribed', channel: 'news' },
    ]);
    expect(socket.of('price')).toEqual([{ type: 'price', key: 'B' }]);
    expect(socket.of('news')).toEqual([]);
  });

  it('lets the module decide per client what it may see of a message', () => {
    const h = hub();
    const mine = connect(h, 'trader');
    const theirs = connect(h, 'trader2');
    for (const s of [mine, theirs]) s.receive({ type: 'subscribe', channel: 'news' });
    h.publishEach('news', undefined, (viewer) =>
      viewer.username === 'trader' ? { type: 'news', for: viewer.username } : undefined,
    );
    expect(mine.of('news')).toEqual([{ type: 'news', for: 'trader' }]);
    expect(theirs.of('news')).toEqual([]);
  });

  it('closes a client whose send buffer is over the limit with 1013 and keeps serving the others', () => {
    const h = hub();
    const slow = connect(h);
    const fast = connect(h);
    for (const s of [slow, fast]) s.receive({ type: 'subscribe', channel: 'news' });
    h.publish('news', undefined, { type: 'news', n: 1 });
    slow.bufferedAmount = 4096;
    h.publish('news', undefined, { type: 'news', n: 2 });
    h.publish('news', undefined, { type: 'news', n: 3 });
    expect(slow.closed).toEqual({
      code: TRY_AGAIN_LATER,
      reason: 'client too slow: send buffer over limit',
    });
    expect(slow.of('news')).toHaveLength(1);
    expect(fast.of('news')).toHaveLength(3);
    expect(h.size).toBe(1);
  });

  it('pings every client and drops one that did not answer the previous ping', () => {
    const h = hub();
    const answering = connect(h);
    const silent = connect(h);
    h.heartbeat();
    expect([answering.pings, silent.pings]).toEqual([1, 1]);
    answering.pong();
    h.heartbeat();
    expect(silent.terminated).toBe(true);
    expect(answering.terminated).toBe(false);
    expect(answering.pings).toBe(2);
    expect(h.size).toBe(1);
  });

  it('counts a message from the client as a sign of life', () => {
    const h = hub();
    const socket = connect(h);
    h.heartbeat();
    socket.receive({ type: 'ping' });
    h.heartbeat();
    expect(socket.terminated).toBe(false);
    expect(socket.of('pong')).toHaveLength(1);
  });

  it('answers a message it does not take, or keys the module refuses, with an error and keeps the connection', () => {
    const h = hub();
    const socket = connect(h);
    socket.receive('not json');
    socket.receive({ type: 'subscribe', channel: 'weather', instruments: ['A'] });
    socket.receive({ type: 'subscribe', channel: 'prices' });
    socket.receive({ type: 'subscribe', channel: 'prices', instruments: ['A', 'NOPE'] });
    const errors = socket.of('error').map((m) => m.message);
    expect(errors.slice(0, 3)).toEqual(
      Array(3).fill(
        'expected {"type":"subscribe"|"unsubscribe","channel":"prices"|"news","instruments":[...]}',
      ),
    );
    expect(errors[3]).toBe('unknown instruments: NOPE');
    expect(socket.closed).toBeUndefined();
  });

  it('refuses subscriptions past the per-connection limit', () => {
    const h = hub({ maxSubscriptions: 2 });
    const socket = connect(h);
    socket.receive({ type: 'subscribe', channel: 'prices', instruments: ['A', 'B'] });
    socket.receive({ type: 'subscribe', channel: 'prices', instruments: ['B'] });
    socket.receive({ type: 'subscribe', channel: 'prices', instruments: ['C'] });
    expect(socket.of('subscribed')).toHaveLength(2);
    expect(socket.of('error')).toEqual([
      { type: 'error', message: 'at most 2 subscriptions per connection' },
    ]);
  });

  it('has every client follow the automatic channels from the start, telling it so', () => {
    const h = createStreamHub<Viewer>({
      channels: { alerts: { keyed: false, automatic: true } },
      maxBufferedBytes: 1024,
      heartbeatMs: 0,
      usage: 'takes only ping',
    });
    const socket = connect(h);
    h.publish('alerts', undefined, { type: 'alert' });
    socket.receive({ type: 'unsubscribe', channel: 'alerts' });
    expect(socket.sent).toEqual([
      { type: 'subscribed', channels: ['alerts'] },
      { type: 'alert' },
      { type: 'error', message: 'takes only ping' },
    ]);
  });

  it('forgets a client that disconnected, and closes the rest on shutdown', () => {
    const h = hub();
    const gone = connect(h);
    const staying = connect(h);
    gone.close(1000, 'page closed');
    expect(h.size).toBe(1);
    h.close();
    expect(staying.closed).toEqual({ code: GOING_AWAY, reason: 'server shutting down' });
    expect(h.size).toBe(0);
  });
});
