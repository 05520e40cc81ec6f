import { useState } from 'react';
import { panelClass } from '../../components/styles';
import { AuctionResultsPanel } from './AuctionResultsPanel';
import { CurveEditor } from './CurveEditor';
import { EmptyState } from '../../components/EmptyState';
import { formatInstantShort } from '../../components/format';
import { Spinner } from '../../components/Spinner';
import { useAuctionsQuery } from './tradingApi';

/** Day-ahead auctions: pick one, submit curves while it is open, read its results once cleared. */
export function AuctionsView() {
  const { data, isLoading, isError } = useAuctionsQuery();
  const [chosen, setChosen] = useState<string | null>(null);
  if (isLoading) return <Spinner label="Loading auctions…" />;
  if (isError) return <p className="text-sm text-rose-400">The auctions could not be loaded.</p>;
  const auctions = data?.items ?? [];
  if (auctions.length === 0)
    return <EmptyState testId="no-auctions">No auctions are scheduled.</EmptyState>;
  const selected =
    auctions.find((a) => a.id === chosen) ??
    auctions.find((a) => a.status === 'open') ??
    auctions[0]!;

  return (
    <div
      className="grid items-start gap-4 lg:grid-cols-[18rem_minmax(0,1fr)]"
      data-testid="auctions-view"
    >
      <nav className={`${panelClass} p-2`} aria-label="Auctions">
        <ul className="space-y-1">
          {auctions.map((a) => (
            <li key={a.id}>
              <button
                type="button"
                aria-current={a.id === selected.id ? 'true' : undefined}
                onClick={() => setChosen(a.id)}
                className={`w-full rounded-md px-3 py-2 text-left text-sm ${a.id === selected.id ? 'bg-sky-900/40 text-sky-100' : 'text-slate-300 hover:bg-slate-800'}`}
              >
                <span className="font-medium">
                  {a.area} · {a.deliveryDay}
                </span>
                <span className="block text-xs text-slate-400">
                  {a.status === 'open'
                    ? `Gate closes ${formatInstantShort(a.gateClosure)}`
                    : 'Cleared'}
                </span>
              </button>
            </li>
          ))}
        </ul>
      </nav>
      <div className="grid min-w-0 items-start gap-4 xl:grid-cols-[24rem_minmax(0,1fr)]">
        {selected.status === 'open' ? <CurveEditor key={selected.id} auction={selected} /> : null}
        <AuctionResultsPanel auctionId={selected.id} />
      </div>
    </div>
  );
}
