import type { ManualClock } from '../../platform/clock.js';
import { startTestApp, type TestApp } from '../../test-support/harness.js';
import type { FetchLike } from './adapters/adapter.js';
import { createMarketDataModule } from './index.js';

/**
 * An app with only the market-data module, whose scheduled imports reach the sources
 * through `fetch` (recorded responses in tests); on PGlite, or PostgreSQL and Redis when
 * the harness is pointed at them.
 */
export function startImportTestApp(opts: {
  env: Record<string, string>;
  fetch: FetchLike;
  clock: ManualClock;
  logger?: { write(line: string): void };
}): Promise<TestApp> {
  return startTestApp({
    env: opts.env,
    clock: opts.clock,
    ...(opts.logger ? { logger: opts.logger } : {}),
    modules: [createMarketDataModule({ importFetch: opts.fetch })],
  });
}
