import { useMemo } from 'react';
import { panelClass } from '../../components/styles';
import { barsToCandles } from './candles';
import { priceDecimals } from './instrumentGroups';
import { formatMarketTime } from './marketTime';
import { useBarsQuery, useQuotesQuery } from './marketsApi';
import { previousClose, windowEnding } from './ranges';
import { Spinner } from '../../components/Spinner';
import type { Instrument, Quote, Tick } from './types';

interface QuotePanelProps {
  instrument: Instrument;
  lastTick: Tick | null;
  openedAt: number;
}

function latest(quote: Quote | undefined, tick: Tick | null): Quote | null {
  if (!quote) return tick;
  if (!tick) return quote;
  return Date.parse(tick.time) >= Date.parse(quote.time) ? tick : quote;
}

/** The last price, its change on the previous market day's close, and when it printed on the market's clock. */
export function QuotePanel({ instrument, lastTick, openedAt }: QuotePanelProps) {
  const ids = useMemo(() => [instrument.id], [instrument.id]);
  const quotes = useQuotesQuery(ids);
  const daily = useBarsQuery({
    instrument: instrument.id,
    interval: '1d',
    ...windowEnding(openedAt, '1M'),
  });
  const dailyCandles = useMemo(() => barsToCandles(daily.data?.items ?? []), [daily.data]);
  const quote = latest(
    quotes.data?.items.find((q) => q.instrumentId === instrument.id),
    lastTick,
  );
  const decimals = priceDecimals(instrument.tickSize);
  const reference = quote
    ? previousClose(dailyCandles, Date.parse(quote.time), instrument.timeZone)
    : null;
  const change = quote && reference !== null ? quote.price - reference : null;
  const changePct = change !== null && reference ? (change / Math.abs(reference)) * 100 : null;
  const tone =
    change === null || change === 0
      ? 'text-slate-300'
      : change > 0
        ? 'text-emerald-400'
        : 'text-rose-400';

  return (
    <section className={panelClass} aria-label="Latest quote" data-testid="quote-panel">
      {quotes.isLoading ? <Spinner label="Loading the latest quote…" /> : null}
      {!quotes.isLoading && !quote ? (
        <p className="text-sm text-slate-400" data-testid="quote-empty">
          No prices yet for this instrument.
        </p>
      ) : null}
      {quote ? (
        <div className="flex flex-wrap items-end gap-x-6 gap-y-2">
          <div>
            <p className="text-xs text-slate-500">Last price</p>
            <p
              className="text-3xl font-semibold tabular-nums text-slate-50"
              data-testid="quote-price"
            >
              {quote.price.toFixed(decimals)}
              <span className="ml-1.5 text-sm font-normal text-slate-400">
                {instrument.currency}/{instrument.unit}
              </span>
            </p>
          </div>
          <div>
            <p className="text-xs text-slate-500">Change on previous close</p>
            <p className={`text-lg tabular-nums ${tone}`} data-testid="quote-change">
              {change === null
                ? '—'
                : `${change > 0 ? '+' : ''}${change.toFixed(decimals)}${
                    changePct === null
                      ? ''
                      : ` (${changePct > 0 ? '+' : ''}${changePct.toFixed(2)}%)`
                  }`}
            </p>
          </div>
          <div className="min-w-0">
            <p className="text-xs text-slate-500">Printed at ({instrument.timeZone})</p>
            <p className="text-sm tabular-nums text-slate-200" data-testid="quote-time">
              {formatMarketTime(quote.time, instrument.timeZone)}
            </p>
          </div>
        </div>
      ) : null}
      <p className="mt-3 text-xs text-slate-500">
        Last live tick:{' '}
        <span className="tabular-nums text-slate-300" data-testid="last-tick-time">
          {lastTick
            ? formatMarketTime(lastTick.time, instrument.timeZone)
            : 'waiting for the first one'}
        </span>
      </p>
    </section>
  );
}
