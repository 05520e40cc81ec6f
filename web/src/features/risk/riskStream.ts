import type { StreamSocket, Timers } from '../trading/tradingStream';
import type { RiskAlert, VarRunState } from './types';

/**
 * The client side of `/api/v1/risk/stream`: limit alerts as they are raised and the progress
 * of the user's own VaR runs, with reconnection and exponential back-off. The server pushes
 * without being asked, so there is nothing to subscribe to. No React and no timers of its own
 * (both are passed in), so it is tested with a fake socket.
 */

export type RiskStreamStatus = 'connecting' | 'live' | 'reconnecting' | 'stopped';

/** Progress as the stream carries it: the figures are fetched once the run is done. */
export type VarRunProgress = Omit<VarRunState, 'result'>;

export interface RiskStreamOptions {
  url: string;
  getToken: () => string | null;
  openSocket: (url: string, protocols: string[]) => StreamSocket;
  timers: Timers;
  onAlert?: (alert: RiskAlert) => void;
  onRun?: (run: VarRunProgress) => void;
  onStatus?: (status: RiskStreamStatus) => void;
  /** The socket closed before opening or for a policy reason: the token may need a refresh. */
  onUnauthorised?: () => void;
  initialDelayMs?: number;
  maxDelayMs?: number;
  /** 0..1; spreads the reconnections of many desks after a server restart. */
  random?: () => number;
}

export interface RiskStream {
  start(): void;
  stop(): void;
  reconnectNow(): void;
  status(): RiskStreamStatus;
}

const policyCodes = new Set([1008, 4401, 4403]);

export function riskStreamUrl(location: Pick<Location, 'protocol' | 'host'>): string {
  return `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}/api/v1/risk/stream`;
}

function parse(data: unknown): { type?: unknown; alert?: unknown; run?: unknown } | null {
  if (typeof data !== 'string') return null;
  try {
    const value: unknown = JSON.parse(data);
    return typeof value === 'object' && value !== null ? value : null;
  } catch {
    return null;
  }
}

export function createRiskStream(options: RiskStreamOptions): RiskStream {
  const initialDelayMs = options.initialDelayMs ?? 1_000;
  const maxDelayMs = options.maxDelayMs ?? 30_000;
  const random = options.random ?? (() => 1);
  let socket: StreamSocket | null = null;
  let retryTimer: unknown = null;
  let failures = 0;
  let state: RiskStreamStatus = 'stopped';

  const setStatus = (next: RiskStreamStatus) => {
    if (next === state) return;
    state = next;
    options.onStatus?.(next);
  };

  function scheduleRetry() {
    failures += 1;
    setStatus('reconnecting');
    const delay = Math.min(maxDelayMs, initialDelayMs * 2 ** (failures - 1)) * (0.5 + 0.5 * random());
    retryTimer = options.timers.set(() => {
      retryTimer = null;
      connect();
    }, delay);
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
    };
    current.onmessage = (event) => {
      if (socket !== current) return;
      const message = parse(event.data);
      if (message?.type === 'alert' && typeof message.alert === 'object' && message.alert !== null) options.onAlert?.(message.alert as RiskAlert);
      if (message?.type === 'var-run' && typeof message.run === 'object' && message.run !== null) options.onRun?.(message.run as VarRunProgress);
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
    reconnectNow() {
      if (retryTimer === null) return;
      options.timers.clear(retryTimer);
      retryTimer = null;
      connect();
    },
    status: () => state,
  };
}
