import { useMemo } from 'react';
import { PageTitle } from '../../components/PageTitle';
import { panelClass } from '../../components/styles';
import { EmptyState } from '../trading/EmptyState';
import { formatFigure, signTone } from '../trading/format';
import { Spinner } from '../trading/Spinner';
import { StreamBadge } from '../trading/StreamBadge';
import { fallbackPollMs, useTradingStream } from '../trading/useTradingStream';
import { PnlChart } from './PnlChart';
import { summarisePnl } from './pnl';
import { PositionsGrid } from './PositionsGrid';
import { usePositionsQuery } from './portfolioApi';

/** Positions and P&L of the caller's account, refreshed as their orders fill and marks move. */
export function PortfolioPage() {
  const { data, isLoading, isError } = usePositionsQuery();
  const held = useMemo(() => data?.items.map((p) => p.instrumentId) ?? [], [data]);
  const status = useTradingStream(held);
  // A second subscription to the same cached query adds polling while the socket is down.
  usePositionsQuery(undefined, { pollingInterval: status === 'live' ? 0 : fallbackPollMs });
  const summary = useMemo(() => summarisePnl(data?.items ?? []), [data]);

  return (
    <section className="space-y-4" data-testid="portfolio-page">
      <PageTitle title="Portfolio">
        <StreamBadge status={status} />
      </PageTitle>
      {isLoading ? <Spinner label="Loading positions…" /> : null}
      {isError ? (
        <p className="text-sm text-rose-400">Your positions could not be loaded.</p>
      ) : null}
      {data && data.items.length === 0 ? (
        <EmptyState testId="positions-empty">
          You hold no positions yet. Trades you make appear here.
        </EmptyState>
      ) : null}
      {data && data.items.length > 0 ? (
        <>
          <dl className="grid grid-cols-3 gap-3" data-testid="pnl-totals">
            {(
              [
                ['Realised', summary.realised],
                ['Unrealised', summary.unrealised],
                ['Total', summary.total],
              ] as const
            ).map(([label, value]) => (
              <div key={label} className={panelClass}>
                <dt className="text-xs uppercase tracking-wide text-slate-400">{label}</dt>
                <dd className={`mt-1 font-mono text-lg tabular-nums ${signTone(value)}`}>
                  {formatFigure(value)}
                </dd>
              </div>
            ))}
          </dl>
          <div className={panelClass}>
            <h2 className="mb-2 text-base font-semibold text-slate-100">Positions</h2>
            <PositionsGrid positions={data.items} />
          </div>
          <div className={panelClass}>
            <h2 className="mb-2 text-base font-semibold text-slate-100">P&amp;L by instrument</h2>
            <PnlChart summary={summary} />
          </div>
        </>
      ) : null}
    </section>
  );
}
