import type { ModuleContext } from '../platform/module.js';
import { createComplianceModule } from './compliance/index.js';
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
export function domainModules(opts: { compliancePreTrade?: boolean } = {}): RegisterModule[] {
  // Risk hands the trading module its hard-limit pre-trade check, portfolio its
  // counterparty credit check on OTC deals, compliance its rule packs on both.
  const risk = createRiskModule();
  const portfolio = createPortfolioModule();
  // Keys first: modules that seal records are handed `keys.keys` (its index's `Keys`).
  const keys = createKeysModule();
  const compliance = createComplianceModule();
  // Benchmarks measure order entry without compliance's check by turning it off here.
  const withCompliance = opts.compliancePreTrade !== false;
  return [
    keys.register,
    registerMarketData,
    risk.register,
    compliance.register,
    createTradingModule({
      checks: [risk.preTradeCheck, ...(withCompliance ? [compliance.preTradeCheck] : [])],
      dealChecks: [compliance.dealCheck, portfolio.dealCheck],
    }),
    // Reads trading's outbox and the audit trail's head, so it comes after trading.
    createLedgerModule(),
    portfolio.register,
    registerForecasting,
  ];
}
