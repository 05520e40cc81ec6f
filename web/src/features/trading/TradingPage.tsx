import { useSearchParams } from 'react-router';
import { PageTitle } from '../../components/PageTitle';
import { AuctionsView } from './AuctionsView';
import { ContinuousView } from './ContinuousView';

const tabs = [
  { value: 'continuous', label: 'Continuous' },
  { value: 'auctions', label: 'Auctions' },
] as const;

type Tab = (typeof tabs)[number]['value'];

/** The trading desk: continuous order books, and the day-ahead auctions on their own tab. */
export function TradingPage() {
  const [params, setParams] = useSearchParams();
  const tab: Tab = params.get('tab') === 'auctions' ? 'auctions' : 'continuous';
  return (
    <section data-testid="trading-page">
      <PageTitle title="Trading">
        <div
          role="tablist"
          aria-label="Market"
          className="inline-flex overflow-hidden rounded-md border border-slate-700"
        >
          {tabs.map((t) => (
            <button
              key={t.value}
              type="button"
              role="tab"
              aria-selected={tab === t.value}
              onClick={() => setParams(t.value === 'continuous' ? {} : { tab: t.value })}
              className={`px-3 py-1.5 text-sm font-medium ${tab === t.value ? 'bg-sky-700 text-white' : 'bg-slate-900 text-slate-300 hover:bg-slate-800'}`}
            >
              {t.label}
            </button>
          ))}
        </div>
      </PageTitle>
      {tab === 'continuous' ? <ContinuousView /> : <AuctionsView />}
    </section>
  );
}
