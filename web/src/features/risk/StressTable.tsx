import { tableClass, tdClass, thClass } from '../../components/styles';
import { formatFigure, signTone } from '../../components/format';
import { Spinner } from '../../components/Spinner';
import { useStressQuery } from './riskApi';

/** The shipped historic scenarios applied to today's positions. */
export function StressTable() {
  const { data, isFetching, isError } = useStressQuery();
  if (isFetching && !data) return <Spinner label="Running stress scenarios…" />;
  if (isError) return <p className="text-sm text-rose-400">Stress tests could not be run.</p>;
  if (!data) return null;
  return (
    <div className="overflow-x-auto">
      <table className={tableClass} data-testid="stress-table">
        <thead>
          <tr>
            <th className={thClass}>Scenario</th>
            <th className={thClass}>Positions</th>
            <th className={`${thClass} text-right`}>P&amp;L ({data.currency})</th>
          </tr>
        </thead>
        <tbody>
          {data.results.map((r) => (
            <tr key={r.scenarioId}>
              <td className={tdClass}>{r.name}</td>
              <td className={tdClass}>{r.positions.length}</td>
              <td
                className={`${tdClass} text-right font-mono tabular-nums ${signTone(r.totalPnl)}`}
              >
                {formatFigure(r.totalPnl)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {data.warnings.map((w) => (
        <p key={w} className="mt-1 text-xs text-amber-300">
          {w}
        </p>
      ))}
    </div>
  );
}
