import { describe, expect, it } from 'vitest';
import { TestSocket } from '../../platform/stream/test-socket.js';
import { standardCatalogue } from './domain/catalogue.js';
import type { Tick } from './domain/tick.js';
import { createMarketStream } from './stream.js';

const tick = (instrumentId: string, time: string, price: number, volume = 1): Tick => ({
  instrumentId,
  time: Date.parse(time),
  price,
  volume,
  deliveryStart: Date.parse(time),
  deliveryEnd: Date.parse(time),
});

function stream() {
  const s = createMarketStream({
    catalogue: standardCatalogue,
    maxBufferedBytes: 1024,
    maxSubscriptions: 10,
    heartbeatMs: 0,
  });
  const connect = (channel: 'ticks' | 'bars', instruments: string[]) => {
    const socket = new TestSocket();
    s.hub.attach(socket, null);
    socket.receive({ type: 'subscribe', channel, instruments });
    return socket;
  };
  return { ...s, connect };
}

describe('market-data stream', () => {
  it('sends each client only the instruments it subscribed to', () => {
    const s = stream();
    const de = s.connect('ticks', ['PWR-DE-LU-DA-H']);
    const fr = s.connect('ticks', ['PWR-FR-DA-H']);
    s.publishTick(tick('PWR-DE-LU-DA-H', '2026-01-05T10:00:00.000Z', 80));
    s.publishTick(tick('PWR-FR-DA-H', '2026-01-05T10:00:00.000Z', 70));
    fr.receive({ type: 'unsubscribe', channel: 'ticks', instruments: ['PWR-FR-DA-H'] });
    s.publishTick(tick('PWR-FR-DA-H', '2026-01-05T10:01:00.000Z', 71));
    expect(de.of('tick')).toEqual([
      {
        type: 'tick',
        instrumentId: 'PWR-DE-LU-DA-H',
        time: '2026-01-05T10:00:00.000Z',
        price: 80,
        volume: 1,
      },
    ]);
    expect(fr.of('tick')).toEqual([
      {
        type: 'tick',
        instrumentId: 'PWR-FR-DA-H',
        time: '2026-01-05T10:00:00.000Z',
        price: 70,
        volume: 1,
      },
    ]);
  });

  it('builds one-minute bars from ticks for bar subscribers', () => {
    const s = stream();
    const socket = s.connect('bars', ['GAS-TTF-DA']);
    s.publishTick(tick('GAS-TTF-DA', '2026-01-05T10:00:05.000Z', 30, 2));
    s.publishTick(tick('GAS-TTF-DA', '2026-01-05T10:00:40.000Z', 32, 3));
    s.publishTick(tick('GAS-TTF-DA', '2026-01-05T10:00:50.000Z', 29, 1));
    s.publishTick(tick('GAS-TTF-DA', '2026-01-05T10:01:10.000Z', 31, 4));
    s.publishTick(tick('GAS-TTF-DA', '2026-01-05T10:00:59.000Z', 99, 4));
    const bars = socket.of('bar');
    expect(bars.at(2)).toEqual({
      type: 'bar',
      interval: '1m',
      instrumentId: 'GAS-TTF-DA',
      time: '2026-01-05T10:00:00.000Z',
      open: 30,
      high: 32,
      low: 29,
      close: 29,
      volume: 6,
    });
    expect(bars.at(3)).toMatchObject({
      time: '2026-01-05T10:01:00.000Z',
      open: 31,
      close: 31,
      volume: 4,
    });
    // A tick older than the bar being built is not sent as a bar.
    expect(bars).toHaveLength(4);
  });

  it('refuses instruments the catalogue does not list', () => {
    const s = stream();
    const socket = s.connect('ticks', ['PWR-XX', 'PWR-DE-LU-DA-H']);
    expect(socket.of('error')).toEqual([{ type: 'error', message: 'unknown instruments: PWR-XX' }]);
    expect(socket.of('subscribed')).toEqual([]);
  });

  it('counts tick and bar subscriptions together against the per-connection limit', () => {
    const s = stream();
    const ids = standardCatalogue.instruments.slice(0, 10).map((i) => i.id);
    const socket = s.connect('ticks', ids);
    socket.receive({ type: 'subscribe', channel: 'bars', instruments: [ids[0]] });
    expect(socket.of('error')).toEqual([
      { type: 'error', message: 'at most 10 subscriptions per connection' },
    ]);
  });
});
