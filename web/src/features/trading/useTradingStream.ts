import { useEffect, useRef } from 'react';
import { useAppDispatch } from '../../app/hooks';
import type { AppDispatch } from '../../app/store';
import { useStream } from '../../app/stream/useStream';
import { tradingApi } from './tradingApi';
import { createTradingStream, tradingStreamUrl, type StreamStatus } from './tradingStream';

/** The depth the page asks for; stream updates are written into that cached book. */
export const ladderDepth = 10;

/** While the socket is down the page polls instead, this often. */
export const fallbackPollMs = 5_000;

/** Bursts of fills arrive together; one refetch per burst is enough. */
const refetchAfterMs = 250;

type TradingTag = 'Order' | 'Trade' | 'Position';

/** Collects the tags a burst of updates makes stale and invalidates them once. */
function batchedRefetch(dispatch: AppDispatch) {
  const pending = new Set<TradingTag>();
  let flushTimer: number | null = null;
  return {
    refetch(...tags: TradingTag[]) {
      tags.forEach((tag) => pending.add(tag));
      flushTimer ??= window.setTimeout(() => {
        flushTimer = null;
        dispatch(tradingApi.util.invalidateTags([...pending]));
        pending.clear();
      }, refetchAfterMs);
    },
    cancel() {
      if (flushTimer !== null) window.clearTimeout(flushTimer);
    },
  };
}

/**
 * Live order, book and trade updates for the instruments on screen. Book
 * updates replace the cached book; order and trade updates refetch the
 * blotters and positions they change. The token and reconnection are
 * looked after by `useStream`.
 */
export function useTradingStream(instrumentIds: readonly string[]): StreamStatus {
  const dispatch = useAppDispatch();
  const key = instrumentIds.join(',');
  const watchedRef = useRef(key);

  const { status, streamRef } = useStream(
    (connection) => {
      const batch = batchedRefetch(dispatch);
      const stream = createTradingStream({
        ...connection,
        url: tradingStreamUrl(window.location),
        onOrder: (order) =>
          order.filledQuantity > 0
            ? batch.refetch('Order', 'Trade', 'Position')
            : batch.refetch('Order'),
        // Any trade moves the mark, and so the unrealised P&L.
        onTrade: () => batch.refetch('Trade', 'Position'),
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
      });
      stream.watch(watchedRef.current ? watchedRef.current.split(',') : []);
      // A burst still waiting to refetch goes with the page.
      return {
        ...stream,
        stop: () => {
          batch.cancel();
          stream.stop();
        },
      };
    },
    { errorTitle: 'Trading stream' },
  );

  useEffect(() => {
    watchedRef.current = key;
    streamRef.current?.watch(key ? key.split(',') : []);
  }, [key, streamRef]);

  return status;
}
