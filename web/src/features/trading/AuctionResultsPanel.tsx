import { panelClass, tableClass, tdClass, thClass } from '../../components/styles';
import { ClearingPriceChart } from './ClearingPriceChart';
import { EmptyState } from '../../components/EmptyState';
import { formatFigure } from '../../components/format';
import { Spinner } from '../../components/Spinner';
import { useAuctionResultsQuery } from './tradingApi';
import type { MyHourResult } from './types';

function mineText(mine: MyHourResult[]): string {
  if (mine.length === 0) return '—';
  return mine
    .map((m) => `${m.side} ${formatFigure(m.accepted, 1)} of ${formatFigure(m.submitted, 1)}`)
    .join(', ');
}

/** Clearing price and volume per hour, and how much of the caller's curves was accepted. */
export function AuctionResultsPanel({ auctionId }: { auctionId: string }) {
  const { data, isLoading, isError } = useAuctionResultsQuery(auctionId);
  return (
    <section
      className={`${panelClass} min-w-0 space-y-3`}
      aria-label="Auction results"
      data-testid="auction-results"
    >
      <h3 className="text-sm font-semibold text-slate-100">Results</h3>
      {isLoading ? <Spinner label="Loading results…" /> : null}
      {isError ? <p className="text-sm text-rose-400">The results could not be loaded.</p> : null}
      {data && data.status === 'open' ? (
        <EmptyState>This auction has not cleared yet.</EmptyState>
      ) : null}
      {data && data.status === 'cleared' ? (
        <>
          <ClearingPriceChart hours={data.hours} />
          <div className="relative overflow-x-auto">
            <table className={tableClass}>
              <thead>
                <tr>
                  <th className={thClass}>Hour</th>
                  <th className={`${thClass} text-right`}>Price</th>
                  <th className={`${thClass} text-right`}>Volume</th>
                  <th className={thClass}>Mine (accepted of submitted)</th>
                </tr>
              </thead>
              <tbody>
                {data.hours.map((h) => (
                  <tr key={h.hour} data-testid="auction-hour">
                    <td className={tdClass}>{h.hour + 1}</td>
                    <td className={`${tdClass} text-right font-mono tabular-nums`}>
                      {h.cleared ? (
                        formatFigure(h.price)
                      ) : (
                        <span className="text-slate-500">{h.reason ?? 'not cleared'}</span>
                      )}
                    </td>
                    <td className={`${tdClass} text-right font-mono tabular-nums`}>
                      {formatFigure(h.volume, 1)}
                    </td>
                    <td className={tdClass}>
                      {mineText(data.mine.filter((m) => m.hour === h.hour))}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
    </section>
  );
}
