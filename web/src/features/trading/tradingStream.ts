import {
  createStreamClient,
  lifecycleOf,
  streamUrlFor,
  type StreamConnectionOptions,
  type StreamLifecycle,
  type StreamMessage,
} from '../../app/stream/streamClient';
import type { BookLevel, Order, Trade } from './types';

/**
 * The trading side of `/api/v1/trading/stream`: the caller's own order
 * updates plus book and trade updates for the instruments on screen.
 * Connection, back-off and resubscription are the shared stream client's;
 * this adds what the messages are and which instruments are followed.
 */

export type { OpenSocket, StreamSocket, StreamStatus, Timers } from '../../app/stream/streamClient';

export interface BookUpdate {
  instrumentId: string;
  bids: BookLevel[];
  asks: BookLevel[];
  lastTradePrice: number | null;
}

export interface TradingStreamOptions extends StreamConnectionOptions {
  onOrder?: (order: Order) => void;
  onBook?: (book: BookUpdate) => void;
  onTrade?: (trade: Trade) => void;
}

export interface TradingStream extends StreamLifecycle {
  /** Replaces the instruments whose book and trades are followed. */
  watch(instrumentIds: readonly string[]): void;
}

/** The channels that follow an instrument on screen; own orders are followed whatever is shown. */
const perInstrument = ['book', 'trades'] as const;

export function tradingStreamUrl(location: Pick<Location, 'protocol' | 'host'>): string {
  return streamUrlFor(location, '/api/v1/trading/stream');
}

function isObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null;
}

function asBook(message: StreamMessage): BookUpdate | null {
  const { instrumentId, bids, asks, lastTradePrice } = message;
  if (typeof instrumentId !== 'string' || !Array.isArray(bids) || !Array.isArray(asks)) return null;
  return {
    instrumentId,
    bids: bids as BookLevel[],
    asks: asks as BookLevel[],
    lastTradePrice: typeof lastTradePrice === 'number' ? lastTradePrice : null,
  };
}

export function createTradingStream(options: TradingStreamOptions): TradingStream {
  const { onOrder, onBook, onTrade, ...connection } = options;
  let watched: string[] = [];
  const client = createStreamClient({
    ...connection,
    onMessage: (message) => {
      if (message.type === 'order' && isObject(message.order)) onOrder?.(message.order as Order);
      if (message.type === 'trade' && isObject(message.trade)) onTrade?.(message.trade as Trade);
      if (message.type === 'book') {
        const book = asBook(message);
        if (book) onBook?.(book);
      }
    },
  });
  client.subscribe('orders');
  return {
    ...lifecycleOf(client),
    watch(instrumentIds) {
      const next = [...new Set(instrumentIds)];
      const dropped = watched.filter((id) => !next.includes(id));
      const added = next.filter((id) => !watched.includes(id));
      perInstrument.forEach((channel) => client.unsubscribe(channel, dropped));
      perInstrument.forEach((channel) => client.subscribe(channel, added));
      watched = next;
    },
  };
}
