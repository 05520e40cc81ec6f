import {
  createStreamClient,
  lifecycleOf,
  streamUrlFor,
  type StreamConnectionOptions,
  type StreamLifecycle,
  type StreamStatus,
} from '../../app/stream/streamClient';
import type { RiskAlert, VarRunState } from './types';

/**
 * The risk side of `/api/v1/risk/stream`: limit alerts as they are raised and
 * the progress of the user's own VaR runs. The server pushes without being
 * asked, so there is nothing to subscribe to; connection and back-off are
 * the shared stream client's.
 */

export type RiskStreamStatus = StreamStatus;

/** Progress as the stream carries it: the figures are fetched once the run is done. */
export type VarRunProgress = Omit<VarRunState, 'result'>;

export interface RiskStreamOptions extends StreamConnectionOptions {
  onAlert?: (alert: RiskAlert) => void;
  onRun?: (run: VarRunProgress) => void;
}

export type RiskStream = StreamLifecycle;

export function riskStreamUrl(location: Pick<Location, 'protocol' | 'host'>): string {
  return streamUrlFor(location, '/api/v1/risk/stream');
}

export function createRiskStream(options: RiskStreamOptions): RiskStream {
  const { onAlert, onRun, ...connection } = options;
  const client = createStreamClient({
    ...connection,
    onMessage: ({ type, alert, run }) => {
      if (type === 'alert' && typeof alert === 'object' && alert !== null)
        onAlert?.(alert as RiskAlert);
      if (type === 'var-run' && typeof run === 'object' && run !== null)
        onRun?.(run as VarRunProgress);
    },
  });
  return lifecycleOf(client);
}
