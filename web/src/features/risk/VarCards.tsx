import { panelClass } from '../../components/styles';
import { formatFigure } from '../trading/format';
import { Spinner } from '../trading/Spinner';
import { useValueAtRiskQuery } from './riskApi';
import type { VarMethod } from './types';

const METHODS: { method: VarMethod; label: string }[] = [
  { method: 'historical', label: 'Historical' },
  { method: 'parametric', label: 'Parametric' },
  { method: 'montecarlo', label: 'Monte Carlo' },
];

export interface VarSettings {
  confidence: number;
  horizonDays: number;
}

function VarCard({ method, label, settings }: { method: VarMethod; label: string; settings: VarSettings }) {
  const { data, isFetching, isError } = useValueAtRiskQuery({ method, ...settings });
  return (
    <div className={panelClass} data-testid={`var-card-${method}`}>
      <h2 className="text-xs uppercase tracking-wide text-slate-400">
        {label} · {(settings.confidence * 100).toFixed(1)}% · {settings.horizonDays}d
      </h2>
      {isFetching ? <Spinner label="Computing…" /> : null}
      {isError ? <p className="text-sm text-rose-400">VaR could not be computed.</p> : null}
      {data && !isFetching ? (
        <dl className="mt-2 grid grid-cols-2 gap-2">
          <div>
            <dt className="text-xs text-slate-400">VaR</dt>
            <dd className="font-mono text-lg tabular-nums text-slate-100" data-testid={`var-${method}`}>
              {formatFigure(data.var)} <span className="text-xs text-slate-500">{data.currency}</span>
            </dd>
          </div>
          <div>
            <dt className="text-xs text-slate-400">ES</dt>
            <dd className="font-mono text-lg tabular-nums text-slate-100">{formatFigure(data.es)}</dd>
          </div>
          <p className="col-span-2 text-xs text-slate-500">
            {data.positions} positions · {data.factors} factors{data.scenarios ? ` · ${data.scenarios} scenarios` : ''}
          </p>
        </dl>
      ) : null}
    </div>
  );
}

/** VaR and ES by the three methods side by side, each computed on its own request. */
export function VarCards({ settings }: { settings: VarSettings }) {
  return (
    <div className="grid gap-3 md:grid-cols-3" data-testid="var-cards">
      {METHODS.map((m) => (
        <VarCard key={m.method} method={m.method} label={m.label} settings={settings} />
      ))}
    </div>
  );
}
