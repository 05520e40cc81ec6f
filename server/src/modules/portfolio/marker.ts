import type { Instrument } from '../market-data/index.js';
import type { PricedTrade } from '../trading/index.js';
import { curvePrice } from './domain/curve-marks.js';
import { periodOfFill } from './book-trades.js';
import type { DeliveryWindow } from './domain/delivery-periods.js';
import { resolveMark, type Mark } from './domain/marks.js';
import type { CurveSource } from './market-curves.js';

/**
 * Marks positions as of an instant: the last trade of the instrument when it traded the
 * same delivery period recently, else the forward curve in force that day. `tape` holds
 * the trades that can be last at the instants asked about (each instrument's closes).
 */
export function createMarker(tape: readonly PricedTrade[], curves: CurveSource) {
  const byInstrument = new Map<string, PricedTrade[]>();
  for (const t of [...tape].sort((a, b) => a.at - b.at)) {
    const list = byInstrument.get(t.instrumentId) ?? [];
    list.push(t);
    byInstrument.set(t.instrumentId, list);
  }

  function lastTradeAt(instrumentId: string, asOf: number): PricedTrade | undefined {
    const list = byInstrument.get(instrumentId) ?? [];
    for (let i = list.length - 1; i >= 0; i--) if (list[i]!.at <= asOf) return list[i];
    return undefined;
  }

  return {
    async markOf(
      instrument: Instrument,
      window: DeliveryWindow,
      asOf: number,
    ): Promise<Mark | null> {
      const trade = lastTradeAt(instrument.id, asOf);
      const lastTrade = trade && {
        price: trade.price,
        at: trade.at,
        periodLabel: periodOfFill(instrument, trade.at).label,
      };
      const input = { periodLabel: window.label, asOf, lastTrade };
      const fromTrade = resolveMark({ ...input, curvePrice: null });
      // The curve is fetched only when the trade does not settle the mark.
      if (fromTrade?.source === 'trade') return fromTrade;
      const quotes = await curves.quotesFor(instrument, new Date(asOf).toISOString().slice(0, 10));
      return resolveMark({ ...input, curvePrice: curvePrice(quotes, window) });
    },
  };
}

export type Marker = ReturnType<typeof createMarker>;
