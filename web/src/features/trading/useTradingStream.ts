import { useEffect, useRef, useState } from 'react';
import { useAppDispatch, useAppSelector } from '../../app/hooks';
import { notify } from '../../app/notifications';
import { selectAccessToken } from '../../app/session';
import { authApi } from '../auth/authApi';
import { tradingApi } from './tradingApi';
import {
  createTradingStream,
  tradingStreamUrl,
  type StreamSocket,
  type StreamStatus,
  type TradingStream,
} from './tradingStream';

/** The depth the page asks for; stream updates are written into that cached book. */
export const ladderDepth = 10;

/** While the socket is down the page polls instead, this often. */
export const fallbackPollMs = 5_000;

/** Bursts of fills arrive together; one refetch per burst is enough. */
const refetchAfterMs = 250;

type TradingTag = 'Order' | 'Trade' | 'Position';

function openBrowserSocket(url: string, protocols: string[]): StreamSocket {
  return new WebSocket(url, protocols) as unknown as StreamSocket;
}

const browserTimers = {
  set: (run: () => void, ms: number) => window.setTimeout(run, ms),
  clear: (handle: unknown) => window.clearTimeout(handle as number),
};

/**
 * Live order, book and trade updates for the instruments on screen. Book
 * updates replace the cached book; order and trade updates refetch the
 * blotters and positions they change. When the server refuses the token,
 * one request through the API client refreshes it and the waiting
 * reconnection goes ahead with the new one.
 */
export function useTradingStream(instrumentIds: readonly string[]): StreamStatus {
  const dispatch = useAppDispatch();
  const token = useAppSelector(selectAccessToken);
  const tokenRef = useRef(token);
  const refreshedFor = useRef<string | null>(null);
  const streamRef = useRef<TradingStream | null>(null);
  const key = instrumentIds.join(',');
  const watchedRef = useRef(key);
  const [status, setStatus] = useState<StreamStatus>('connecting');

  useEffect(() => {
    const pending = new Set<TradingTag>();
    let flushTimer: number | null = null;
    const refetch = (...tags: TradingTag[]) => {
      tags.forEach((tag) => pending.add(tag));
      flushTimer ??= window.setTimeout(() => {
        flushTimer = null;
        dispatch(tradingApi.util.invalidateTags([...pending]));
        pending.clear();
      }, refetchAfterMs);
    };
    const stream = createTradingStream({
      url: tradingStreamUrl(window.location),
      getToken: () => tokenRef.current,
      openSocket: openBrowserSocket,
      timers: browserTimers,
      random: Math.random,
      onStatus: setStatus,
      onOrder: (order) =>
        order.filledQuantity > 0 ? refetch('Order', 'Trade', 'Position') : refetch('Order'),
      // Any trade moves the mark, and so the unrealised P&L.
      onTrade: () => refetch('Trade', 'Position'),
      onBook: (book) => {
        dispatch(
          tradingApi.util.updateQueryData(
            'orderBook',
            { instrumentId: book.instrumentId, depth: ladderDepth },
            (draft) => {
              draft.bids = book.bids;
              draft.asks = book.asks;
              if (book.lastTradePrice !== null) draft.lastTradePrice = book.lastTradePrice;
            },
          ),
        );
      },
      onServerError: (message) =>
        dispatch(
          notify({ tone: 'error', title: 'Trading stream', detail: message, requestId: null }),
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
    stream.watch(watchedRef.current ? watchedRef.current.split(',') : []);
    stream.start();
    return () => {
      streamRef.current = null;
      if (flushTimer !== null) window.clearTimeout(flushTimer);
      stream.stop();
    };
  }, [dispatch]);

  useEffect(() => {
    tokenRef.current = token;
    streamRef.current?.reconnectNow();
  }, [token]);

  useEffect(() => {
    watchedRef.current = key;
    streamRef.current?.watch(key ? key.split(',') : []);
  }, [key]);

  return status;
}
