import type { ModuleContext } from '../../platform/module.js';
import { marketDataReader } from '../market-data/index.js';
import { TRADE_TOPIC, type DealCheck } from '../trading/index.js';
import { curvesFromMarketData } from './market-curves.js';
import { createCounterpartyRepo } from './repo-counterparties.js';
import { registerPortfolioRoutes } from './routes.js';
import { createCounterpartyService, type CounterpartyService } from './service-counterparties.js';
import { createPnlService } from './service-pnl.js';
import { createPositionService } from './service-positions.js';
import { createProjector } from './service-projector.js';

export { seesEveryBook, visibleBooks } from './book-access.js';
export { createPositionReader, rebuildPositions, type PositionReader } from './position-reader.js';
export type { BookPosition } from './domain/instrument-positions.js';

/**
 * The portfolio module: positions per book, instrument and delivery period from exchange
 * fills and OTC deals, daily P&L explained, and the counterparty register with credit
 * exposure; lines in their own currency, totals in the reporting currency. It owns the
 * position table, kept from trading's outbox (read through trading's index.ts) and read by
 * risk through this file, and the book-visibility rule every module applies; forward
 * curves come through market-data's reader.
 * It hands trading a deal check, so a deal that would breach a counterparty's credit
 * limit is refused at capture.
 */
export function createPortfolioModule() {
  let counterparties: CounterpartyService | undefined;
  let curves: (() => ReturnType<typeof curvesFromMarketData>) | undefined;

  const dealCheck: DealCheck = async (deal) =>
    counterparties && curves ? counterparties.checkDeal(curves(), deal) : undefined;

  async function register(ctx: ModuleContext): Promise<void> {
    const { dbs, bus } = ctx.platform;
    const projector = createProjector({ db: dbs.db });
    // Trades and deal versions recorded before this start (or before the table existed).
    await projector.catchUp();
    const log = (error: unknown) => ctx.app.log.warn({ err: error }, 'position catch-up failed');
    // Catching up on each trade keeps reads cheap; a read catches up itself in any case.
    const offTrades = await bus.subscribe(TRADE_TOPIC, () => {
      projector.catchUp().catch(log);
    });
    ctx.onClose(async () => {
      await offTrades();
      await projector.settled();
    });
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
      positions: createPositionService({
        db: dbs.db,
        reader: dbs.reader,
        clock: ctx.clock,
        projector,
        ...money,
      }),
      pnl: createPnlService({
        db: dbs.db,
        reader: dbs.reader,
        projector,
        clock: ctx.clock,
        ...money,
      }),
      counterparties,
    });
  }

  return { register, dealCheck };
}
