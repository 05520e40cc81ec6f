import type { BookLevel, Order, Trade } from './types';

/**
 * The client side of `/api/v1/trading/stream`: the caller's own order
 * updates plus book and trade updates for the instruments on screen, with
 * reconnection and exponential back-off. No React and no timers of its own
 * (both are passed in), so it is tested with a fake socket.
 */

export type StreamStatus = 'connecting' | 'live' | 'reconnecting' | 'stopped';

export interface StreamSocket {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onopen: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  onclose: ((event: { code: number }) => void) | null;
  onerror: ((event: unknown) => void) | null;
}

export interface Timers {
  set(run: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export interface BookUpdate {
  instrumentId: string;
  bids: BookLevel[];
  asks: BookLevel[];
  lastTradePrice: number | null;
}

export interface TradingStreamOptions {
  url: string;
  getToken: () => string | null;
  openSocket: (url: string, protocols: string[]) => StreamSocket;
  timers: Timers;
  onOrder?: (order: Order) => void;
  onBook?: (book: BookUpdate) => void;
  onTrade?: (trade: Trade) => void;
  onStatus?: (status: StreamStatus) => void;
  onServerError?: (message: string) => void;
  /** The socket closed before opening or for a policy reason: the token may need a refresh. */
  onUnauthorised?: () => void;
  initialDelayMs?: number;
  maxDelayMs?: number;
  /** 0..1; spreads the reconnections of many desks after a server restart. */
  random?: () => number;
}

export interface TradingStream {
  start(): void;
  stop(): void;
  /** Replaces the instruments whose book and trades are followed. */
  watch(instrumentIds: readonly string[]): void;
  reconnectNow(): void;
  status(): StreamStatus;
}

const socketOpen = 1;
const policyCodes = new Set([1008, 4401, 4403]);

export function tradingStreamUrl(location: Pick<Location, 'protocol' | 'host'>): string {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${location.host}/api/v1/trading/stream`;
}

function parse(data: unknown): Record<string, unknown> | null {
  if (typeof data !== 'string') return null;
  try {
    const value: unknown = JSON.parse(data);
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

export function createTradingStream(options: TradingStreamOptions): TradingStream {
  const initialDelayMs = options.initialDelayMs ?? 1_000;
  const maxDelayMs = options.maxDelayMs ?? 30_000;
  const random = options.random ?? (() => 1);
  let watched: string[] = [];
  let socket: StreamSocket | null = null;
  let retryTimer: unknown = null;
  let failures = 0;
  let state: StreamStatus = 'stopped';

  function setStatus(next: StreamStatus) {
    if (next === state) return;
    state = next;
    options.onStatus?.(next);
  }

  function send(message: object) {
    if (socket?.readyState === socketOpen) socket.send(JSON.stringify(message));
  }

  function follow(type: 'subscribe' | 'unsubscribe', instruments: readonly string[]) {
    if (instruments.length === 0) return;
    send({ type, channel: 'book', instruments });
    send({ type, channel: 'trades', instruments });
  }

  function scheduleRetry() {
    failures += 1;
    setStatus('reconnecting');
    const exponential = Math.min(maxDelayMs, initialDelayMs * 2 ** (failures - 1));
    retryTimer = options.timers.set(
      () => {
        retryTimer = null;
        connect();
      },
      exponential * (0.5 + 0.5 * random()),
    );
  }

  function dispatch(message: Record<string, unknown>) {
    switch (message.type) {
      case 'order':
        if (typeof message.order === 'object' && message.order !== null)
          options.onOrder?.(message.order as Order);
        return;
      case 'trade':
        if (typeof message.trade === 'object' && message.trade !== null)
          options.onTrade?.(message.trade as Trade);
        return;
      case 'book':
        if (
          typeof message.instrumentId === 'string' &&
          Array.isArray(message.bids) &&
          Array.isArray(message.asks)
        )
          options.onBook?.({
            instrumentId: message.instrumentId,
            bids: message.bids as BookLevel[],
            asks: message.asks as BookLevel[],
            lastTradePrice:
              typeof message.lastTradePrice === 'number' ? message.lastTradePrice : null,
          });
        return;
      case 'error':
        if (typeof message.message === 'string') options.onServerError?.(message.message);
        return;
      default:
        return;
    }
  }

  function connect() {
    const token = options.getToken();
    if (!token) {
      options.onUnauthorised?.();
      scheduleRetry();
      return;
    }
    setStatus(failures === 0 ? 'connecting' : 'reconnecting');
    const current = options.openSocket(options.url, ['energyopti.v1', `bearer.${token}`]);
    socket = current;
    let opened = false;
    current.onopen = () => {
      if (socket !== current) return;
      opened = true;
      failures = 0;
      setStatus('live');
      send({ type: 'subscribe', channel: 'orders' });
      follow('subscribe', watched);
    };
    current.onmessage = (event) => {
      if (socket !== current) return;
      const message = parse(event.data);
      if (message) dispatch(message);
    };
    current.onerror = () => undefined;
    current.onclose = (event) => {
      if (socket !== current) return;
      socket = null;
      if (!opened || policyCodes.has(event.code)) options.onUnauthorised?.();
      scheduleRetry();
    };
  }

  return {
    start() {
      if (state !== 'stopped') return;
      failures = 0;
      connect();
    },
    stop() {
      if (retryTimer !== null) options.timers.clear(retryTimer);
      retryTimer = null;
      const closing = socket;
      socket = null;
      closing?.close(1000, 'page closed');
      setStatus('stopped');
    },
    watch(instrumentIds) {
      const next = [...new Set(instrumentIds)];
      follow(
        'unsubscribe',
        watched.filter((id) => !next.includes(id)),
      );
      follow(
        'subscribe',
        next.filter((id) => !watched.includes(id)),
      );
      watched = next;
    },
    reconnectNow() {
      if (retryTimer === null) return;
      options.timers.clear(retryTimer);
      retryTimer = null;
      connect();
    },
    status: () => state,
  };
}
