import { describe, expect, it } from 'vitest';
import { FakeSocket, ManualTimers } from './fakeSocket';
import {
  createStreamClient,
  streamUrlFor,
  type StreamClientOptions,
  type StreamMessage,
  type StreamStatus,
} from './streamClient';

function setUp(overrides: Partial<StreamClientOptions> = {}) {
  const sockets: FakeSocket[] = [];
  const timers = new ManualTimers();
  const messages: StreamMessage[] = [];
  const serverErrors: string[] = [];
  const statuses: StreamStatus[] = [];
  let token: string | null = 'token-1';
  let unauthorised = 0;
  const client = createStreamClient({
    url: 'ws://desk.test/api/v1/some/stream',
    getToken: () => token,
    openSocket: (url, protocols) => {
      const socket = new FakeSocket(url, protocols);
      sockets.push(socket);
      return socket;
    },
    timers,
    onMessage: (message) => messages.push(message),
    onServerError: (message) => serverErrors.push(message),
    onStatus: (status) => statuses.push(status),
    onUnauthorised: () => unauthorised++,
    initialDelayMs: 1000,
    maxDelayMs: 8000,
    ...overrides,
  });
  const last = () => {
    const socket = sockets.at(-1);
    if (!socket) throw new Error('no socket was opened');
    return socket;
  };
  return {
    client,
    sockets,
    timers,
    messages,
    serverErrors,
    statuses,
    last,
    setToken: (next: string | null) => (token = next),
    unauthorised: () => unauthorised,
  };
}

