import { describe, expect, it } from 'vitest';
import { FakeSocket, ManualTimers } from '../../app/stream/fakeSocket';
import {
  createMarketStream,
  streamUrl,
  type MarketStreamOptions,
  type StreamStatus,
} from './streamClient';
import type { Tick } from './types';

function setUp(overrides: Partial<MarketStreamOptions> = {}) {
  const sockets: FakeSocket[] = [];
  const timers = new ManualTimers();
  const ticks: Tick[] = [];
  const statuses: StreamStatus[] = [];
  let token: string | null = 'token-1';
  let unauthorised = 0;
  const stream = createMarketStream({
    url: 'ws://desk.test/api/v1/stream',
    getToken: () => token,
    openSocket: (url, protocols) => {
      const socket = new FakeSocket(url, protocols);
      sockets.push(socket);
      return socket;
    },
    timers,
    onTick: (tick) => ticks.push(tick),
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
    stream,
    sockets,
    timers,
    ticks,
    statuses,
    last,
    setToken: (next: string | null) => (token = next),
    unauthorised: () => unauthorised,
  };
}

describe('the market stream client', () => {
  it('authenticates with the protocol name and the bearer token as subprotocols', () => {
    const { stream, last } = setUp();
    stream.start();
    expect(last().url).toBe('ws://desk.test/api/v1/stream');
    expect(last().protocols).toEqual(['energyopti.v1', 'bearer.token-1']);
  });

  it('subscribes to everything wanted once the socket opens, and later additions as they come', () => {
    const { stream, last, statuses } = setUp();
    stream.subscribe(['PWR-DE-LU-DA-H']);
    stream.start();
    expect(last().sent).toEqual([]);
    last().accept();
    expect(statuses.at(-1)).toBe('live');
    stream.subscribe(['GAS-TTF-DA']);
    expect(last().sent).toEqual([
      { type: 'subscribe', channel: 'ticks', instruments: ['PWR-DE-LU-DA-H'] },
      { type: 'subscribe', channel: 'ticks', instruments: ['GAS-TTF-DA'] },
    ]);
  });

  it('unsubscribes only when the last component watching an instrument lets go', () => {
    const { stream, last } = setUp();
    stream.start();
    last().accept();
    stream.subscribe(['EUA-FUT-DEC']);
    stream.subscribe(['EUA-FUT-DEC']);
    stream.unsubscribe(['EUA-FUT-DEC']);
    expect(last().sent).toHaveLength(1);
    stream.unsubscribe(['EUA-FUT-DEC']);
    expect(last().sent.at(-1)).toEqual({
      type: 'unsubscribe',
      channel: 'ticks',
      instruments: ['EUA-FUT-DEC'],
    });
  });

  it('hands ticks to the page and ignores messages it cannot read', () => {
    const { stream, last, ticks } = setUp();
    stream.start();
    last().accept();
    last().push({
      type: 'tick',
      instrumentId: 'PWR-DE-LU-DA-H',
      time: '2026-07-15T12:00:00Z',
      price: 81.5,
      volume: 2,
    });
    last().push({ type: 'tick', instrumentId: 'PWR-DE-LU-DA-H', price: 'high' });
    last().onmessage?.({ data: 'not json' });
    expect(ticks).toEqual([
      { instrumentId: 'PWR-DE-LU-DA-H', time: '2026-07-15T12:00:00Z', price: 81.5, volume: 2 },
    ]);
  });

  it('reconnects with a doubling delay and resubscribes with the token of that moment', () => {
    const { stream, sockets, last, timers, statuses, setToken } = setUp();
    stream.subscribe(['PWR-DE-LU-DA-H']);
    stream.start();
    last().accept();
    last().drop(1006);
    expect(statuses.at(-1)).toBe('reconnecting');
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
      { type: 'subscribe', channel: 'ticks', instruments: ['PWR-DE-LU-DA-H'] },
    ]);
  });

  it('caps the delay and starts again from the shortest one after a successful connection', () => {
    const { stream, last, timers } = setUp();
    stream.start();
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

  it('waits longer when the server says to try again later (1013)', () => {
    const { stream, last, timers } = setUp();
    stream.start();
    last().accept();
    last().drop(1013);
    expect(timers.delays()[0]).toBeGreaterThanOrEqual(5000);
  });

  it('asks for a fresh token when the server refuses the socket, and not on an ordinary drop', () => {
    const { stream, last, timers, unauthorised } = setUp();
    stream.start();
    last().accept();
    last().drop(1001);
    expect(unauthorised()).toBe(0);
    timers.fireAll();
    last().drop(1006);
    expect(unauthorised()).toBe(1);
    timers.fireAll();
    last().accept();
    last().drop(4401);
    expect(unauthorised()).toBe(2);
  });

  it('skips the wait when asked to reconnect now, e.g. after the token was refreshed', () => {
    const { stream, sockets, last, timers } = setUp();
    stream.start();
    last().drop(1006);
    stream.reconnectNow();
    expect(timers.pending.size).toBe(0);
    expect(sockets).toHaveLength(2);
    stream.reconnectNow();
    expect(sockets).toHaveLength(2);
  });

  it('closes the socket and never reconnects once stopped', () => {
    const { stream, sockets, last, timers, statuses } = setUp();
    stream.start();
    last().accept();
    const socket = last();
    stream.stop();
    expect(socket.closedWith).toBe(1000);
    socket.drop(1000);
    expect(timers.pending.size).toBe(0);
    expect(sockets).toHaveLength(1);
    expect(statuses.at(-1)).toBe('stopped');
  });

  it('spreads reconnections with jitter between half and all of the delay', () => {
    const { stream, last, timers } = setUp({ random: () => 0 });
    stream.start();
    last().drop(1006);
    expect(timers.delays()).toEqual([500]);
  });

  it('uses a secure socket on a page served over https', () => {
    expect(streamUrl({ protocol: 'https:', host: 'desk.example:8443' })).toBe(
      'wss://desk.example:8443/api/v1/stream',
    );
    expect(streamUrl({ protocol: 'http:', host: 'localhost:5173' })).toBe(
      'ws://localhost:5173/api/v1/stream',
    );
  });
});
