import { useEffect, useRef, useState } from 'react';
import { useAppDispatch, useAppSelector } from '../../app/hooks';
import { selectAccessToken } from '../../app/session';
import { authApi } from '../auth/authApi';
import type { StreamSocket } from '../trading/tradingStream';
import { withAlert } from './liveRisk';
import { riskApi } from './riskApi';
import { createRiskStream, riskStreamUrl, type RiskStream, type RiskStreamStatus } from './riskStream';

function openBrowserSocket(url: string, protocols: string[]): StreamSocket {
  return new WebSocket(url, protocols) as unknown as StreamSocket;
}

const browserTimers = {
  set: (run: () => void, ms: number) => window.setTimeout(run, ms),
  clear: (handle: unknown) => window.clearTimeout(handle as number),
};

/**
 * Keeps the risk page live: a pushed alert goes on top of the cached alerts list (and the
 * limits are measured again), and a pushed run update moves the cached run's progress bar,
 * its figures fetched once it is done. When the server refuses the token, one request
 * through the API client refreshes it and the waiting reconnection uses the new one.
 */
export function useRiskStream(): RiskStreamStatus {
  const dispatch = useAppDispatch();
  const token = useAppSelector(selectAccessToken);
  const tokenRef = useRef(token);
  const refreshedFor = useRef<string | null>(null);
  const streamRef = useRef<RiskStream | null>(null);
  const [status, setStatus] = useState<RiskStreamStatus>('connecting');

  useEffect(() => {
    const stream = createRiskStream({
      url: riskStreamUrl(window.location),
      getToken: () => tokenRef.current,
      openSocket: openBrowserSocket,
      timers: browserTimers,
      random: Math.random,
      onStatus: setStatus,
      onAlert: (alert) => {
        dispatch(
          riskApi.util.updateQueryData('alerts', undefined, (draft) => {
            draft.items = withAlert(draft.items, alert);
          }),
        );
        dispatch(riskApi.util.invalidateTags(['RiskLimit']));
      },
      onRun: (run) => {
        dispatch(
          riskApi.util.updateQueryData('varRun', run.runId, (draft) => {
            if (run.seq > draft.seq) Object.assign(draft, run);
          }),
        );
        if (run.status !== 'running') dispatch(riskApi.util.invalidateTags([{ type: 'RiskVarRun', id: run.runId }]));
      },
      onUnauthorised: () => {
        const spent = tokenRef.current;
        if (!spent || refreshedFor.current === spent) return;
        refreshedFor.current = spent;
        // Any request through the API client refreshes a spent token on its 401.
        void dispatch(authApi.endpoints.me.initiate(undefined, { subscribe: false, forceRefetch: true }));
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

  return status;
}