describe('the shared stream client', () => {
  it('authenticates with the protocol name and the bearer token as subprotocols', () => {
    const { client, last, statuses } = setUp();
    client.start();
    expect(last().url).toBe('ws://desk.test/api/v1/some/stream');
    expect(last().protocols).toEqual(['energyopti.v1', 'bearer.token-1']);
    expect(statuses).toEqual(['connecting']);
    last().accept();
    expect(client.status()).toBe('live');
  });

  it('sends what was asked before the socket opened once it opens, whole channels and instruments in the order first asked', () => {
    const { client, last } = setUp();
    client.subscribe('orders');
    client.subscribe('book', ['A', 'B']);
    client.subscribe('trades', ['A']);
    client.start();
    expect(last().sent).toEqual([]);
    last().accept();
    expect(last().sent).toEqual([
      { type: 'subscribe', channel: 'orders' },
      { type: 'subscribe', channel: 'book', instruments: ['A', 'B'] },
      { type: 'subscribe', channel: 'trades', instruments: ['A'] },
    ]);
  });

  it('sends later subscriptions as they come, and only the instruments nobody followed yet', () => {
    const { client, last } = setUp();
    client.subscribe('ticks', ['A']);
    client.start();
    last().accept();
    last().sent = [];
    client.subscribe('ticks', ['A', 'B']);
    client.subscribe('ticks', []);
    expect(last().sent).toEqual([{ type: 'subscribe', channel: 'ticks', instruments: ['B'] }]);
  });

  it('unsubscribes an instrument only when the last one following it lets go', () => {
    const { client, last } = setUp();
    client.start();
    last().accept();
    client.subscribe('ticks', ['EUA-FUT-DEC']);
    client.subscribe('ticks', ['EUA-FUT-DEC']);
    client.unsubscribe('ticks', ['EUA-FUT-DEC']);
    client.unsubscribe('ticks', ['NEVER-FOLLOWED']);
    client.unsubscribe('elsewhere', ['EUA-FUT-DEC']);
    expect(last().sent).toHaveLength(1);
    client.unsubscribe('ticks', ['EUA-FUT-DEC']);
    expect(last().sent.at(-1)).toEqual({
      type: 'unsubscribe',
      channel: 'ticks',
      instruments: ['EUA-FUT-DEC'],
    });
  });

  it('follows a whole channel until the last one following it lets go', () => {
    const { client, last } = setUp();
    client.start();
    last().accept();
    client.subscribe('orders');
    client.subscribe('orders');
    client.unsubscribe('orders');
    expect(last().sent).toEqual([{ type: 'subscribe', channel: 'orders' }]);
    client.unsubscribe('orders');
    client.unsubscribe('orders');
    expect(last().sent).toEqual([
      { type: 'subscribe', channel: 'orders' },
      { type: 'unsubscribe', channel: 'orders' },
    ]);
  });

  it('hands parsed messages to the feature and ignores what is not a JSON object', () => {
    const { client, last, messages } = setUp();
    client.start();
    last().accept();
    last().push({ type: 'tick', price: 81.5 });
    last().onmessage?.({ data: 'not json' });
    last().onmessage?.({ data: '42' });
    last().onmessage?.({ data: 'null' });
    last().onmessage?.({ data: new ArrayBuffer(4) });
    expect(messages).toEqual([{ type: 'tick', price: 81.5 }]);
  });

  it('reports server errors apart and does not pass them on as messages', () => {
    const { client, last, messages, serverErrors } = setUp();
    client.start();
    last().accept();
    last().push({ type: 'error', message: 'unknown instrument XYZ' });
    last().push({ type: 'error', code: 42 });
    expect(serverErrors).toEqual(['unknown instrument XYZ']);
    expect(messages).toEqual([]);
  });

  it('reconnects with a doubling delay and resubscribes with the token of that moment', () => {
    const { client, sockets, last, timers, statuses, setToken } = setUp();
    client.subscribe('orders');
    client.subscribe('ticks', ['PWR-DE-LU-DA-H']);
    client.start();
    last().accept();
    last().drop(1006);
    expect(statuses).toEqual(['connecting', 'live', 'reconnecting']);
    expect(timers.delays()).toEqual([1000]);
    timers.fireAll();
    last().drop(1006);
    expect(timers.delays()).toEqual([2000]);
    setToken('token-2');
    timers.fireAll();
    expect(sockets).toHaveLength(3);
    expect(last().protocols).toEqual(['energyopti.v1', 'bearer.token-2']);
    last().accept();
    expect(statuses.at(-1)).toBe('live');
    expect(last().sent).toEqual([
      { type: 'subscribe', channel: 'orders' },
      { type: 'subscribe', channel: 'ticks', instruments: ['PWR-DE-LU-DA-H'] },
    ]);
  });

  it('does not resubscribe to what was let go while the socket was down', () => {
    const { client, last, timers } = setUp();
    client.subscribe('ticks', ['A', 'B']);
    client.start();
    last().accept();
    last().drop(1006);
    client.unsubscribe('ticks', ['A']);
    timers.fireAll();
    last().accept();
    expect(last().sent).toEqual([{ type: 'subscribe', channel: 'ticks', instruments: ['B'] }]);
  });

  it('caps the delay and starts again from the shortest one after a successful connection', () => {
    const { client, last, timers } = setUp();
    client.start();
    const seen: number[] = [];
    for (let i = 0; i < 6; i++) {
      last().drop(1006);
      seen.push(...timers.delays());
      timers.fireAll();
    }
    expect(seen).toEqual([1000, 2000, 4000, 8000, 8000, 8000]);
    last().accept();
    last().drop(1006);
    expect(timers.delays()).toEqual([1000]);
  });

  it('spreads reconnections with jitter between half and all of the delay', () => {
    const { client, last, timers } = setUp({ random: () => 0 });
    client.start();
    last().drop(1006);
    expect(timers.delays()).toEqual([500]);
  });

  it('waits at least the given time when the server says to try again later (1013)', () => {
    const { client, last, timers } = setUp({ tryAgainLaterMinMs: 5000 });
    client.start();
    last().accept();
    last().drop(1013);
    expect(timers.delays()).toEqual([5000]);
  });

  it('waits five seconds after 1013 unless told otherwise, and backs off as usual after other closes', () => {
    const { client, last, timers } = setUp();
    client.start();
    last().accept();
    last().drop(1013);
    expect(timers.delays()).toEqual([5000]);
    timers.fireAll();
    last().accept();
    last().drop(1001);
    expect(timers.delays().at(-1)).toBe(1000);
  });

  it('asks for a fresh token when the socket is refused, and not on an ordinary drop', () => {
    const { client, last, timers, unauthorised } = setUp();
    client.start();
    last().accept();
    last().drop(1001);
    expect(unauthorised()).toBe(0);
    timers.fireAll();
    last().drop(1006);
    expect(unauthorised()).toBe(1);
    for (const policyCode of [1008, 4401, 4403]) {
      timers.fireAll();
      last().accept();
      last().drop(policyCode);
    }
    expect(unauthorised()).toBe(4);
  });

  it('waits without opening a socket while there is no token, and asks for one', () => {
    const { client, sockets, timers, statuses, setToken, unauthorised } = setUp();
    setToken(null);
    client.start();
    expect(sockets).toHaveLength(0);
    expect(unauthorised()).toBe(1);
    expect(statuses).toEqual(['reconnecting']);
    expect(timers.delays()).toEqual([1000]);
    setToken('token-2');
    client.reconnectNow();
    expect(sockets).toHaveLength(1);
    expect(sockets[0]?.protocols).toEqual(['energyopti.v1', 'bearer.token-2']);
  });

  it('skips the wait when asked to reconnect now, and does nothing when not waiting', () => {
    const { client, sockets, last, timers } = setUp();
    client.start();
    client.reconnectNow();
    expect(sockets).toHaveLength(1);
    last().drop(1006);
    client.reconnectNow();
    expect(timers.pending.size).toBe(0);
    expect(sockets).toHaveLength(2);
    client.reconnectNow();
    expect(sockets).toHaveLength(2);
  });

  it('closes the socket, never reconnects once stopped, and ignores what the old socket still says', () => {
    const { client, sockets, last, timers, statuses, messages } = setUp();
    client.start();
    last().accept();
    const socket = last();
    client.stop();
    expect(socket.closedWith).toBe(1000);
    socket.push({ type: 'tick' });
    socket.drop(1000);
    expect(messages).toEqual([]);
    expect(timers.pending.size).toBe(0);
    expect(sockets).toHaveLength(1);
    expect(statuses.at(-1)).toBe('stopped');
  });

  it('cancels a waiting reconnection when stopped and can be started again', () => {
    const { client, sockets, last, timers } = setUp();
    client.subscribe('ticks', ['A']);
    client.start();
    last().drop(1006);
    client.stop();
    expect(timers.pending.size).toBe(0);
    client.start();
    expect(sockets).toHaveLength(2);
    last().accept();
    expect(last().sent).toEqual([{ type: 'subscribe', channel: 'ticks', instruments: ['A'] }]);
  });

  it('uses a secure socket on a page served over https', () => {
    expect(streamUrlFor({ protocol: 'https:', host: 'desk.example:8443' }, '/api/v1/stream')).toBe(
      'wss://desk.example:8443/api/v1/stream',
    );
    expect(streamUrlFor({ protocol: 'http:', host: 'localhost:5173' }, '/api/v1/stream')).toBe(
      'ws://localhost:5173/api/v1/stream',
    );
  });
});
