import {
  standardCatalogue,
  type CurveListing,
  type CurveQuote as MarketCurveQuote,
  type Instrument,
  type MarketDataReader,
} from '../market-data/index.js';
import type { CurveQuote } from './domain/curve-marks.js';
import { deliveryDayOf } from './domain/delivery-periods.js';

/** Where positions find forward prices: a curve's quotes for an instrument as of a day. */
export interface CurveSource {
  /** Quotes of the latest version marked on or before `asOf` (`YYYY-MM-DD`); empty when there is none. */
  quotesFor(instrument: Instrument, asOf: string): Promise<CurveQuote[]>;
}

/** A curve marks an instrument it was marked for, else one of the same commodity, area and load shape. */
function curveFor(
  curves: readonly CurveListing[],
  instrument: Instrument,
): CurveListing | undefined {
  const exact = curves.find((c) => c.instrumentIds.includes(instrument.id));
  if (exact) return exact;
  return curves.find((c) => {
    const marked = standardCatalogue.find(c.instrumentIds[0] ?? '');
    return (
      c.commodity === instrument.commodity &&
      c.area === instrument.area &&
      (marked?.loadShape ?? 'base') === instrument.loadShape
    );
  });
}

/**
 * Forward curves from the market-data module's reader. One source serves one request; it
 * remembers what it read so a P&L history asks for each curve version once.
 */
export function curvesFromMarketData(market: MarketDataReader): CurveSource {
  let listing: Promise<CurveListing[]> | undefined;
  const versions = new Map<string, Promise<MarketCurveQuote[]>>();

  const points = (id: string, asOf: string) => {
    const key = `${id}\n${asOf}`;
    let found = versions.get(key);
    if (!found) versions.set(key, (found = market.curveQuotes(id, asOf)));
    return found;
  };

  return {
    async quotesFor(instrument, asOf) {
      listing ??= market.curves();
      const curve = curveFor(await listing, instrument);
      // The version in force on the day: the latest marked on or before it.
      const version = curve?.asOfDates
        .filter((d) => d <= asOf)
        .sort()
        .at(-1);
      if (!curve || !version) return [];
      return (await points(curve.id, version)).map((p) => ({
        firstDay: deliveryDayOf(instrument, p.start),
        lastDay: deliveryDayOf(instrument, p.end - 1),
        price: p.price,
      }));
    },
  };
}
