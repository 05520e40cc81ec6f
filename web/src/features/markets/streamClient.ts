import {
  createStreamClient,
  lifecycleOf,
  streamUrlFor,
  type StreamConnectionOptions,
  type StreamLifecycle,
  type StreamMessage,
} from '../../app/stream/streamClient';
import type { BarInterval, StreamBar, Tick } from './types';

/**
 * The market side of `/api/v1/stream`: ticks and bars of the instruments on
 * screen. Connection, back-off and subscription counting are the shared
 * stream client's; this adds what a market message is.
 */

export type { OpenSocket, StreamSocket, StreamStatus, Timers } from '../../app/stream/streamClient';

export interface MarketStreamOptions extends StreamConnectionOptions {
  onTick?: (tick: Tick) => void;
  onBar?: (bar: StreamBar) => void;
}

export interface MarketStream extends StreamLifecycle {
  subscribe(instrumentIds: readonly string[]): void;
  unsubscribe(instrumentIds: readonly string[]): void;
}

export function streamUrl(location: Pick<Location, 'protocol' | 'host'>): string {
  return streamUrlFor(location, '/api/v1/stream');
}

function asTick(m: StreamMessage): Tick | null {
  const { instrumentId, time, price, volume } = m;
  if (typeof instrumentId !== 'string' || typeof time !== 'string' || typeof price !== 'number')
    return null;
  return { instrumentId, time, price, volume: typeof volume === 'number' ? volume : 0 };
}

function asBar(m: StreamMessage): StreamBar | null {
  const { instrumentId, interval, time, open, high, low, close, volume } = m;
  if (typeof instrumentId !== 'string' || typeof time !== 'string') return null;
  if (![open, high, low, close].every((v) => typeof v === 'number')) return null;
  return {
    instrumentId,
    interval: interval as BarInterval,
    time,
    open: open as number,
    high: high as number,
    low: low as number,
    close: close as number,
    volume: typeof volume === 'number' ? volume : 0,
  };
}

export function createMarketStream(options: MarketStreamOptions): MarketStream {
  const { onTick, onBar, ...connection } = options;
  const client = createStreamClient({
    ...connection,
    onMessage: (message) => {
      if (message.type === 'tick') {
        const tick = asTick(message);
        if (tick) onTick?.(tick);
      } else if (message.type === 'bar') {
        const bar = asBar(message);
        if (bar) onBar?.(bar);
      }
    },
  });
  return {
    ...lifecycleOf(client),
    subscribe: (instrumentIds) => client.subscribe('ticks', instrumentIds),
    unsubscribe: (instrumentIds) => client.unsubscribe('ticks', instrumentIds),
  };
}
