import type { ModuleContext } from '../../platform/module.js';
import { TRADE_TOPIC, type PreTradeCheck, type TradeMessage } from '../trading/index.js';
import { bookPositions } from './book-positions.js';
import { createLimitsRepo } from './repo-limits.js';
import { createRunsRepo } from './repo-runs.js';
import { registerRiskRoutes } from './routes.js';
import { createBacktestService } from './service-backtest.js';
import { createLimitService, LIMITS_CHANGED_TOPIC, type LimitService } from './service-limits.js';
import { createStressService } from './service-stress.js';
import { createVarService, historyOf } from './service-var.js';
import { valueAtRisk } from './var-engine.js';

export { ALERT_TOPIC } from './service-limits.js';

/**
 * The risk module: VaR and ES, stress tests, limits and alerts, backtests. Its pre-trade
 * check is handed to the trading module before either is registered, so the registry
 * creates the pair once: `const risk = createRiskModule()`, then `risk.register` before
 * trading and `createTradingModule({ checks: [risk.preTradeCheck] })`. The check follows
 * the app registered last, which is the only one in a process outside tests.
 */
export function createRiskModule() {
  let limits: LimitService | undefined;

  const preTradeCheck: PreTradeCheck = async (order, ctx) => {
    if (!limits) return undefined;
    return limits.preTradeCheck(order, ctx);
  };

  async function register(ctx: ModuleContext): Promise<void> {
    const { dbs, bus } = ctx.platform;
    const runs = createRunsRepo();
    const books = new Set<string>();
    const log = (error: unknown) => ctx.app.log.warn({ err: error }, 'risk background work failed');
    const deskBooks = async () => [...new Set([...books, ...(await runs.books(dbs.reader))])].sort();

    const valueAtRiskService = createVarService({ db: dbs.db, reader: dbs.reader, runs, clock: ctx.clock, deskBooks });
    const service = createLimitService({
      db: dbs.db,
      reader: dbs.reader,
      repo: createLimitsRepo(),
      bus,
      clock: ctx.clock,
      deskBooks,
      onError: log,
      // Limits are on the 99% one-day historical VaR, the desk's headline figure.
      async varOf(measured, prices) {
        const open = (await bookPositions(dbs.reader, measured)).filter((p) => p.quantity !== 0);
        const history = await historyOf(prices, [...new Set(open.map((p) => p.instrumentId))], ctx.clock.now());
        const lines = open.map((p) => ({ key: `${p.book}/${p.instrumentId}`, instrumentId: p.instrumentId, delta: p.quantity }));
        return valueAtRisk(lines, history, { method: 'historical', confidence: 0.99, horizonDays: 1, scenarios: 0, seed: 0 }).var;
      },
    });
    await service.start();
    limits = service;

    // Books are learnt from the trade stream, so desk-wide figures need no trading tables.
    const offTrades = await bus.subscribe(TRADE_TOPIC, (message) => {
      const trade = message as TradeMessage;
      const traded = [trade.buyer, trade.seller].filter((b) => !books.has(b));
      traded.forEach((b) => books.add(b));
      if (traded.length > 0) runs.rememberBooks(dbs.db, traded).catch(log);
      service.afterTrade([trade.buyer, trade.seller]);
    });
    const offLimits = await bus.subscribe(LIMITS_CHANGED_TOPIC, () => {
      service.reload().catch(log);
    });
    ctx.onClose(async () => {
      await offTrades();
      await offLimits();
      await service.drain();
      if (limits === service) limits = undefined;
    });

    registerRiskRoutes(ctx.app, {
      valueAtRisk: valueAtRiskService,
      stress: createStressService({ reader: dbs.reader, deskBooks }),
      limits: service,
      backtest: createBacktestService({ reader: dbs.reader, runs, clock: ctx.clock }),
    });
  }

  return { register, preTradeCheck };
}
