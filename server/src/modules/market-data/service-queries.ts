import type { Clock } from '../../platform/clock.js';
import type { Databases } from '../../platform/db/database.js';
import { invalid } from '../../platform/errors.js';
import type { MarketDataCache } from './cache.js';
import type { BarInterval } from './domain/bars.js';
import type { Catalogue } from './domain/catalogue.js';
import type { Instrument } from './domain/instrument.js';
import type { SeriesRepo, WeatherKind } from './repo-series.js';
import type { TickRepo } from './repo-ticks.js';

export interface InstrumentView {
  id: string;
  name: string;
  commodity: string;
  area: string;
  venue: string;
  unit: string;
  currency: string;
  tickSize: string;
  lotSize: string;
  timeZone: string;
  deliveryPeriod: string;
}

export interface BarView {
  time: string;
  open: number;
  high: number;
  low: number;
  close: number;
  volume: number;
}

export interface BarSeries {
  instrumentId: string;
  interval: BarInterval;
  timeZone: string;
  items: BarView[];
}

const BUCKET_MS: Record<BarInterval, number> = {
  '1m': 60_000,
  '15m': 900_000,
  '1h': 3_600_000,
  '1d': 86_400_000,
};

/** A chart never needs more; a bigger request is a client bug or an export job. */
export const MAX_BARS = 50_000;
const CLOSED_BARS_TTL_SECONDS = 3_600;

export interface QueryDeps {
  dbs: Databases;
  ticks: TickRepo;
  series: SeriesRepo;
  catalogue: Catalogue;
  cache: MarketDataCache;
  clock: Clock;
}

export const instrumentView = (i: Instrument): InstrumentView => ({
  id: i.id,
  name: i.name,
  commodity: i.commodity,
  area: i.area,
  venue: i.venue,
  unit: i.unit,
  currency: i.currency,
  tickSize: i.tickSize,
  lotSize: i.lotSize,
  timeZone: i.timeZone,
  deliveryPeriod: i.deliveryPeriod,
});

function checkRange(from: Date, to: Date): void {
  if (!(from.getTime() < to.getTime()))
    throw invalid('to', 'after_from', '`to` must be after `from`');
}

export function createQueryService(deps: QueryDeps) {
  const reader = deps.dbs.reader;

  async function loadBars(instrument: Instrument, from: Date, to: Date, interval: BarInterval) {
    const rows = await deps.ticks.bars(reader, {
      instrumentId: instrument.id,
      from,
      to,
      interval,
      timeZone: instrument.timeZone,
    });
    return rows.map((r) => ({ ...r, time: r.time.toISOString() }));
  }

  return {
    instruments(filter: {
      commodity?: string | undefined;
      area?: string | undefined;
    }): InstrumentView[] {
      return deps.catalogue.instruments
        .filter(
          (i) =>
            (!filter.commodity || i.commodity === filter.commodity) &&
            (!filter.area || i.area === filter.area),
        )
        .map(instrumentView);
    },

    /** OHLC bars from stored ticks. A range wholly in the past is served from cache. */
    async bars(
      instrumentId: string,
      from: Date,
      to: Date,
      interval: BarInterval,
    ): Promise<BarSeries> {
      const instrument = deps.catalogue.get(instrumentId);
      checkRange(from, to);
      if ((to.getTime() - from.getTime()) / BUCKET_MS[interval] > MAX_BARS) {
        throw invalid('to', 'max_bars', `at most ${MAX_BARS} ${interval} bars per request`);
      }
      const closed = to.getTime() <= deps.clock.now();
      const items = closed
        ? await deps.cache.through(
            'bars',
            `md:bars:${instrument.id}:${await deps.cache.generation(instrument.id)}:${interval}:${from.toISOString()}:${to.toISOString()}`,
            CLOSED_BARS_TTL_SECONDS,
            () => loadBars(instrument, from, to, interval),
          )
        : await loadBars(instrument, from, to, interval);
      return { instrumentId: instrument.id, interval, timeZone: instrument.timeZone, items };
    },

    async quotes(instrumentIds: readonly string[]) {
      instrumentIds.forEach((id, i) => {
        if (!deps.catalogue.find(id))
          throw invalid(
            `instruments.${i}`,
            'known_instrument',
            `instrument ${id} is not in the catalogue`,
          );
      });
      const latest = await deps.ticks.latest(reader, instrumentIds);
      return {
        items: latest.map((t) => ({
          instrumentId: t.instrumentId,
          time: t.time.toISOString(),
          price: t.price,
          volume: t.volume,
        })),
      };
    },

    async settlements(instrumentId: string, from: string, to: string) {
      deps.catalogue.get(instrumentId);
      const rows = await deps.series.settlements(reader, instrumentId, from, to);
      return {
        items: rows.map((r) => ({
          instrumentId: r.instrument_id,
          tradeDate: r.trade_date,
          deliveryStart: r.delivery_start.toISOString(),
          deliveryEnd: r.delivery_end.toISOString(),
          price: r.price,
          currency: r.currency,
          unit: r.unit,
        })),
      };
    },

    async weather(location: string, from: Date, to: Date, kind?: WeatherKind) {
      checkRange(from, to);
      const rows = await deps.series.weather(reader, location, from, to, kind);
      return {
        location,
        items: rows.map((r) => ({
          time: r.ts.toISOString(),
          kind: r.kind,
          temperature: r.temperature,
          windSpeed: r.wind_speed,
          irradiance: r.irradiance,
        })),
      };
    },

    async load(area: string, from: Date, to: Date) {
      checkRange(from, to);
      const rows = await deps.series.load(reader, area, from, to);
      return { area, items: rows.map((r) => ({ time: r.ts.toISOString(), load: r.value })) };
    },
  };
}

export type QueryService = ReturnType<typeof createQueryService>;

/** Bars as CSV with a header row, for spreadsheets. */
export function barsToCsv(series: BarSeries): string {
  const lines = ['time,open,high,low,close,volume'];
  for (const b of series.items)
    lines.push(`${b.time},${b.open},${b.high},${b.low},${b.close},${b.volume}`);
  return `${lines.join('\n')}\n`;
}
