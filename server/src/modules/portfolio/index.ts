import type { ModuleContext } from '../../platform/module.js';
import { marketDataReader } from '../market-data/index.js';
import type { DealCheck } from '../trading/index.js';
import { curvesFromMarketData } from './market-curves.js';
import { createCounterpartyRepo } from './repo-counterparties.js';
import { registerPortfolioRoutes } from './routes.js';
import { createCounterpartyService, type CounterpartyService } from './service-counterparties.js';
import { createPnlService } from './service-pnl.js';
import { createPositionService } from './service-positions.js';

/**
 * The portfolio module: positions per book, instrument and delivery period from exchange
 * fills and OTC deals, daily P&L explained, and the counterparty register with credit
 * exposure; lines in their own currency, totals in the reporting currency. It reads trading's records through the trading module's index.ts, forward
 * curves through market-data's reader, and credit maths from the risk module's index.ts.
 * It hands trading a deal check, so a deal that would breach a counterparty's credit
 * limit is refused at capture.
 */
export function createPortfolioModule() {
  let counterparties: CounterpartyService | undefined;
  let curves: (() => ReturnType<typeof curvesFromMarketData>) | undefined;

  const dealCheck: DealCheck = async (deal) =>
    counterparties && curves ? counterparties.checkDeal(curves(), deal) : undefined;

  function register(ctx: ModuleContext): void {
    const { dbs } = ctx.platform;
    // Totals are in the desk's reporting currency at market data's FX rates.
    const money = {
      reportingCurrency: ctx.config.REPORTING_CURRENCY,
      fxRates: (at: Date) => marketDataReader(dbs.reader).fxRates(at),
    };
    counterparties = createCounterpartyService({
      db: dbs.db,
      reader: dbs.reader,
      repo: createCounterpartyRepo(),
      clock: ctx.clock,
      ...money,
    });
    curves = () => curvesFromMarketData(marketDataReader(dbs.reader));
    registerPortfolioRoutes(ctx.app, {
      reader: dbs.reader,
      positions: createPositionService({ reader: dbs.reader, clock: ctx.clock, ...money }),
      pnl: createPnlService({ reader: dbs.reader, clock: ctx.clock, ...money }),
      counterparties,
    });
  }

  return { register, dealCheck };
}
