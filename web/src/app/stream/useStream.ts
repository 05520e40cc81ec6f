import { useEffect, useRef, useState, type RefObject } from 'react';
import { authApi } from '../authApi';
import { useAppDispatch, useAppSelector } from '../hooks';
import { notify } from '../notifications';
import { selectAccessToken } from '../session';
import type {
  StreamConnectionOptions,
  StreamLifecycle,
  StreamSocket,
  StreamStatus,
} from './streamClient';

/** What the page hands a feature's stream: the browser's socket and timers, the session's token, and its reactions. */
export type PageConnection = Omit<StreamConnectionOptions, 'url' | 'initialDelayMs' | 'maxDelayMs'>;

export interface UseStreamOptions {
  /** Title of the notice shown when the server reports an error; without it such reports are ignored. */
  errorTitle?: string;
}

export interface PageStream<S> {
  status: StreamStatus;
  /** The running stream, for effects that subscribe; null before mount and after unmount. */
  streamRef: RefObject<S | null>;
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
 * Runs a feature's stream while the calling page is shown. The socket
 * authenticates with the session's access token; when the server refuses
 * it, one request through the API client refreshes the token, and the
 * waiting reconnection then goes ahead at once with the new one. `open`
 * builds the stream from the page's connection; it is called once per mount.
 */
export function useStream<S extends StreamLifecycle>(
  open: (connection: PageConnection) => S,
  { errorTitle }: UseStreamOptions = {},
): PageStream<S> {
  const dispatch = useAppDispatch();
  const token = useAppSelector(selectAccessToken);
  const tokenRef = useRef(token);
  const refreshedFor = useRef<string | null>(null);
  const openRef = useRef(open);
  const streamRef = useRef<S | null>(null);
  const [status, setStatus] = useState<StreamStatus>('connecting');

  useEffect(() => {
    openRef.current = open;
  });

  useEffect(() => {
    const stream = openRef.current({
      getToken: () => tokenRef.current,
      openSocket: openBrowserSocket,
      timers: browserTimers,
      random: Math.random,
      onStatus: setStatus,
      ...(errorTitle === undefined
        ? {}
        : {
            onServerError: (message: string) =>
              dispatch(
                notify({ tone: 'error', title: errorTitle, detail: message, requestId: null }),
              ),
          }),
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
  }, [dispatch, errorTitle]);

  useEffect(() => {
    tokenRef.current = token;
    streamRef.current?.reconnectNow();
  }, [token]);

  return { status, streamRef };
}
