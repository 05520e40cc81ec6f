import { bucketOf } from './domain/bars.js';
import type { Tick } from './domain/tick.js';

/** The slice of a `ws` WebSocket the hub uses, so tests can stand in a slow client. */
export interface StreamSocket {
  readonly bufferedAmount: number;
  send(data: string): void;
  close(code: number, reason: string): void;
}

export type StreamChannel = 'ticks' | 'bars';

interface Client {
  socket: StreamSocket;
  channels: Record<StreamChannel, Set<string>>;
}

interface LiveBar {
  instrumentId: string;
  bucket: number;
  open: number;
  high: number;
  low: number;
  close: number;
  volume: number;
}

/** Close code for "try again later": the client fell too far behind to be served. */
export const TRY_AGAIN_LATER = 1013;

export interface StreamHubOptions {
  /** Bytes a client may have queued and unsent before it is dropped. */
  maxBufferedBytes: number;
  maxSubscriptions: number;
}

/**
 * Fans ticks (and one-minute bars built from them) out to WebSocket clients by
 * instrument. A client that cannot keep up is closed rather than buffered for: the
 * socket's own send buffer is the only queue, and it has a ceiling.
 */
export function createStreamHub(opts: StreamHubOptions) {
  const clients = new Set<Client>();
  const bars = new Map<string, LiveBar>();

  function deliver(client: Client, message: unknown): void {
    if (!clients.has(client)) return;
    if (client.socket.bufferedAmount > opts.maxBufferedBytes) {
      clients.delete(client);
      client.socket.close(TRY_AGAIN_LATER, 'client too slow: send buffer over limit');
      return;
    }
    client.socket.send(JSON.stringify(message));
  }

  function updateBar(tick: Tick): LiveBar | undefined {
    const bucket = bucketOf(tick.time, '1m').start;
    const bar = bars.get(tick.instrumentId);
    if (bar && bucket < bar.bucket) return undefined;
    if (!bar || bucket > bar.bucket) {
      const fresh = { instrumentId: tick.instrumentId, bucket, open: tick.price, high: tick.price, low: tick.price, close: tick.price, volume: tick.volume };
      bars.set(tick.instrumentId, fresh);
      return fresh;
    }
    bar.high = Math.max(bar.high, tick.price);
    bar.low = Math.min(bar.low, tick.price);
    bar.close = tick.price;
    bar.volume += tick.volume;
    return bar;
  }

  return {
    connect(socket: StreamSocket): Client {
      const client = { socket, channels: { ticks: new Set<string>(), bars: new Set<string>() } };
      clients.add(client);
      return client;
    },

    disconnect(client: Client): void {
      clients.delete(client);
    },

    /** Returns an error text when the subscription would pass the client's limit. */
    subscribe(client: Client, channel: StreamChannel, instrumentIds: readonly string[]): string | undefined {
      const set = client.channels[channel];
      const total = client.channels.ticks.size + client.channels.bars.size;
      const added = instrumentIds.filter((id) => !set.has(id)).length;
      if (total + added > opts.maxSubscriptions) return `at most ${opts.maxSubscriptions} subscriptions per connection`;
      instrumentIds.forEach((id) => set.add(id));
      return undefined;
    },

    unsubscribe(client: Client, channel: StreamChannel, instrumentIds: readonly string[]): void {
      instrumentIds.forEach((id) => client.channels[channel].delete(id));
    },

    send: deliver,

    publishTick(tick: Tick): void {
      const bar = updateBar(tick);
      for (const client of [...clients]) {
        if (client.channels.ticks.has(tick.instrumentId)) {
          deliver(client, { type: 'tick', instrumentId: tick.instrumentId, time: new Date(tick.time).toISOString(), price: tick.price, volume: tick.volume });
        }
        if (bar && client.channels.bars.has(tick.instrumentId)) {
          const { bucket, ...ohlc } = bar;
          deliver(client, { type: 'bar', interval: '1m', time: new Date(bucket).toISOString(), ...ohlc });
        }
      }
    },

    get clientCount(): number {
      return clients.size;
    },
  };
}

export type StreamHub = ReturnType<typeof createStreamHub>;
export type StreamClient = ReturnType<StreamHub['connect']>;
