import type { ModuleContext } from '../../platform/module.js';
import type { FetchLike } from './adapters/adapter.js';
import { createMarketDataCache } from './cache.js';
import { createCatalogue, standardCatalogue, type Catalogue } from './domain/catalogue.js';
import { startSimulatorFeed } from './feed.js';
import { startMarketImports } from './imports.js';
import { createSeriesRepo } from './repo-series.js';
import { quarantineLegacyTicks } from './service-repairs.js';
import { createTickRepo } from './repo-ticks.js';
import { registerMarketDataRoutes } from './routes.js';
import { registerProductRoutes } from './routes-products.js';
import { createProductService } from './service-products.js';
import { createCurveService } from './service-curves.js';
import { createIngestService } from './service-ingest.js';
import { createQueryService } from './service-queries.js';
import { createSeriesWriter } from './service-series.js';
import { registerMarketStream } from './stream.js';

export { standardCatalogue, type Catalogue } from './domain/catalogue.js';
export type { ContractTerms, Instrument } from './domain/instrument.js';
// Products, their contract specifications and the contracts listed from them.
export {
  contractEnergy,
  deliveryHours,
  energyPerLot,
  findProduct,
  listedContractInstruments,
  listedContracts,
  listedContractsAt,
  parseContractId,
  PRODUCTS,
  TRADABLE_TENORS,
  type ListedContract,
  type ListingLimits,
  type ProductSpec,
  type Tenor,
} from './domain/contracts/index.js';
// Delivery-period calendar and fixed-point helpers that trading and auctions share with market data.
export {
  dayAheadGateClosure,
  deliveryDateOf,
  deliveryDay,
  hoursIn,
  periodContaining,
} from './domain/delivery-period.js';
export {
  addDays,
  formatLocalDate,
  parseLocalDate,
  toLocal,
  weekdayOf,
  type LocalDate,
} from './domain/time-zone.js';
export { lotsToQuantity, priceToTicks, quantityToLots, ticksToPrice } from './domain/scaling.js';
export type { Tick } from './domain/tick.js';
// The accepted ranges of prices, quantities and instants, for every module's request schemas.
export { boundedIsoDate, boundedIsoInstant, boundedPrice, boundedQuantity } from './ranges.js';
export {
  EARLIEST_INSTANT_MS,
  LATEST_INSTANT_MS,
  PRICE_LIMIT,
  QUANTITY_LIMIT,
} from './domain/ranges.js';
export {
  marketDataReader,
  type CurveListing,
  type CurveQuote,
  type FxConverter,
  type HourlyClose,
  type MarketDataReader,
} from './reader.js';
// Currency conversion of a price series at a rate series, for modules that hold both.
export { convertSeries } from './domain/fx.js';
export { TICKS_TOPIC, type TickBatchMessage } from './service-ingest.js';

export interface MarketDataOptions {
  catalogue?: Catalogue;
  /** Bytes a WebSocket client may leave unread before it is dropped. */
  maxBufferedBytes?: number;
  feedSeed?: number;
  backfillDays?: number;
  /** Days of lean history the feed stores before the detailed days on an empty database. */
  historyDays?: number;
  /** How the scheduled imports reach ENTSO-E, EIA and OpenWeatherMap; tests pass recorded responses. */
  importFetch?: FetchLike;
}

/** Whether the live simulator runs: as configured, else in demo mode outside tests. */
export function feedEnabled(config: ModuleContext['config']): boolean {
  return (
    (config.MARKET_FEED ??
      (config.demoMode && config.NODE_ENV !== 'test' ? 'simulator' : 'off')) === 'simulator'
  );
}

export function createMarketDataModule(opts: MarketDataOptions = {}) {
  return async function registerMarketData(ctx: ModuleContext): Promise<void> {
    // Market data stores and simulates the rolling instruments only: a listed contract id resolves
    // in the standard catalogue for other modules, but has no row in md_instruments to tick against.
    const catalogue = createCatalogue((opts.catalogue ?? standardCatalogue).instruments);
    const { dbs, bus } = ctx.platform;
    const ticks = createTickRepo();
    const seriesRepo = createSeriesRepo();
    const cache = createMarketDataCache(ctx.platform.cache, ctx.metrics.registry);
    await seriesRepo.upsertInstruments(dbs.db, catalogue.instruments);
    const repaired = await quarantineLegacyTicks(dbs.db);
    if (repaired && repaired.quarantined > 0)
      ctx.app.log.warn(repaired, 'out-of-range ticks stored before the range checks quarantined');

    const ingest = createIngestService({ dbs, ticks, catalogue, bus, cache });
    const queries = createQueryService({
      dbs,
      ticks,
      series: seriesRepo,
      catalogue,
      cache,
      clock: ctx.clock,
    });
    const curves = createCurveService({ dbs, series: seriesRepo, catalogue, cache });
    const series = createSeriesWriter({ dbs, series: seriesRepo });
    registerMarketDataRoutes(ctx.app, {
      ingest,
      queries,
      curves,
      series,
      today: () => new Date(ctx.clock.now()).toISOString().slice(0, 10),
    });
    registerProductRoutes(ctx.app, createProductService({ clock: ctx.clock }));
    const imports = startMarketImports({
      app: ctx.app,
      config: ctx.config,
      clock: ctx.clock,
      catalogue,
      ingest,
      series,
      fetch: opts.importFetch,
    });
    ctx.onClose(() => imports.stop());

    await registerMarketStream(ctx, {
      catalogue,
      maxBufferedBytes: opts.maxBufferedBytes ?? 1024 * 1024,
    });

    if (feedEnabled(ctx.config)) {
      const feed = await startSimulatorFeed({
        ingest,
        series,
        curves,
        catalogue,
        clock: ctx.clock,
        log: ctx.app.log,
        intervalMs: ctx.config.MARKET_FEED_INTERVAL_MS,
        seed: opts.feedSeed ?? 20_260_101,
        backfillDays: opts.backfillDays ?? 7,
        historyDays: opts.historyDays ?? ctx.config.MARKET_HISTORY_DAYS,
        latestStored: await ticks.latestTime(dbs.db),
      });
      ctx.onClose(() => feed.stop());
    }
  };
}

export const registerMarketData = createMarketDataModule();
