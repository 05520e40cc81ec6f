import { randomUUID } from 'node:crypto';
import type { ModuleContext } from '../../platform/module.js';
import { createPositionReader } from '../portfolio/index.js';
import { TRADE_TOPIC, type PreTradeCheck, type TradeMessage } from '../trading/index.js';
import { exposureLines } from './exposures.js';
import { reportingHistoryOf } from './factor-prices.js';
import { createLimitsRepo } from './repo-limits.js';
import { createOptionsRepo } from './repo-options.js';
import { createRunsRepo } from './repo-runs.js';
import { registerRiskRoutes } from './routes.js';
import { createBacktestService } from './service-backtest.js';
import { createLimitService, LIMITS_CHANGED_TOPIC, type LimitService } from './service-limits.js';
import { createOptionService } from './service-options.js';
import { createStressService } from './service-stress.js';
import { createVarService } from './service-var.js';
import { registerRiskStream } from './stream.js';
import { valueAtRisk } from './var-engine.js';
import { createVarRuns } from './var-runs.js';
import { marketDataHistory } from './price-history.js';

export { ALERT_TOPIC } from './service-limits.js';
export { VAR_RUN_TOPIC } from './var-runs.js';

/**
 * The risk module: VaR and ES (with options on futures), stress tests, limits and alerts pushed
 * on its stream, backtests. Its pre-trade
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
    const log = (error: unknown) => ctx.app.log.warn({ err: error }, 'risk background work failed');
    // Positions, exchange and OTC alike, are portfolio's; risk adds the books of its option register.
    const portfolio = createPositionReader({ db: dbs.db, reader: dbs.reader });
    const positionsOf = (books: readonly string[], now: number) =>
      portfolio.bookPositions(books, now);
    const deskBooks = async () =>
      [...new Set([...(await portfolio.deskBooks()), ...(await runs.books(dbs.reader))])].sort();

    const options = createOptionService({
      db: dbs.db,
      reader: dbs.reader,
      repo: createOptionsRepo(),
      runs,
      clock: ctx.clock,
      deskBooks,
    });
    const reportingCurrency = ctx.config.REPORTING_CURRENCY;
    const valueAtRiskService = createVarService({
      db: dbs.db,
      reader: dbs.reader,
      runs,
      clock: ctx.clock,
      deskBooks,
      positionsOf,
      optionsOf: (books) => options.holdings(books),
      reportingCurrency,
    });
    const service = createLimitService({
      db: dbs.db,
      reader: dbs.reader,
      repo: createLimitsRepo(),
      bus,
      clock: ctx.clock,
      deskBooks,
      positionsOf,
      onError: log,
      reportingCurrency,
      fxRates: (at) => marketDataHistory(dbs.reader).fxRates(at),
      // Limits are on the 99% one-day historical VaR, the desk's headline figure, in the reporting currency.
      async varOf(measured, prices) {
        const now = ctx.clock.now();
        const open = (await positionsOf(measured, now)).filter((p) => p.quantity !== 0);
        const held = await options.holdings(measured);
        const instruments = [
          ...new Set([...open.map((p) => p.instrumentId), ...held.map((o) => o.underlying)]),
        ];
        const { history, fxAtLastClose } = await reportingHistoryOf(
          prices,
          reportingCurrency,
          instruments,
          now,
        );
        const lines = exposureLines(open, held, history.lastClose, now, [], fxAtLastClose);
        return (
          await valueAtRisk(lines, history, {
            method: 'historical',
            confidence: 0.99,
            horizonDays: 1,
            scenarios: 0,
            seed: 0,
          })
        ).var;
      },
    });
    await service.start();
    limits = service;

    // A trade may move a limit's measure; the positions themselves come from portfolio.
    const offTrades = await bus.subscribe(TRADE_TOPIC, (message) => {
      const trade = message as TradeMessage;
      service.afterTrade([trade.buyer, trade.seller]);
    });
    const offLimits = await bus.subscribe(LIMITS_CHANGED_TOPIC, () => {
      service.reload().catch(log);
    });
    const varRuns = createVarRuns({
      bus,
      service: valueAtRiskService,
      now: () => ctx.clock.now(),
      newId: randomUUID,
      onError: log,
      slots: ctx.platform.slots,
      perUser: ctx.config.VAR_RUNS_PER_USER,
    });
    const offRuns = await varRuns.listen();
    const closeStream = await registerRiskStream(ctx.app, bus, { maxBufferedBytes: 1024 * 1024 });
    ctx.onClose(async () => {
      await offTrades();
      await offLimits();
      await varRuns.drain();
      await offRuns();
      await closeStream();
      await service.drain();
      if (limits === service) limits = undefined;
    });

    registerRiskRoutes(ctx.app, {
      valueAtRisk: valueAtRiskService,
      stress: createStressService({
        deskBooks,
        positionsOf,
        clock: ctx.clock,
        reportingCurrency,
        prices: marketDataHistory(dbs.reader),
        options,
      }),
      limits: service,
      backtest: createBacktestService({ reader: dbs.reader, runs, clock: ctx.clock, deskBooks }),
      runs: varRuns,
      options,
      prices: marketDataHistory(dbs.reader),
    });
  }

  return { register, preTradeCheck };
}
