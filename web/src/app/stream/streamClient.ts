import { createSubscriptions } from './subscriptions';

/**
 * The client side of the desk's WebSocket streams: one socket that
 * authenticates with the access token as a subprotocol, reconnects with
 * jittered exponential back-off using the token of that moment, and replays
 * its subscriptions whenever a socket opens. It holds no React and no timers
 * of its own (both are passed in), so it is tested with a fake socket. What
 * the messages mean is left to each feature.
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

/** A message as it came off the wire: a JSON object whose fields are not yet checked. */
export type StreamMessage = Record<string, unknown>;

/** How a stream reaches the server and tells the page how it is doing; every feature's stream takes these. */
export interface StreamConnectionOptions {
  url: string;
  /** Read at every connection, so a refreshed token is used on the next one. */
  getToken: () => string | null;
  openSocket: OpenSocket;
  timers: Timers;
  onStatus?: (status: StreamStatus) => void;
  /** The server reported a problem with something the page sent. */
  onServerError?: (message: string) => void;
  /** The server refused the token (or the socket never opened): the page may refresh it. */
  onUnauthorised?: () => void;
  initialDelayMs?: number;
  maxDelayMs?: number;
  /** Spreads reconnections of many desks after a restart; 0..1. */
  random?: () => number;
}

export interface StreamClientOptions extends StreamConnectionOptions {
  /** Every parsed message except server errors, which go to `onServerError`. */
  onMessage: (message: StreamMessage) => void;
  /**
   * After a close with 1013 ("try again later") the server is shedding load (every
   * stream hub drops a client that falls behind with it), so the next attempt waits at
   * least this long; coming back sooner would only be refused again. Default 5 s.
   */
  tryAgainLaterMinMs?: number;
}

/** What a page does with any stream: run it while shown, and hurry it after a token refresh. */
export interface StreamLifecycle {
  start(): void;
  stop(): void;
  /** Skips the wait when something changed that may let the next attempt succeed. */
  reconnectNow(): void;
  status(): StreamStatus;
}

export interface StreamClient extends StreamLifecycle {
  /** Follows a whole channel, or only the given instruments on it. */
  subscribe(channel: string, instruments?: readonly string[]): void;
  unsubscribe(channel: string, instruments?: readonly string[]): void;
}

const protocolName = 'energyopti.v1';
const socketOpen = 1;
const tryAgainLaterCode = 1013;
/** Closes that mean the token was refused rather than the network failing. */
const policyCodes = new Set([1008, 4401, 4403]);

/** The stream's address on the server that served the page, over TLS when the page was. */
export function streamUrlFor(location: Pick<Location, 'protocol' | 'host'>, path: string): string {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${location.host}${path}`;
}

/** The lifecycle alone, for a feature stream that hides the channel-level subscriptions. */
export function lifecycleOf(client: StreamLifecycle): StreamLifecycle {
  return {
    start: () => client.start(),
    stop: () => client.stop(),
    reconnectNow: () => client.reconnectNow(),
    status: () => client.status(),
  };
}

function parseMessage(data: unknown): StreamMessage | null {
  if (typeof data !== 'string') return null;
  try {
    const parsed: unknown = JSON.parse(data);
    return typeof parsed === 'object' && parsed !== null ? (parsed as StreamMessage) : null;
  } catch {
    return null;
  }
}

export function createStreamClient(options: StreamClientOptions): StreamClient {
  const initialDelayMs = options.initialDelayMs ?? 1_000;
  const maxDelayMs = options.maxDelayMs ?? 30_000;
  const random = options.random ?? (() => 1);
  const subscriptions = createSubscriptions();
  let socket: StreamSocket | null = null;
  let retryTimer: unknown = null;
  let failures = 0;
  let state: StreamStatus = 'stopped';

  function setStatus(next: StreamStatus) {
    if (next === state) return;
    state = next;
    options.onStatus?.(next);
  }

  function send(message: object | null) {
    if (message && socket?.readyState === socketOpen) socket.send(JSON.stringify(message));
  }

  function delayFor(attempt: number, code: number): number {
    const exponential = Math.min(maxDelayMs, initialDelayMs * 2 ** (attempt - 1));
    // Between half and all of the exponential delay, so reconnections do not arrive in step.
    const jittered = exponential * (0.5 + 0.5 * random());
    const floor = code === tryAgainLaterCode ? (options.tryAgainLaterMinMs ?? 5_000) : 0;
    return Math.max(jittered, floor);
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

  function receive(message: StreamMessage) {
    if (message.type !== 'error') {
      options.onMessage(message);
      return;
    }
    if (typeof message.message === 'string') options.onServerError?.(message.message);
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
    // Events of a socket this client has already let go of are ignored.
    current.onopen = () => {
      if (socket !== current) return;
      opened = true;
      failures = 0;
      setStatus('live');
      subscriptions.all().forEach(send);
    };
    current.onmessage = (event) => {
      if (socket !== current) return;
      const message = parseMessage(event.data);
      if (message) receive(message);
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
    subscribe(channel, instruments) {
      send(subscriptions.add(channel, instruments));
    },
    unsubscribe(channel, instruments) {
      send(subscriptions.remove(channel, instruments));
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
