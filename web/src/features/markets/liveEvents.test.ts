import { describe, expect, it } from 'vitest';
import type { Candle } from './candles';
import { applyLiveEvents, keepRecent, liveEventsKept, type LiveEvent } from './liveEvents';

const history: Candle[] = [
  { time: Date.parse('2026-07-15T11:00:00Z'), open: 50, high: 55, low: 49, close: 52, volume: 10 },
];

function tick(time: string, price: number, receivedAt: number): LiveEvent {
  return {
    kind: 'tick',
    tick: { instrumentId: 'PWR-DE-LU-DA-H', time, price, volume: 1 },
    receivedAt,
  };
}

describe('laying live events over the history', () => {
  it('skips events that arrived before the history, whose volume it already counts', () => {
    const candles = applyLiveEvents(
      history,
      [tick('2026-07-15T11:10:00Z', 60, 100), tick('2026-07-15T11:20:00Z', 54, 300)],
      200,
      '1h',
      'UTC',
    );
    expect(candles[0]).toMatchObject({ high: 55, close: 54, volume: 11 });
  });

  it('takes a server bar of the chart interval as it is and ignores bars of other intervals', () => {
    const bar = (interval: '1h' | '15m', close: number): LiveEvent => ({
      kind: 'bar',
      receivedAt: 5,
      bar: {
        instrumentId: 'PWR-DE-LU-DA-H',
        interval,
        time: '2026-07-15T12:00:00Z',
        open: 1,
        high: close,
        low: 1,
        close,
        volume: 3,
      },
    });
    const candles = applyLiveEvents(history, [bar('15m', 9), bar('1h', 7)], 0, '1h', 'UTC');
    expect(candles).toHaveLength(2);
    expect(candles[1]?.close).toBe(7);
  });

  it('keeps a bounded number of recent events, dropping the oldest', () => {
    let events: LiveEvent[] = [];
    for (let i = 0; i <= liveEventsKept; i++)
      events = keepRecent(events, tick('2026-07-15T11:10:00Z', i, i));
    expect(events).toHaveLength(liveEventsKept);
    expect(events[0]?.receivedAt).toBe(1);
    expect(events.at(-1)?.receivedAt).toBe(liveEventsKept);
  });
});
