import { useMemo, useState } from 'react';
import { PageTitle } from '../../components/PageTitle';
import { inputClass, panelClass } from '../../components/styles';
import { SegmentedControl } from '../../components/SegmentedControl';
import { EmptyState } from '../../components/EmptyState';
import { formatFigure, signTone } from '../../components/format';
import { Spinner } from '../../components/Spinner';
import { StreamBadge } from '../../components/StreamBadge';
import { fallbackPollMs, useTradingStream } from '../trading';
import { CounterpartiesPanel } from './CounterpartiesPanel';
import { PnlChart } from './PnlChart';
import { PnlExplainChart } from './PnlExplainChart';
import { summarisePnl } from './pnl';
import { PositionsGrid } from './PositionsGrid';
import { useBookPositionsQuery, usePnlHistoryQuery } from './portfolioApi';
import type { PositionGrouping } from './types';

const GROUPINGS: readonly PositionGrouping[] = ['book', 'period'];

function DailyPnlPanel({ book }: { book: string | undefined }) {
  const { data, isError } = usePnlHistoryQuery({ ...(book ? { book } : {}) });
  const today = data?.items.at(-1);
  return (
    <div className={panelClass}>
      <h2 className="mb-2 text-base font-semibold text-slate-100">Daily P&amp;L explained</h2>
      {isError ? <p className="text-sm text-rose-400">Daily P&amp;L could not be loaded.</p> : null}
      {today ? (
        <p className="mb-2 text-sm text-slate-300" data-testid="pnl-today">
          Today {formatFigure(today.total)} {data?.currency}: price moves{' '}
          <span className={signTone(today.priceMove)}>{formatFigure(today.priceMove)}</span>, new
          trades <span className={signTone(today.newTrades)}>{formatFigure(today.newTrades)}</span>
        </p>
      ) : null}
      {data ? <PnlExplainChart days={data.items} currency={data.currency} /> : null}
      {data?.warnings.slice(0, 3).map((w) => (
        <p key={w} className="mt-1 text-xs text-amber-300">
          {w}
        </p>
      ))}
    </div>
  );
}

/**
 * Positions per book and delivery period from exchange fills and OTC deals, daily P&L
 * explained, P&L per position and the counterparties' credit lines; refreshed as orders
 * fill and marks move. A risk manager sees every book and may pick one.
 */
export function PortfolioPage() {
  const [groupBy, setGroupBy] = useState<PositionGrouping>('book');
  const [book, setBook] = useState<string | undefined>(undefined);
  const query = { groupBy, ...(book ? { book } : {}) };
  const { data, isLoading, isError } = useBookPositionsQuery(query);
  const held = useMemo(() => [...new Set(data?.items.map((p) => p.instrumentId) ?? [])], [data]);
  const status = useTradingStream(held);
  // A second subscription to the same cached query adds polling while the socket is down.
  useBookPositionsQuery(query, { pollingInterval: status === 'live' ? 0 : fallbackPollMs });
  const summary = useMemo(() => summarisePnl(data?.items ?? []), [data]);
  const books = data?.books ?? [];

  return (
    <section className="space-y-4" data-testid="portfolio-page">
      <PageTitle title="Portfolio">
        <StreamBadge status={status} />
      </PageTitle>
      <div className="flex flex-wrap items-center gap-3">
        <SegmentedControl
          label="Group positions by"
          options={GROUPINGS}
          value={groupBy}
          onChange={setGroupBy}
          names={{ book: 'By book', period: 'By delivery period' }}
        />
        {books.length > 1 || book ? (
          <select
            className={`${inputClass} w-auto py-1`}
            aria-label="Book"
            value={book ?? ''}
            onChange={(e) => setBook(e.target.value || undefined)}
          >
            <option value="">Every book</option>
            {(book && !books.includes(book) ? [...books, book] : books).map((b) => (
              <option key={b} value={b}>
                {b}
              </option>
            ))}
          </select>
        ) : null}
      </div>
      {isLoading ? <Spinner label="Loading positions…" /> : null}
      {isError ? <p className="text-sm text-rose-400">Positions could not be loaded.</p> : null}
      {data && data.items.length === 0 ? (
        <EmptyState testId="positions-empty">
          No positions yet. Trades and OTC deals appear here.
        </EmptyState>
      ) : null}
      {data && data.items.length > 0 ? (
        <>
          {/* Totals come from the server in the reporting currency; lines stay in their own. */}
          <dl
            className="grid grid-cols-3 gap-3"
            data-testid="pnl-totals"
            data-currency={data.totals.currency}
          >
            {(
              [
                ['Realised', data.totals.realisedPnl],
                ['Unrealised', data.totals.unrealisedPnl],
                ['Total', data.totals.realisedPnl + data.totals.unrealisedPnl],
              ] as const
            ).map(([label, value]) => (
              <div key={label} className={panelClass}>
                <dt className="text-xs uppercase tracking-wide text-slate-400">
                  {label} · {data.totals.currency}
                </dt>
                <dd className={`mt-1 font-mono text-lg tabular-nums ${signTone(value)}`}>
                  {formatFigure(value)}
                </dd>
              </div>
            ))}
          </dl>
          <div className={panelClass}>
            <h2 className="mb-2 text-base font-semibold text-slate-100">Positions</h2>
            <PositionsGrid items={data.items} groups={data.groups ?? []} by={groupBy} />
            {data.warnings.map((w) => (
              <p key={w} className="mt-1 text-xs text-amber-300">
                {w}
              </p>
            ))}
          </div>
          <DailyPnlPanel book={book} />
          <div className={panelClass}>
            <h2 className="mb-2 text-base font-semibold text-slate-100">
              P&amp;L by instrument and delivery period
            </h2>
            <PnlChart summary={summary} />
          </div>
        </>
      ) : null}
      <div className={panelClass}>
        <h2 className="mb-2 text-base font-semibold text-slate-100">Counterparty credit</h2>
        <CounterpartiesPanel />
      </div>
    </section>
  );
}
