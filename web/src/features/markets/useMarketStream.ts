import { useEffect, useRef, useState } from 'react';
import { useAppDispatch, useAppSelector } from '../../app/hooks';
import { notify } from '../../app/notifications';
import { selectAccessToken } from '../../app/session';
import { authApi } from '../auth/authApi';
import {
  createMarketStream,
  streamUrl,
  type MarketStream,
  type StreamSocket,
  type StreamStatus,
} from './streamClient';
import type { StreamBar, Tick } from './types';

export interface StreamHandlers {
  onTick?: (tick: Tick) => void;
  onBar?: (bar: StreamBar) => void;
}

function openBrowserSocket(url: string, protocols: string[]): StreamSocket {
  // The browser's socket has the same members with narrower event types.
  return new WebSocket(url, protocols) as unknown as StreamSocket;
}

const browserTimers = {
  set: (run: () => void, ms: number) => window.setTimeout(run, ms),
  clear: (handle: unknown) => window.clearTimeout(handle as number),
};

/**
 * Live ticks for the given instruments while the calling page is shown.
 * The socket authenticates with the session's access token; when the server
 * refuses it, one request through the API client refreshes the token, and
 * the waiting reconnection then goes ahead at once with the new one.
 */
export function useMarketStream(
  instrumentIds: readonly string[],
  handlers: StreamHandlers,
): StreamStatus {
  const dispatch = useAppDispatch();
  const token = useAppSelector(selectAccessToken);
  const tokenRef = useRef(token);
  const handlersRef = useRef(handlers);
  const refreshedFor = useRef<string | null>(null);
  const [status, setStatus] = useState<StreamStatus>('connecting');
  const streamRef = useRef<MarketStream | null>(null);

  useEffect(() => {
    handlersRef.current = handlers;
  }, [handlers]);

  useEffect(() => {
    const stream = createMarketStream({
      url: streamUrl(window.location),
      getToken: () => tokenRef.current,
      openSocket: openBrowserSocket,
      timers: browserTimers,
      random: Math.random,
      onStatus: setStatus,
      onTick: (tick) => handlersRef.current.onTick?.(tick),
      onBar: (bar) => handlersRef.current.onBar?.(bar),
      onServerError: (message) =>
        dispatch(
          notify({ tone: 'error', title: 'Market stream', detail: message, requestId: null }),
        ),
      onUnauthorised: () => {
        const spent = tokenRef.current;
        if (!spent || refreshedFor.current === spent) return;
        refreshedFor.current = spent;
        // Any request through the API client refreshes a spent token on its 401.
        void dispatch(
          authApi.endpoints.me.initiate(undefined, { subscribe: false, forceRefetch: true }),
        );
      },
    });
    streamRef.current = stream;
    stream.start();
    return () => {
      streamRef.current = null;
      stream.stop();
    };
  }, [dispatch]);

  useEffect(() => {
    tokenRef.current = token;
    streamRef.current?.reconnectNow();
  }, [token]);

  const key = instrumentIds.join(',');
  useEffect(() => {
    const stream = streamRef.current;
    if (!stream) return;
    const ids = key ? key.split(',') : [];
    stream.subscribe(ids);
    return () => stream.unsubscribe(ids);
  }, [key]);

  return status;
}
