import { skipToken } from '@reduxjs/toolkit/query';
import { useEffect, useState } from 'react';
import { panelClass, secondaryButton } from '../../components/styles';
import { riskApi, useStartVarRunMutation, useVarRunQuery } from './riskApi';
import { RunProgress } from './RunProgress';
import type { VarSettings } from './VarCards';
import { VarFigures } from './VarFigures';

/** How often a running run is polled: rarely while the stream pushes its progress. */
const pollMs = { live: 2_000, polling: 700 } as const;

/**
 * Monte Carlo VaR, the long run of the three: started in the background, its progress bar
 * moved by the risk stream (or by polling), its figures shown once done. Power and gas may
 * revert to their mean instead of walking. A run is stored and costs seconds of the
 * server, so it starts when the user asks (this card's button or the page's Recompute),
 * never because the page was opened; once asked, it follows the page's settings.
 */
export function MonteCarloCard({
  settings,
  round,
  live,
}: {
  settings: VarSettings;
  round: number;
  live: boolean;
}) {
  const [meanReversion, setMeanReversion] = useState(false);
  const [start, started] = useStartVarRunMutation();
  const [asked, setAsked] = useState(0);
  const { confidence, horizonDays } = settings;

  useEffect(() => {
    if (round + asked === 0) return;
    // A refusal is shown by the app's failure notices.
    start({ method: 'montecarlo', confidence, horizonDays, meanReversion })
      .unwrap()
      .catch(() => undefined);
  }, [start, confidence, horizonDays, meanReversion, round, asked]);

  const runId = started.data?.runId;
  const cached = riskApi.endpoints.varRun.useQueryState(runId ?? skipToken);
  const running = !cached.data || cached.data.status === 'running';
  // currentData, not data: a new run must not show the previous run's figures meanwhile.
  const { currentData: run, isError } = useVarRunQuery(runId ?? skipToken, {
    pollingInterval: running ? pollMs[live ? 'live' : 'polling'] : 0,
  });
  const current = started.isLoading ? undefined : (run ?? started.data);

  return (
    <div className={panelClass} data-testid="var-card-montecarlo">
      <div className="flex items-center justify-between gap-2">
        <h2 className="text-xs uppercase tracking-wide text-slate-400">
          Monte Carlo · {(confidence * 100).toFixed(1)}% · {horizonDays}d
        </h2>
        <label
          className="flex items-center gap-1 text-xs text-slate-400"
          title="Power and gas revert to their mean (Ornstein-Uhlenbeck) instead of walking"
        >
          <input
            type="checkbox"
            checked={meanReversion}
            onChange={(e) => setMeanReversion(e.target.checked)}
          />
          Mean reversion
        </label>
      </div>
      {started.isUninitialized ? (
        <button
          type="button"
          className={`${secondaryButton} mt-3`}
          onClick={() => setAsked((n) => n + 1)}
        >
          Run Monte Carlo
        </button>
      ) : null}
      {started.isError || isError ? (
        <p className="text-sm text-rose-400">VaR could not be computed.</p>
      ) : null}
      {current?.status === 'failed' ? (
        <p className="text-sm text-rose-400">{current.error?.message ?? 'The run failed.'}</p>
      ) : null}
      {started.isLoading || current?.status === 'running' ? <RunProgress run={current} /> : null}
      {current?.status === 'done' && current.result ? (
        <VarFigures run={current.result} method="montecarlo" />
      ) : null}
    </div>
  );
}
