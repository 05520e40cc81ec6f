import { useAppDispatch } from '../../app/hooks';
import { useStream } from '../../app/stream/useStream';
import { withAlert } from './liveRisk';
import { riskApi } from './riskApi';
import { createRiskStream, riskStreamUrl, type RiskStreamStatus } from './riskStream';

/**
 * Keeps the risk page live: a pushed alert goes on top of the cached alerts list (and the
 * limits are measured again), and a pushed run update moves the cached run's progress bar,
 * its figures fetched once it is done. The token and reconnection are looked after by
 * `useStream`.
 */
export function useRiskStream(): RiskStreamStatus {
  const dispatch = useAppDispatch();
  const { status } = useStream(
    (connection) =>
      createRiskStream({
        ...connection,
        url: riskStreamUrl(window.location),
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
          if (run.status !== 'running')
            dispatch(riskApi.util.invalidateTags([{ type: 'RiskVarRun', id: run.runId }]));
        },
      }),
    { errorTitle: 'Risk stream' },
  );
  return status;
}
