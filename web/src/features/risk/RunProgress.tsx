import { progressPercent, runProgressLabel } from './liveRisk';
import type { VarRunState } from './types';

/** A background VaR run's progress bar, with what it is doing in words. */
export function RunProgress({
  run,
}: {
  run: Pick<VarRunState, 'status' | 'stage' | 'done' | 'total' | 'fraction'> | undefined;
}) {
  const percent = progressPercent(run?.fraction);
  const label = runProgressLabel(run);
  return (
    <div className="mt-2" data-testid="var-run-progress">
      <div
        role="progressbar"
        aria-label="VaR run progress"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={label}
        className="h-2 overflow-hidden rounded bg-slate-800"
      >
        <div
          className="h-2 rounded bg-sky-500 transition-[width] duration-300"
          style={{ width: `${percent}%` }}
        />
      </div>
      <p className="mt-1 flex items-center gap-2 text-xs text-slate-400">
        <span
          aria-hidden="true"
          className="h-3 w-3 animate-spin rounded-full border-2 border-slate-600 border-t-sky-400"
        />
        {label} · {percent}%
      </p>
    </div>
  );
}
