import { panelClass } from '../../components/styles';
import { Spinner } from '../../components/Spinner';
import { MonteCarloCard } from './MonteCarloCard';
import { useValueAtRiskQuery } from './riskApi';
import type { VarGrouping } from './types';
import { VarFigures } from './VarFigures';

export interface VarSettings {
  confidence: number;
  horizonDays: number;
}

function VarCard({
  method,
  label,
  settings,
  groupBy,
}: {
  method: 'historical' | 'parametric';
  label: string;
  settings: VarSettings;
  groupBy?: VarGrouping;
}) {
  const { data, isFetching, isError } = useValueAtRiskQuery({
    method,
    ...settings,
    ...(groupBy ? { groupBy } : {}),
  });
  return (
    <div className={panelClass} data-testid={`var-card-${method}`}>
      <h2 className="text-xs uppercase tracking-wide text-slate-400">
        {label} · {(settings.confidence * 100).toFixed(1)}% · {settings.horizonDays}d
      </h2>
      {isFetching ? <Spinner label="Computing…" /> : null}
      {isError ? <p className="text-sm text-rose-400">VaR could not be computed.</p> : null}
      {data && !isFetching ? <VarFigures run={data} method={method} /> : null}
    </div>
  );
}

/**
 * VaR and ES by the three methods side by side. The historical card's request carries the
 * contributions' grouping, so the page's chart reads that card's run; Monte Carlo runs in
 * the background with a progress bar.
 */
export function VarCards({
  settings,
  groupBy,
  round,
  live,
}: {
  settings: VarSettings;
  groupBy: VarGrouping;
  round: number;
  live: boolean;
}) {
  return (
    <div className="grid gap-3 md:grid-cols-3" data-testid="var-cards">
      <VarCard method="historical" label="Historical" settings={settings} groupBy={groupBy} />
      <VarCard method="parametric" label="Parametric" settings={settings} />
      <MonteCarloCard settings={settings} round={round} live={live} />
    </div>
  );
}
