import { SegmentedControl } from '../../components/SegmentedControl';
import { formatFigure, signTone } from '../../components/format';
import { contributionBars } from './charts';
import type { VarContribution, VarGrouping } from './types';

const GROUPINGS: readonly VarGrouping[] = ['position', 'book', 'commodity', 'deliveryPeriod'];
const NAMES: Record<VarGrouping, string> = {
  position: 'Position',
  book: 'Book',
  commodity: 'Commodity',
  deliveryPeriod: 'Delivery period',
};

/**
 * Component VaR by position, book, commodity or delivery period: what each adds to the total
 * (the bars add up to the VaR); a hedge shows as a bar to the left.
 */
export function ContributionsChart({
  items,
  groupBy,
  onGroupBy,
}: {
  items: readonly VarContribution[];
  groupBy: VarGrouping;
  onGroupBy: (groupBy: VarGrouping) => void;
}) {
  return (
    <div>
      <div className="mb-2">
        <SegmentedControl
          label="Group contributions by"
          options={GROUPINGS}
          value={groupBy}
          onChange={onGroupBy}
          names={NAMES}
        />
      </div>
      {items.length === 0 ? (
        <p className="text-sm text-slate-400">No positions contribute yet.</p>
      ) : null}
      <ul className="space-y-1" data-testid="contributions" data-group-by={groupBy}>
        {contributionBars(items).map((bar, i) => (
          <li
            key={bar.key}
            className="grid grid-cols-[minmax(8rem,14rem)_1fr_6rem_3rem] items-center gap-2 text-xs"
            data-testid="contribution"
          >
            <span
              className="truncate text-slate-300"
              title={`${bar.key} · ${items[i]!.positions} positions · marginal ${formatFigure(items[i]!.marginal, 4)} per unit of currency`}
            >
              {bar.key}
            </span>
            <span className="relative h-3 rounded bg-slate-800">
              <span
                className={`absolute top-0 h-3 rounded ${bar.share >= 0 ? 'left-1/2 bg-sky-500' : 'right-1/2 bg-emerald-500'}`}
                style={{ width: `${Math.abs(bar.share) * 50}%` }}
              />
            </span>
            <span className={`text-right font-mono tabular-nums ${signTone(-bar.component)}`}>
              {formatFigure(bar.component)}
            </span>
            <span className="text-right font-mono tabular-nums text-slate-500">
              {(items[i]!.share * 100).toFixed(0)}%
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
