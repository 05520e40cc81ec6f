import { useMemo, useState } from 'react';
import { PageTitle } from '../../components/PageTitle';
import { panelClass } from '../../components/styles';
import { ConnectionBadge } from './ConnectionBadge';
import { EmptyState } from '../../components/EmptyState';
import { ForwardCurvePanel } from './ForwardCurvePanel';
import { defaultInstrument } from './instrumentGroups';
import { InstrumentPicker } from './InstrumentPicker';
import { InstrumentTerms } from './InstrumentTerms';
import { keepRecent, type LiveEvent } from './liveEvents';
import { LoadPanel } from './LoadPanel';
import { useListInstrumentsQuery } from './marketsApi';
import { PriceChartPanel } from './PriceChartPanel';
import { QuotePanel } from './QuotePanel';
import { windowAround } from './ranges';
import { Spinner } from '../../components/Spinner';
import type { Tick } from './types';
import { useMarketStream, type StreamHandlers } from './useMarketStream';
import { WeatherPanel } from './WeatherPanel';

interface LiveFeed {
  instrumentId: string | null;
  events: LiveEvent[];
}

const noEvents: LiveEvent[] = [];

/** The Markets page: one instrument at a time, its live price and the fundamentals of its market. */
export function MarketsPage() {
  const instruments = useListInstrumentsQuery();
  const catalogue = instruments.data?.items;
  const [chosenId, setChosenId] = useState<string | null>(null);
  const [openedAt] = useState(() => Date.now());
  const [feed, setFeed] = useState<LiveFeed>({ instrumentId: null, events: [] });
  const instrument =
    catalogue?.find((i) => i.id === chosenId) ??
    (catalogue ? defaultInstrument(catalogue) : undefined);
  const instrumentId = instrument?.id ?? null;

  const handlers = useMemo((): StreamHandlers => {
    const add = (event: LiveEvent, id: string) => {
      if (id !== instrumentId) return;
      setFeed((prev) => ({
        instrumentId: id,
        events: keepRecent(prev.instrumentId === id ? prev.events : [], event),
      }));
    };
    return {
      onTick: (tick) => add({ kind: 'tick', tick, receivedAt: Date.now() }, tick.instrumentId),
      onBar: (bar) => add({ kind: 'bar', bar, receivedAt: Date.now() }, bar.instrumentId),
    };
  }, [instrumentId]);
  const streamed = useMemo(() => (instrumentId ? [instrumentId] : []), [instrumentId]);
  const status = useMarketStream(streamed, handlers);

  const events = feed.instrumentId === instrumentId ? feed.events : noEvents;
  const lastTick = useMemo(() => {
    for (let i = events.length - 1; i >= 0; i--) {
      const event = events[i];
      if (event?.kind === 'tick') return event.tick;
    }
    return null as Tick | null;
  }, [events]);
  const fundamentalsWindow = useMemo(() => windowAround(openedAt, 3, 2), [openedAt]);

  return (
    <section className="space-y-4" data-testid="markets-page">
      <PageTitle title="Markets">
        <ConnectionBadge status={status} />
      </PageTitle>
      {instruments.isLoading ? <Spinner label="Loading the instrument catalogue…" /> : null}
      {catalogue && !instrument ? (
        <EmptyState testId="instruments-empty">No instruments in the catalogue yet.</EmptyState>
      ) : null}
      {instrument && catalogue ? (
        <>
          <div className={`${panelClass} space-y-3`}>
            <InstrumentPicker
              instruments={catalogue}
              selected={instrument}
              onSelect={setChosenId}
            />
            <InstrumentTerms instrument={instrument} />
          </div>
          <QuotePanel
            key={`quote-${instrument.id}`}
            instrument={instrument}
            lastTick={lastTick}
            openedAt={openedAt}
          />
          <PriceChartPanel
            key={`bars-${instrument.id}`}
            instrument={instrument}
            liveEvents={events}
            openedAt={openedAt}
          />
          <div className="grid gap-4 xl:grid-cols-2">
            <ForwardCurvePanel key={`curve-${instrument.id}`} instrument={instrument} />
            {instrument.commodity === 'power' ? (
              <div className="min-w-0 space-y-4">
                <WeatherPanel
                  area={instrument.area}
                  timeZone={instrument.timeZone}
                  window={fundamentalsWindow}
                />
                <LoadPanel
                  area={instrument.area}
                  timeZone={instrument.timeZone}
                  window={fundamentalsWindow}
                />
              </div>
            ) : (
              <div className={panelClass}>
                <EmptyState>
                  Weather and load are kept for power bidding zones; {instrument.area} is not one.
                </EmptyState>
              </div>
            )}
          </div>
        </>
      ) : null}
    </section>
  );
}
