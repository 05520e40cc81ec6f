import { useEffect, useRef } from 'react';
import { useStream } from '../../app/stream/useStream';
import { createMarketStream, streamUrl, type StreamStatus } from './streamClient';
import type { StreamBar, Tick } from './types';

export interface StreamHandlers {
  onTick?: (tick: Tick) => void;
  onBar?: (bar: StreamBar) => void;
}

/**
 * Live ticks for the given instruments while the calling page is shown.
 * Server errors are shown as notices; the token and reconnection are
 * looked after by `useStream`.
 */
export function useMarketStream(
  instrumentIds: readonly string[],
  handlers: StreamHandlers,
): StreamStatus {
  const handlersRef = useRef(handlers);

  useEffect(() => {
    handlersRef.current = handlers;
  }, [handlers]);

  const { status, streamRef } = useStream(
    (connection) =>
      createMarketStream({
        ...connection,
        url: streamUrl(window.location),
        onTick: (tick) => handlersRef.current.onTick?.(tick),
        onBar: (bar) => handlersRef.current.onBar?.(bar),
      }),
    { errorTitle: 'Market stream' },
  );

  const key = instrumentIds.join(',');
  useEffect(() => {
    const stream = streamRef.current;
    if (!stream) return;
    const ids = key ? key.split(',') : [];
    stream.subscribe(ids);
    return () => stream.unsubscribe(ids);
  }, [key, streamRef]);

  return status;
}
