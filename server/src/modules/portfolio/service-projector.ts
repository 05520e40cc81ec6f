import type { Db } from '../../platform/db/database.js';
import { standardCatalogue } from '../market-data/index.js';
import { lastTradingEventSeq, tradingEventsAfter } from '../trading/index.js';
import { periodOfDeal, periodOfFill } from './book-trades.js';
import {
  applyEvents,
  type LoadedState,
  type PeriodRules,
  type PositionTrade,
  type ProjectedPosition,
} from './domain/position-projection.js';
import { createPositionsRepo, type PositionsRepo } from './repo-positions.js';

/** Events read and applied per transaction while catching up. */
const BATCH = 2000;

/**
 * Exchange fills are for the front contract their book traded at that moment; a deal
 * is for the window it delivers over. Instruments outside the catalogue hold no position.
 */
export const periodRules: PeriodRules = {
  fill(instrumentId, at) {
    const instrument = standardCatalogue.find(instrumentId);
    return instrument ? periodOfFill(instrument, at) : null;
  },
  deal(instrumentId, start, end) {
    const instrument = standardCatalogue.find(instrumentId);
    return instrument ? periodOfDeal(instrument, { deliveryStart: start, deliveryEnd: end }) : null;
  },
};

/**
 * Keeps portfolio's position table up to date with trading's outbox. `catchUp` applies
 * whatever was recorded since the watermark, one batch per transaction under a lock, so
 * concurrent callers (a read, the trade topic, another instance) never apply an event
 * twice; `rebuild` empties the table and replays the whole outbox.
 */
export function createProjector(deps: { db: Db; repo?: PositionsRepo }) {
  const repo = deps.repo ?? createPositionsRepo();
  let running: Promise<number> | undefined;

  async function applyBatch(trx: Db): Promise<number> {
    await repo.lock(trx);
    const watermark = await repo.watermark(trx);
    const events = await tradingEventsAfter(trx, watermark, BATCH);
    if (events.length === 0) return 0;
    const positions = new Map<string, ProjectedPosition | null>();
    const trades = new Map<string, PositionTrade[]>();
    const deals = new Map<string, PositionTrade | null>();
    for (;;) {
      const state: LoadedState = { positions, trades, deals };
      const outcome = applyEvents(state, events, periodRules, watermark);
      if (outcome.kind === 'done') {
        await repo.write(trx, outcome.changes);
        return events.length;
      }
      const { needs } = outcome;
      // A position folded again needs its row as well as its trades.
      const keys = [...new Set([...needs.positions, ...needs.trades])].filter(
        (k) => !positions.has(k),
      );
      const found = await repo.positionsAt(trx, keys);
      for (const k of keys) positions.set(k, found.get(k) ?? null);
      const wanted = [...needs.trades].filter((k) => !trades.has(k));
      for (const [k, list] of await repo.tradesAt(trx, wanted)) trades.set(k, list);
      const dealIds = [...needs.deals].filter((d) => !deals.has(d));
      const current = await repo.dealTrades(trx, dealIds);
      for (const d of dealIds) deals.set(d, current.get(d) ?? null);
    }
  }

  async function drain(): Promise<number> {
    let total = 0;
    for (;;) {
      const n = await deps.db.transaction().execute(applyBatch);
      total += n;
      if (n < BATCH) break;
    }
    return total;
  }

  return {
    repo,
    /** Applies what trading recorded since the last catch-up; returns how many events. */
    async catchUp(): Promise<number> {
      let total = 0;
      for (;;) {
        // A catch-up already running may have read its batch before the caller's event.
        if (running) {
          total += await running;
          continue;
        }
        // Two indexed lookups when nothing is new; the watermark is read afresh, since another
        // instance (or a rebuild) may have moved it.
        const [newest, watermark] = await Promise.all([
          lastTradingEventSeq(deps.db),
          repo.watermark(deps.db),
        ]);
        if (running) continue;
        if (newest <= watermark) return total;
        running = drain().finally(() => {
          running = undefined;
        });
      }
    },

    /** Waits for a catch-up in flight, so the database can close under none. */
    async settled(): Promise<void> {
      await running?.catch(() => undefined);
    },

    /**
     * Empties the position table and replays trading's whole outbox into it, in one
     * transaction: readers see the table as it was until the rebuilt one commits.
     */
    async rebuild(): Promise<number> {
      await running?.catch(() => undefined);
      return deps.db.transaction().execute(async (trx) => {
        await repo.lock(trx);
        await repo.clear(trx);
        let total = 0;
        for (;;) {
          const n = await applyBatch(trx);
          total += n;
          if (n === 0) return total;
        }
      });
    },
  };
}

export type Projector = ReturnType<typeof createProjector>;
