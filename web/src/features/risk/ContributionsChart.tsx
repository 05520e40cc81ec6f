import { formatFigure, signTone } from '../trading/format';
import { contributionBars } from './charts';

/** Component VaR per position: what each adds to the total; a hedge shows as a bar to the left. */
export function ContributionsChart({ items }: { items: readonly { key: string; component: number }[] }) {
  if (items.length === 0) return <p className="text-sm text-slate-400">No positions contribute yet.</p>;
  return (
    <ul className="space-y-1" data-testid="contributions">
      {contributionBars(items).map((bar) => (
        <li key={bar.key} className="grid grid-cols-[minmax(8rem,14rem)_1fr_6rem] items-center gap-2 text-xs">
          <span className="truncate text-slate-300" title={bar.key}>{bar.key}</span>
          <span className="relative h-3 rounded bg-slate-800">
            <span
              className={`absolute top-0 h-3 rounded ${bar.share >= 0 ? 'left-1/2 bg-sky-500' : 'right-1/2 bg-emerald-500'}`}
              style={{ width: `${Math.abs(bar.share) * 50}%` }}
            />
          </span>
          <span className={`text-right font-mono tabular-nums ${signTone(-bar.component)}`}>{formatFigure(bar.component)}</span>
        </li>
      ))}
    </ul>
  );
}
