import type { ModuleContext } from '../platform/module.js';
import { registerForecasting } from './forecasting/index.js';
import { createKeysModule } from './keys/index.js';
import { createLedgerModule } from './ledger/index.js';
import { registerMarketData } from './market-data/index.js';
import { createPortfolioModule } from './portfolio/index.js';
import { createRiskModule } from './risk/index.js';
import { createTradingModule } from './trading/index.js';

export type RegisterModule = (ctx: ModuleContext) => Promise<void> | void;

/**
 * The domain modules one app registers, in order; made afresh for each app so that two
 * apps in one process (tests, benchmarks) share no module state. Identity and audit are
 * the platform's spine and are registered before these.
 */
export function domainModules(): RegisterModule[] {
  // Risk hands the trading module its hard-limit pre-trade check, portfolio its
  // counterparty credit check on OTC deals.
  const risk = createRiskModule();
  const portfolio = createPortfolioModule();
  // Keys first: modules that seal records are handed `keys.keys` (its index's `Keys`).
  const keys = createKeysModule();
  return [
    keys.register,
    registerMarketData,
    risk.register,
    createTradingModule({ checks: [risk.preTradeCheck], dealChecks: [portfolio.dealCheck] }),
    // Reads trading's outbox and the audit trail's head, so it comes after trading.
    createLedgerModule(),
    portfolio.register,
    registerForecasting,
  ];
}
