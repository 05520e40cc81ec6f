import type { FastifyInstance } from 'fastify';
import type { Config } from '../../config.js';
import type { Clock } from '../../platform/clock.js';
import type { FetchLike } from './adapters/adapter.js';
import type { Catalogue } from './domain/catalogue.js';
import { fetchWithTimeout, marketImportJobs, type ImportConfig } from './import-jobs.js';
import { registerImportRoutes } from './routes-imports.js';
import type { IngestService } from './service-ingest.js';
import { createImportScheduler, type ImportScheduler } from './service-imports.js';
import type { SeriesWriter } from './service-series.js';

export interface MarketImportDeps {
  app: FastifyInstance;
  config: ImportConfig & Pick<Config, 'MARKET_IMPORT_INTERVAL_MS'>;
  clock: Clock;
  catalogue: Catalogue;
  ingest: IngestService;
  series: SeriesWriter;
  /** Tests pass recorded responses; otherwise the platform's fetch with a deadline. */
  fetch?: FetchLike;
}

// Long enough for the server to be listening before the first requests go out.
const FIRST_RUN_DELAY_MS = 10_000;

/** Scheduled imports from every public source whose key is configured, and their API. */
export function startMarketImports(deps: MarketImportDeps): ImportScheduler {
  const scheduler = createImportScheduler({
    jobs: marketImportJobs({
      config: deps.config,
      catalogue: deps.catalogue,
      ingest: deps.ingest,
      series: deps.series,
      fetch: deps.fetch ?? fetchWithTimeout,
    }),
    clock: deps.clock,
    intervalMs: deps.config.MARKET_IMPORT_INTERVAL_MS,
    firstRunDelayMs: FIRST_RUN_DELAY_MS,
    log: deps.app.log,
  });
  registerImportRoutes(deps.app, scheduler);
  scheduler.start();
  return scheduler;
}
