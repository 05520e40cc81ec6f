import { useCallback, useState } from 'react';
import { useSearchParams } from 'react-router';
import { EmptyState } from '../../components/EmptyState';
import { DepthLadder } from './DepthLadder';
import { InstrumentSelector } from './InstrumentSelector';
import { MarketControls } from './MarketControls';
import { OrdersBlotter } from './OrdersBlotter';
import { OrderTicket } from './OrderTicket';
import { Spinner } from '../../components/Spinner';
import { StreamBadge } from '../../components/StreamBadge';
import { emptyTicket, type ContractTerms, type TicketDraft } from './ticket';
import { TradesBlotter } from './TradesBlotter';
import { useOrderBookQuery, useTradingInstrumentsQuery } from './tradingApi';
import type { TradingInstrument } from './types';
import { fallbackPollMs, ladderDepth, useTradingStream } from './useTradingStream';

const noInstruments: TradingInstrument[] = [];
const unknownTerms: ContractTerms = { tickSize: '0.01', lotSize: '0.1' };

/** Continuous trading: pick an instrument, see its book, enter orders, follow the blotters. */
export function ContinuousView() {
  const { data, isLoading, isError } = useTradingInstrumentsQuery();
  const instruments = data?.items ?? noInstruments;
  const [params, setParams] = useSearchParams();
  const chosen = params.get('instrument');
  const selected =
    instruments.find((i) => i.instrumentId === chosen) ??
    instruments.find((i) => !i.halted) ??
    instruments[0] ??
    null;
  const [draft, setDraft] = useState<TicketDraft>(emptyTicket);

  const status = useTradingStream(selected ? [selected.instrumentId] : []);
  // While the socket is down the blotters and the book poll instead.
  const pollingInterval = status === 'live' ? 0 : fallbackPollMs;
  const book = useOrderBookQuery(
    { instrumentId: selected?.instrumentId ?? '', depth: ladderDepth },
    { skip: !selected, pollingInterval },
  );

  const termsFor = useCallback(
    (instrumentId: string): ContractTerms =>
      instruments.find((i) => i.instrumentId === instrumentId) ?? unknownTerms,
    [instruments],
  );

  if (isLoading) return <Spinner label="Loading tradable instruments…" />;
  if (isError)
    return <p className="text-sm text-rose-400">The tradable instruments could not be loaded.</p>;
  if (!selected)
    return (
      <EmptyState testId="no-instruments">
        No instrument is open for continuous trading now.
      </EmptyState>
    );

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <InstrumentSelector
          instruments={instruments}
          selected={selected}
          onSelect={(instrumentId) =>
            setParams((p) => ({ ...Object.fromEntries(p), instrument: instrumentId }), {
              replace: true,
            })
          }
        />
        <StreamBadge status={status} />
      </div>
      <MarketControls instrumentId={selected.instrumentId} />
      <div className="grid items-start gap-4 lg:grid-cols-[20rem_minmax(0,1fr)] 2xl:grid-cols-[20rem_24rem_minmax(0,1fr)]">
        <OrderTicket instrument={selected} draft={draft} onDraft={setDraft} />
        <DepthLadder
          book={book.data}
          loading={book.isLoading}
          tickSize={selected.tickSize}
          onPick={(price, side) =>
            setDraft((d) => ({
              ...d,
              price: String(price),
              side,
              type: d.type === 'market' ? 'limit' : d.type,
            }))
          }
        />
        <div className="min-w-0 space-y-4 lg:col-span-2 2xl:col-span-1">
          <OrdersBlotter termsFor={termsFor} pollingInterval={pollingInterval} />
          <TradesBlotter pollingInterval={pollingInterval} />
        </div>
      </div>
    </div>
  );
}
