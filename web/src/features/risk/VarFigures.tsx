import { formatFigure } from '../../components/format';
import type { VarRun } from './types';

/** VaR, ES and what they were computed over, as each card shows them. */
export function VarFigures({ run, method }: { run: VarRun; method: string }) {
  return (
    <dl className="mt-2 grid grid-cols-2 gap-2">
      <div>
        <dt className="text-xs text-slate-400">VaR</dt>
        <dd className="font-mono text-lg tabular-nums text-slate-100" data-testid={`var-${method}`}>
          {formatFigure(run.var)} <span className="text-xs text-slate-500">{run.currency}</span>
        </dd>
      </div>
      <div>
        <dt className="text-xs text-slate-400">ES</dt>
        <dd className="font-mono text-lg tabular-nums text-slate-100">{formatFigure(run.es)}</dd>
      </div>
      <p className="col-span-2 text-xs text-slate-500">
        {run.positions} positions · {run.factors} factors
        {run.scenarios ? ` · ${run.scenarios} scenarios` : ''}
        {run.meanReversion.length > 0 ? ` · ${run.meanReversion.length} mean-reverting` : ''}
      </p>
    </dl>
  );
}
