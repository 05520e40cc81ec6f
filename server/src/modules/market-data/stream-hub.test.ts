import { describe, expect, it } from 'vitest';
import type { Tick } from './domain/tick.js';
import { createStreamHub, TRY_AGAIN_LATER, type StreamSocket } from './stream-hub.js';

class FakeSocket implements StreamSocket {
  bufferedAmount = 0;
  sent: unknown[] = [];
  closed: { code: number; reason: string } | undefined;
  send(data: string): void {
    this.sent.push(JSON.parse(data));
  }
  close(code: number, reason: string): void {
    this.closed = { code, reason };
  }
}

const tick = (instrumentId: string, time: string, price: number, volume = 1): Tick => ({
  instrumentId,
  time: Date.parse(time),
  price,
  volume,
  deliveryStart: Date.parse(time),
  deliveryEnd: Date.parse(time),
});

describe('stream hub', () => {
  it('sends each client only the instruments it subscribed to', () => {
    const hub = createStreamHub({ maxBufferedBytes: 1024, maxSubscriptions: 10 });
    const de = new FakeSocket();
    const fr = new FakeSocket();
    hub.subscribe(hub.connect(de), 'ticks', ['PWR-DE-LU-DA-H']);
    const frClient = hub.connect(fr);
    hub.subscribe(frClient, 'ticks', ['PWR-FR-DA-H']);
    hub.publishTick(tick('PWR-DE-LU-DA-H', '2026-01-05T10:00:00.000Z', 80));
    hub.publishTick(tick('PWR-FR-DA-H', '2026-01-05T10:00:00.000Z', 70));
    hub.unsubscribe(frClient, 'ticks', ['PWR-FR-DA-H']);
    hub.publishTick(tick('PWR-FR-DA-H', '2026-01-05T10:01:00.000Z', 71));
    expect(de.sent).toEqual([{ type: 'tick', instrumentId: 'PWR-DE-LU-DA-H', time: '2026-01-05T10:00:00.000Z', price: 80, volume: 1 }]);
    expect(fr.sent).toEqual([{ type: 'tick', instrumentId: 'PWR-FR-DA-H', time: '2026-01-05T10:00:00.000Z', price: 70, volume: 1 }]);
  });

  it('builds one-minute bars from ticks for bar subscribers', () => {
    const hub = createStreamHub({ maxBufferedBytes: 1024, maxSubscriptions: 10 });
    const socket = new FakeSocket();
    hub.subscribe(hub.connect(socket), 'bars', ['GAS-TTF-DA']);
    hub.publishTick(tick('GAS-TTF-DA', '2026-01-05T10:00:05.000Z', 30, 2));
    hub.publishTick(tick('GAS-TTF-DA', '2026-01-05T10:00:40.000Z', 32, 3));
    hub.publishTick(tick('GAS-TTF-DA', '2026-01-05T10:00:50.000Z', 29, 1));
    hub.publishTick(tick('GAS-TTF-DA', '2026-01-05T10:01:10.000Z', 31, 4));
    expect(socket.sent.at(2)).toEqual({
      type: 'bar', interval: '1m', instrumentId: 'GAS-TTF-DA', time: '2026-01-05T10:00:00.000Z', open: 30, high: 32, low: 29, close: 29, volume: 6,
    });
    expect(socket.sent.at(3)).toMatchObject({ time: '2026-01-05T10:01:00.000Z', open: 31, close: 31, volume: 4 });
  });

  it('drops a client whose send buffer is over the limit instead of queueing more for it', () => {
    const hub = createStreamHub({ maxBufferedBytes: 1024, maxSubscriptions: 10 });
    const slow = new FakeSocket();
    const fast = new FakeSocket();
    hub.subscribe(hub.connect(slow), 'ticks', ['PWR-DE-LU-DA-H']);
    hub.subscribe(hub.connect(fast), 'ticks', ['PWR-DE-LU-DA-H']);
    hub.publishTick(tick('PWR-DE-LU-DA-H', '2026-01-05T10:00:00.000Z', 80));
    slow.bufferedAmount = 4096;
    hub.publishTick(tick('PWR-DE-LU-DA-H', '2026-01-05T10:00:01.000Z', 81));
    hub.publishTick(tick('PWR-DE-LU-DA-H', '2026-01-05T10:00:02.000Z', 82));
    expect(slow.closed?.code).toBe(TRY_AGAIN_LATER);
    expect(slow.sent).toHaveLength(1);
    expect(fast.sent).toHaveLength(3);
    expect(hub.clientCount).toBe(1);
  });

  it('refuses subscriptions past the per-connection limit', () => {
    const hub = createStreamHub({ maxBufferedBytes: 1024, maxSubscriptions: 2 });
    const client = hub.connect(new FakeSocket());
    expect(hub.subscribe(client, 'ticks', ['A', 'B'])).toBeUndefined();
    expect(hub.subscribe(client, 'bars', ['A'])).toMatch(/at most 2/);
  });
});
