import { panelClass, tableClass, tdClass, thClass } from '../../components/styles';
import { EmptyState } from '../../components/EmptyState';
import { formatFigure, formatTime } from '../../components/format';
import { Spinner } from '../../components/Spinner';
import { useTradesQuery } from './tradingApi';

/** The caller's own fills, newest first. */
export function TradesBlotter({ pollingInterval }: { pollingInterval: number }) {
  const { data, isLoading, isError } = useTradesQuery(
    { mine: true, limit: 50 },
    { pollingInterval },
  );
  return (
    <section className={panelClass} aria-label="My trades" data-testid="trades-blotter">
      <h2 className="mb-2 text-base font-semibold text-slate-100">My trades</h2>
      {isLoading ? <Spinner label="Loading your trades…" /> : null}
      {isError ? <p className="text-sm text-rose-400">Your trades could not be loaded.</p> : null}
      {data && data.items.length === 0 ? (
        <EmptyState testId="trades-empty">No trades yet.</EmptyState>
      ) : null}
      {data && data.items.length > 0 ? (
        <div className="relative overflow-x-auto">
          <table className={tableClass}>
            <thead>
              <tr>
                <th className={thClass}>Time</th>
                <th className={thClass}>Instrument</th>
                <th className={thClass}>Side</th>
                <th className={`${thClass} text-right`}>Price</th>
                <th className={`${thClass} text-right`}>Qty</th>
                <th className={thClass}>Aggressor</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((trade) => (
                <tr
                  key={trade.id}
                  data-testid="trade-row"
                  data-instrument={trade.instrumentId}
                  data-side={trade.side}
                >
                  <td className={`${tdClass} whitespace-nowrap text-slate-400`}>
                    {formatTime(trade.time)}
                  </td>
                  <td className={`${tdClass} whitespace-nowrap`}>{trade.instrumentId}</td>
                  <td
                    className={`${tdClass} font-medium uppercase ${trade.side === 'sell' ? 'text-rose-300' : 'text-emerald-300'}`}
                  >
                    {trade.side ?? '—'}
                  </td>
                  <td className={`${tdClass} text-right font-mono tabular-nums`}>
                    {formatFigure(trade.price)}
                  </td>
                  <td className={`${tdClass} text-right font-mono tabular-nums`}>
                    {formatFigure(trade.quantity, 1)}
                  </td>
                  <td className={`${tdClass} uppercase text-slate-400`}>{trade.aggressorSide}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
