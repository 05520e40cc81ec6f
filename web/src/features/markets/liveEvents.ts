import { mergeTick, upsertCandle, type Candle } from './candles';
import type { BarInterval, StreamBar, Tick } from './types';

/** What the stream delivered, stamped with when it arrived on this page (the page's clock). */
export type LiveEvent =
  | { kind: 'tick'; tick: Tick; receivedAt: number }
  | { kind: 'bar'; bar: StreamBar; receivedAt: number };

/** Enough for a few hours of the simulator's ticks; older ones are in the server's bars by then. */
export const liveEventsKept = 5_000;

export function keepRecent(events: readonly LiveEvent[], next: LiveEvent): LiveEvent[] {
  const kept =
    events.length >= liveEventsKept ? events.slice(events.length - liveEventsKept + 1) : events;
  return [...kept, next];
}

/**
 * The chart's candles: the server's history with what the stream delivered
 * after that history arrived laid on top. Earlier events are already in the
 * history and would count their volume twice.
 */
export function applyLiveEvents(
  history: readonly Candle[],
  events: readonly LiveEvent[],
  historyArrivedAt: number,
  interval: BarInterval,
  timeZone: string,
): readonly Candle[] {
  let candles = history;
  for (const event of events) {
    if (event.receivedAt < historyArrivedAt) continue;
    if (event.kind === 'tick') {
      candles = mergeTick(
        candles,
        { time: Date.parse(event.tick.time), price: event.tick.price, volume: event.tick.volume },
        interval,
        timeZone,
      );
    } else if (event.bar.interval === interval) {
      const { bar } = event;
      candles = upsertCandle(candles, {
        time: Date.parse(bar.time),
        open: bar.open,
        high: bar.high,
        low: bar.low,
        close: bar.close,
        volume: bar.volume,
      });
    }
  }
  return candles;
}
