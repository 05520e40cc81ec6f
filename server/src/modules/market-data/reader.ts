import type { Db } from '../../platform/db/database.js';
import { standardCatalogue } from './domain/catalogue.js';
import {
  conversionRate,
  conversionSeries,
  fxPairsOf,
  pairsFor,
  type FxQuote,
} from './domain/fx.js';
import { bars } from './repo-bars.js';
import { createSeriesRepo } from './repo-series.js';
import { createTickRepo } from './repo-ticks.js';

/** One hour's closing price; `time` is the start of the hour, epoch milliseconds. */
export interface HourlyClose {
  time: number;
  close: number;
}

/** Actual system load averaged over an interval starting at `time` (epoch ms); quarter-hourly or hourly as imported. */
export interface LoadReading {
  time: number;
  loadMw: number;
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

/** Converts between currencies at the rates in force at one instant. */
export interface FxConverter {
  /** The instant the rates are as of, epoch ms. */
  at: number;
  /** Units of `to` per one unit of `from`: 1 for the same currency, null when there is no rate. */
  rate(from: string, to: string): number | null;
}

const FX_PAIRS = fxPairsOf(standardCatalogue.instruments);
const HOUR_MS = 3_600_000;

/**
 * How old an FX print may be and still convert. FX trades round the clock on weekdays, so
 * a long weekend with a holiday (Friday 22:00 to Tuesday morning) is the longest honest
 * silence; a rate older than that means a dead feed, and converting a book at it would
 * put a stale figure in every total. Older prints count as no rate, which callers already
 * leave out and name.
 */
export const FX_MAX_AGE_MS = 96 * HOUR_MS;

/**
 * What other modules read of market data (VaR's price history, marks from forward curves),
 * without touching its tables. Give it the reader, or a transaction to read inside one.
 */
export function marketDataReader(ex: Db) {
  const series = createSeriesRepo();
  const ticks = createTickRepo();

  async function hourlyCloses(instrumentId: string, from: Date, to: Date): Promise<HourlyClose[]> {
    const rows = await bars(ex, { instrumentId, from, to, interval: '1h', timeZone: 'UTC' });
    return rows.map((b) => ({ time: b.time.getTime(), close: b.close }));
  }

  /** The latest print of every catalogue FX pair at or before `at` and within FX_MAX_AGE_MS of it. */
  async function fxRates(at: Date): Promise<FxConverter> {
    const latest = await ticks.latestAtOrBefore(
      ex,
      FX_PAIRS.map((p) => p.instrumentId),
      at,
    );
    const fresh = latest.filter((t) => at.getTime() - t.time.getTime() <= FX_MAX_AGE_MS);
    const quotes: FxQuote[] = fresh.flatMap((t) => {
      const pair = FX_PAIRS.find((p) => p.instrumentId === t.instrumentId);
      return pair ? [{ base: pair.base, quote: pair.quote, rate: t.price }] : [];
    });
    return { at: at.getTime(), rate: (from, to) => conversionRate(quotes, from, to) };
  }

  return {
    /** Hourly closes of an instrument over [from, to), from its ticks. */
    hourlyCloses,

    fxRates,

    /**
     * Units of `to` per one unit of `from` from the latest FX prints at or before `at`
     * (a pair quoted the other way is inverted, others cross through the euro); 1 for the
     * same currency, null when a pair needed has never printed by then.
     */
    async fxRate(from: string, to: string, at: Date): Promise<number | null> {
      if (from === to) return 1;
      return (await fxRates(at)).rate(from, to);
    },

    /**
     * The rate from `from` to `to` at the close of each hour of [start, end) in which a pair
     * it needs printed, carried from the last print before `start`; empty for the same
     * currency (no conversion) or when the catalogue cannot convert the two.
     */
    async hourlyFxCloses(from: string, to: string, start: Date, end: Date): Promise<HourlyClose[]> {
      const legs = pairsFor(FX_PAIRS, from, to);
      if (!legs || legs.length === 0) return [];
      const before = new Date(start.getTime() - 1);
      const opening = await ticks.latestAtOrBefore(
        ex,
        legs.map((p) => p.instrumentId),
        before,
      );
      const closes = await Promise.all(
        legs.map(async (pair) => {
          const open = opening.find((t) => t.instrumentId === pair.instrumentId);
          const hours = await hourlyCloses(pair.instrumentId, start, end);
          const carried = open
            ? [{ time: Math.floor(open.time.getTime() / HOUR_MS) * HOUR_MS, close: open.price }]
            : [];
          return { pair, closes: [...carried, ...hours] };
        }),
      );
      return conversionSeries(closes, from, to);
    },

    /** Actual load of an area over [from, to), oldest first. */
    async load(area: string, from: Date, to: Date): Promise<LoadReading[]> {
      const rows = await series.load(ex, area, from, to);
      return rows.map((r) => ({ time: r.ts.getTime(), loadMw: r.value }));
    },

    async curves(): Promise<CurveListing[]> {
      const listing = new Map<string, CurveListing>();
      for (const v of await series.curveVersions(ex)) {
        const curve = listing.get(v.curve_id) ?? {
          id: v.curve_id,
          instrumentIds: [v.instrument_id],
          commodity: v.commodity,
          area: v.area,
          asOfDates: [],
        };
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
      return points.map((p) => ({
        tenor: p.tenor,
        start: p.start.getTime(),
        end: p.end.getTime(),
        price: p.price,
      }));
    },
  };
}

export type MarketDataReader = ReturnType<typeof marketDataReader>;
