import type { BarInterval, StreamBar, Tick } from './types';

/**
 * The client side of `/api/v1/stream`: one socket, shared subscriptions,
 * and reconnection with back-off. It holds no React and no timers of its
 * own (both are passed in), so its logic is tested with a fake socket.
 */

export type StreamStatus = 'connecting' | 'live' | 'reconnecting' | 'stopped';

/** The part of the browser's WebSocket this client uses. */
export interface StreamSocket {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onopen: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  onclose: ((event: { code: number; reason?: string }) => void) | null;
  onerror: ((event: unknown) => void) | null;
}

export type OpenSocket = (url: string, protocols: string[]) => StreamSocket;

export interface Timers {
  set(run: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export interface MarketStreamOptions {
  url: string;
  /** Read at every connection, so a refreshed token is used on the next one. */
  getToken: () => string | null;
  openSocket: OpenSocket;
  timers: Timers;
  onTick?: (tick: Tick) => void;
  onBar?: (bar: StreamBar) => void;
  onStatus?: (status: StreamStatus) => void;
  onServerError?: (message: string) => void;
  /** The server refused the token (or the socket never opened): the page may refresh it. */
  onUnauthorised?: () => void;
  initialDelayMs?: number;
  maxDelayMs?: number;
  /** Spreads reconnections of many desks after a restart; 0..1. */
  random?: () => number;
}

export interface MarketStream {
  start(): void;
  stop(): void;
  subscribe(instrumentIds: readonly string[]): void;
  unsubscribe(instrumentIds: readonly string[]): void;
  /** Skips the wait when something changed that may let the next attempt succeed. */
  reconnectNow(): void;
  status(): StreamStatus;
}

const protocolName = 'energyopti.v1';
const socketOpen = 1;
/** "Try again later": the server is shedding load, so wait at least this long. */
const tryAgainLaterCode = 1013;
const tryAgainLaterMinMs = 5_000;
const policyCodes = new Set([1008, 4401, 4403]);

export function streamUrl(location: Pick<Location, 'protocol' | 'host'>): string {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${location.host}/api/v1/stream`;
}

function parseMessage(data: unknown): Record<string, unknown> | null {
  if (typeof data !== 'string') return null;
  try {
    const parsed: unknown = JSON.parse(data);
    return typeof parsed === 'object' && parsed !== null
      ? (parsed as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

function asTick(m: Record<string, unknown>): Tick | null {
  const { instrumentId, time, price, volume } = m;
  if (typeof instrumentId !== 'string' || typeof time !== 'string' || typeof price !== 'number')
    return null;
  return { instrumentId, time, price, volume: typeof volume === 'number' ? volume : 0 };
}

function asBar(m: Record<string, unknown>): StreamBar | null {
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
  const initialDelayMs = options.initialDelayMs ?? 1_000;
  const maxDelayMs = options.maxDelayMs ?? 30_000;
  const random = options.random ?? (() => 1);
  const wanted = new Map<string, number>();
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

  function sendChannel(type: 'subscribe' | 'unsubscribe', instruments: string[]) {
    if (instruments.length > 0) send({ type, channel: 'ticks', instruments });
  }

  function delayFor(attempt: number, code: number): number {
    const exponential = Math.min(maxDelayMs, initialDelayMs * 2 ** (attempt - 1));
    // Between half and all of the exponential delay, so reconnections do not arrive in step.
    const jittered = exponential * (0.5 + 0.5 * random());
    return code === tryAgainLaterCode ? Math.max(jittered, tryAgainLaterMinMs) : jittered;
  }

  function scheduleRetry(code: number) {
    failures += 1;
    setStatus('reconnecting');
    retryTimer = options.timers.set(
      () => {
        retryTimer = null;
        connect();
      },
      delayFor(failures, code),
    );
  }

  function connect() {
    const token = options.getToken();
    if (!token) {
      options.onUnauthorised?.();
      scheduleRetry(0);
      return;
    }
    setStatus(failures === 0 ? 'connecting' : 'reconnecting');
    const current = options.openSocket(options.url, [protocolName, `bearer.${token}`]);
    socket = current;
    let opened = false;
    current.onopen = () => {
      if (socket !== current) return;
      opened = true;
      failures = 0;
      setStatus('live');
      sendChannel('subscribe', [...wanted.keys()]);
    };
    current.onmessage = (event) => {
      if (socket !== current) return;
      const message = parseMessage(event.data);
      if (!message) return;
      if (message.type === 'tick') {
        const tick = asTick(message);
        if (tick) options.onTick?.(tick);
      } else if (message.type === 'bar') {
        const bar = asBar(message);
        if (bar) options.onBar?.(bar);
      } else if (message.type === 'error' && typeof message.message === 'string') {
        options.onServerError?.(message.message);
      }
    };
    current.onerror = () => undefined;
    current.onclose = (event) => {
      if (socket !== current) return;
      socket = null;
      if (!opened || policyCodes.has(event.code)) options.onUnauthorised?.();
      scheduleRetry(event.code);
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
    subscribe(instrumentIds) {
      const added = instrumentIds.filter((id) => {
        const count = wanted.get(id) ?? 0;
        wanted.set(id, count + 1);
        return count === 0;
      });
      sendChannel('subscribe', added);
    },
    unsubscribe(instrumentIds) {
      const removed = instrumentIds.filter((id) => {
        const count = wanted.get(id) ?? 0;
        if (count <= 1) wanted.delete(id);
        else wanted.set(id, count - 1);
        return count === 1;
      });
      sendChannel('unsubscribe', removed);
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
