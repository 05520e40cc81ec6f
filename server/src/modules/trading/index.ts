import { hostname } from 'node:os';
import type { ModuleContext } from '../../platform/module.js';
import { createBookLease } from './orders/book-lease.js';
import { instanceIdOf } from './orders/book-lease-rules.js';
import { Desk } from './desk.js';
import { continuousInstruments } from './instruments.js';
import { createLimits } from './orders/limits.js';
import type { DealCheck } from './deals/checks.js';
import { creditLimitCheck, positionLimitCheck, type PreTradeCheck } from './orders/pre-trade.js';
import { registerAuctionRoutes } from './auctions/routes.js';
import { registerControlRoutes } from './orders/routes-controls.js';
import { registerDealRoutes } from './deals/routes.js';
import { registerOrderRoutes } from './orders/routes.js';
import { createAuctionService } from './auctions/service.js';
import { createDealService } from './deals/service.js';
import { ControlRelay } from './orders/control-relay.js';
import { controlOwnedBook, createMarketControls } from './orders/service-controls.js';
import { createOrderReads } from './orders/service-reads.js';
import { createOrderService } from './orders/service.js';
import { startDemoBots, demoBotsEnabled } from './orders/demo-bots.js';
import { registerTradingStream } from './stream.js';
import { tradingDb } from './tables.js';

export {
  BOOK_TOPIC,
  ORDER_TOPIC,
  TRADE_TOPIC,
  type BookMessage,
  type TradeMessage,
} from './desk.js';
export type {
  PreTradeCheck,
  PreTradeContext,
  PreTradeOrder,
  PreTradeRefusal,
} from './orders/pre-trade.js';
export type { DealCheck, DealRefusal, ProposedDeal } from './deals/checks.js';
export { accountFills, lastTradePrices, type AccountFill } from './orders/repo-fills.js';
export {
  lastTradingEventSeq,
  tradingEventsAfter,
  type DealVersionEvent,
  type FillEvent,
  type TradingEvent,
} from './repo-events.js';
export {
  recordedDealVersions,
  recordedTrades,
  type RecordedDealVersion,
  type RecordedTrade,
} from './repo-recorded.js';
export {
  dailyLastTrades,
  lastTradesAsOf,
  liveDeals,
  tradingAccounts,
  type DealRecord,
  type PricedTrade,
} from './repo-desk-reads.js';

export interface TradingOptions {
  /** Extra pre-trade checks (risk, compliance) run after the position and credit limits. */
  checks?: PreTradeCheck[];
  /** Checks an OTC deal must pass before capture or amendment (counterparty credit). */
  dealChecks?: DealCheck[];
  sweepIntervalMs?: number;
  /** Commands of a book between two snapshots of it (start-up replays at most this many per book). */
  snapshotEvery?: number;
  /** How often tomorrow's day-ahead auctions are opened if missing (also once at start). */
  auctionScheduleMs?: number;
  /** How often an instance tries to take the leases of books nobody owns. */
  leaseRetryMs?: number;
  maxBufferedBytes?: number;
}

/**
 * The trading module: continuous books rebuilt from the command log before the
 * first request, order entry, auctions, OTC deals and the live stream.
 */
export function createTradingModule(opts: TradingOptions = {}) {
  return async function registerTrading(ctx: ModuleContext): Promise<void> {
    const { dbs, bus } = ctx.platform;
    const instruments = continuousInstruments(undefined, ctx.clock.now());
    const lease = createBookLease({
      dbs,
      instrumentIds: instruments.map((i) => i.id),
      instanceId: instanceIdOf(ctx.config.INSTANCE_ID, hostname(), process.pid),
      retryMs: opts.leaseRetryMs ?? ctx.config.TRADING_LEASE_RETRY_MS,
      log: ctx.app.log,
    });
    const desk = new Desk({
      db: dbs.db,
      bus,
      instruments,
      lease,
      onPublishError: (error) => ctx.app.log.warn({ err: error }, 'trading event not published'),
      log: ctx.app.log,
      ...(opts.snapshotEvery !== undefined ? { snapshotEvery: opts.snapshotEvery } : {}),
    });
    const limits = createLimits(dbs.db);
    await limits.start();
    await desk.start();
    ctx.onClose(() => desk.stop());
    const orders = createOrderService({
      db: dbs.db,
      desk,
      clock: ctx.clock,
      checks: [
        positionLimitCheck(limits.limits),
        creditLimitCheck(limits.limits),
        ...(opts.checks ?? []),
      ],
    });

    registerOrderRoutes(ctx.app, {
      orders,
      reads: createOrderReads({ desk, reader: tradingDb(dbs.reader) }),
      limits,
    });
    const relay = new ControlRelay({
      bus,
      owns: (id) => desk.owns(id),
      apply: controlOwnedBook(desk, ctx.clock),
    });
    await relay.start();
    ctx.onClose(() => relay.stop());
    registerControlRoutes(ctx.app, {
      controls: createMarketControls({ desk, clock: ctx.clock, relay }),
    });
    const auctions = createAuctionService({ db: dbs.db, reader: dbs.reader, clock: ctx.clock });
    await auctions.openNextDay();
    registerAuctionRoutes(ctx.app, { auctions });
    const deals = createDealService({
      db: dbs.db,
      reader: dbs.reader,
      clock: ctx.clock,
      checks: opts.dealChecks ?? [],
    });
    registerDealRoutes(ctx.app, { deals });
    await registerTradingStream(ctx, {
      desk,
      maxBufferedBytes: opts.maxBufferedBytes ?? 1024 * 1024,
    });

    // Gate closure and good-till-date expiry are commands too, so the log replays them.
    const sweepEvery = opts.sweepIntervalMs ?? 1000;
    let sweeping = false;
    const timer = setInterval(() => {
      if (sweeping) return;
      sweeping = true;
      orders
        .sweep()
        .catch((error: unknown) => ctx.app.log.warn({ err: error }, 'expiry sweep failed'))
        .finally(() => {
          sweeping = false;
        });
    }, sweepEvery);
    timer.unref();
    ctx.onClose(() => clearInterval(timer));

    // Opening is a write of its own, on a timer, so that listing auctions stays a pure read.
    const opener = setInterval(() => {
      auctions
        .openNextDay()
        .catch((error: unknown) =>
          ctx.app.log.warn({ err: error }, 'opening day-ahead auctions failed'),
        );
    }, opts.auctionScheduleMs ?? 60_000);
    opener.unref();
    ctx.onClose(() => clearInterval(opener));

    if (demoBotsEnabled(ctx.config)) {
      const bots = await startDemoBots({ ctx, orders, desk });
      ctx.onClose(() => bots.stop());
    }
  };
}

export const registerTrading = createTradingModule();
