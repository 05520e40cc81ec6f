import { useMemo, useState } from 'react';
import { panelClass } from '../../components/styles';
import { barsToCandles } from './candles';
import { CandleChart } from './CandleChart';
import { EmptyState } from '../../components/EmptyState';
import { ExportBarsButton } from './ExportBarsButton';
import { priceDecimals } from './instrumentGroups';
import { applyLiveEvents, type LiveEvent } from './liveEvents';
import { useBarsQuery, type BarsRequest } from './marketsApi';
import {
  chartIntervals,
  chartRanges,
  windowEnding,
  type ChartInterval,
  type ChartRange,
} from './ranges';
import { SegmentedControl } from '../../components/SegmentedControl';
import { Spinner } from '../../components/Spinner';
import type { Instrument } from './types';

interface PriceChartPanelProps {
  instrument: Instrument;
  liveEvents: readonly LiveEvent[];
  openedAt: number;
}

const noCandles: never[] = [];

/** Candles of the chosen interval over the chosen range, kept moving by the stream. */
export function PriceChartPanel({ instrument, liveEvents, openedAt }: PriceChartPanelProps) {
  const [barInterval, setBarInterval] = useState<ChartInterval>('1h');
  const [range, setRange] = useState<ChartRange>('1W');
  const [timeWindow, setTimeWindow] = useState(() => windowEnding(openedAt, '1W'));
  const request: BarsRequest = { instrument: instrument.id, interval: barInterval, ...timeWindow };
  const bars = useBarsQuery(request);
  const history = useMemo(
    () => (bars.currentData ? barsToCandles(bars.currentData.items) : noCandles),
    [bars.currentData],
  );
  const arrivedAt = bars.fulfilledTimeStamp ?? Number.POSITIVE_INFINITY;
  const candles = useMemo(
    () => applyLiveEvents(history, liveEvents, arrivedAt, barInterval, instrument.timeZone),
    [history, liveEvents, arrivedAt, barInterval, instrument.timeZone],
  );

  function chooseRange(next: ChartRange) {
    setRange(next);
    setTimeWindow(windowEnding(Date.now(), next));
  }

  return (
    <section className={panelClass} aria-label="Price chart">
      <div className="mb-3 flex flex-wrap items-center gap-2">
        <h2 className="mr-auto text-sm font-semibold text-slate-200">
          Price and volume{' '}
          <span className="font-normal text-slate-500">({instrument.timeZone})</span>
        </h2>
        <SegmentedControl
          label="Bar interval"
          options={chartIntervals}
          value={barInterval}
          onChange={setBarInterval}
        />
        <SegmentedControl
          label="Range"
          options={chartRanges}
          value={range}
          onChange={chooseRange}
        />
        <ExportBarsButton request={request} />
      </div>
      {bars.isFetching && !bars.currentData ? <Spinner label="Loading bars…" /> : null}
      {bars.currentData && candles.length === 0 ? (
        <EmptyState testId="bars-empty">
          No trades in this range yet. Live ticks will appear here as they print.
        </EmptyState>
      ) : null}
      {candles.length > 0 ? (
        <CandleChart
          candles={candles}
          interval={bars.currentData?.interval ?? barInterval}
          timeZone={instrument.timeZone}
          decimals={priceDecimals(instrument.tickSize)}
        />
      ) : null}
    </section>
  );
}
