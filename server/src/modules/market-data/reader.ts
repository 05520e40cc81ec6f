import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import { bars } from './repo-bars.js';
import { createSeriesRepo } from './repo-series.js';

/** One hour's closing price; `time` is the start of the hour, epoch milliseconds. */
export interface HourlyClose {
  time: number;
  close: number;
}

/** A forward curve and the as-of dates it was marked on. */
export interface CurveListing {
  id: string;
  instrumentIds: string[];
  commodity: string;
  area: string;
  asOfDates: string[];
}

/** One quoted point of a curve version: the price of delivery over [start, end), epoch ms. */
export interface CurveQuote {
  tenor: string;
  start: number;
  end: number;
  price: number;
}

/**
 * What other modules read of market data (VaR's price history, marks from forward curves),
 * without touching its tables. Give it the reader, or a transaction to read inside one.
 */
export function marketDataReader(ex: Kysely<Database>) {
  const series = createSeriesRepo();
  return {
    /** Hourly closes of an instrument over [from, to), from its ticks. */
    async hourlyCloses(instrumentId: string, from: Date, to: Date): Promise<HourlyClose[]> {
      const rows = await bars(ex, { instrumentId, from, to, interval: '1h', timeZone: 'UTC' });
      return rows.map((b) => ({ time: b.time.getTime(), close: b.close }));
    },

    async curves(): Promise<CurveListing[]> {
      const listing = new Map<string, CurveListing>();
      for (const v of await series.curveVersions(ex)) {
        const curve = listing.get(v.curve_id) ?? { id: v.curve_id, instrumentIds: [v.instrument_id], commodity: v.commodity, area: v.area, asOfDates: [] };
        curve.asOfDates.push(v.as_of);
        listing.set(v.curve_id, curve);
      }
      return [...listing.values()];
    },

    /** The quoted points of the latest version of a curve marked on or before `asOf` (`YYYY-MM-DD`); empty if none. */
    async curveQuotes(curveId: string, asOf: string): Promise<CurveQuote[]> {
      const version = await series.curveAsOf(ex, curveId, asOf);
      if (!version) return [];
      const points = await series.curvePoints(ex, curveId, version.as_of);
      return points.map((p) => ({ tenor: p.tenor, start: p.start.getTime(), end: p.end.getTime(), price: p.price }));
    },
  };
}

export type MarketDataReader = ReturnType<typeof marketDataReader>;
