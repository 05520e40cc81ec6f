import { randomUUID } from 'node:crypto';
import type { ModuleContext } from '../../../platform/module.js';
import { TICKS_TOPIC, type TickBatchMessage } from '../../market-data/index.js';
import type { Desk } from '../desk.js';
import { fromTicks } from '../instruments.js';
import type { OrderService } from './service.js';

/** Whether the simulated participants run: as configured, else in demo mode outside tests. */
export function demoBotsEnabled(config: ModuleContext['config']): boolean {
  return (
    (config.TRADING_DEMO_BOTS ?? (config.demoMode && config.NODE_ENV !== 'test' ? 'on' : 'off')) ===
    'on'
  );
}

const BOTS = ['sim-maker-north', 'sim-maker-south'];
/** A few liquid term products, with a plausible mid until the market-data feed marks them. */
const QUOTED: Record<string, number> = {
  'PWR-DE-LU-FUT-M-BASE': 85,
  'PWR-FR-FUT-M-BASE': 80,
  'GAS-TTF-FUT-M': 35,
  'EUA-FUT-DEC': 70,
};

/**
 * Two simulated market makers that keep the demo's books alive: every few
 * seconds each requotes a bid and an offer around the latest mark, and now and
 * then one lifts the other's offer or hits its bid. They go through the order
 * service like anyone else, so their orders and trades are logged and replayed.
 */
export async function startDemoBots(deps: {
  ctx: ModuleContext;
  orders: OrderService;
  desk: Desk;
  intervalMs?: number;
}) {
  const { ctx, orders, desk } = deps;
  const marks = new Map<string, number>(Object.entries(QUOTED));
  const off = await ctx.platform.bus.subscribe(TICKS_TOPIC, (message) => {
    for (const tick of (message as TickBatchMessage).ticks) {
      if (marks.has(tick.instrumentId)) marks.set(tick.instrumentId, tick.price);
    }
  });
  const resting = new Map<string, string[]>();

  const mid = (instrumentId: string): number => {
    const last = desk.writer(instrumentId)?.state.book.lastTradePrice;
    const instrument = desk.instrument(instrumentId);
    return last !== null && last !== undefined && Math.random() < 0.5
      ? Number(fromTicks(instrument, last))
      : (marks.get(instrumentId) as number);
  };

  async function quote(bot: string, instrumentId: string): Promise<void> {
    const instrument = desk.instrument(instrumentId);
    const tick = Number(instrument.tickSize);
    const lot = Number(instrument.lotSize);
    const key = `${bot}\n${instrumentId}`;
    for (const id of resting.get(key) ?? []) await orders.cancel(bot, id).catch(() => undefined);
    const center = mid(instrumentId);
    const half = center * (0.002 + Math.random() * 0.004);
    const price = (p: number) => Math.round(p / tick) * tick;
    const size = () => lot * (1 + Math.floor(Math.random() * 10));
    const placed: string[] = [];
    for (const side of ['buy', 'sell'] as const) {
      const limit = Number(price(side === 'buy' ? center - half : center + half).toFixed(6));
      const result = await orders
        .place(bot, {
          clientOrderId: randomUUID(),
          instrumentId,
          side,
          type: 'limit',
          price: limit,
          quantity: size(),
          timeInForce: 'GTC',
          postOnly: true,
        })
        .catch(() => undefined);
      if (result && result.order.remainingQuantity > 0) placed.push(result.order.id);
    }
    resting.set(key, placed);
    if (Math.random() < 0.25) {
      await orders
        .place(bot, {
          clientOrderId: randomUUID(),
          instrumentId,
          side: Math.random() < 0.5 ? 'buy' : 'sell',
          type: 'market',
          quantity: lot,
          timeInForce: 'IOC',
        })
        .catch(() => undefined);
    }
  }

  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    void (async () => {
      try {
        for (const instrumentId of Object.keys(QUOTED)) {
          // Only the instance that owns a book quotes in it; the others would be refused.
          if (!desk.owns(instrumentId)) continue;
          for (const bot of BOTS) await quote(bot, instrumentId);
        }
      } catch (error) {
        ctx.app.log.warn({ err: error }, 'demo participants failed to quote');
      } finally {
        running = false;
      }
    })();
  }, deps.intervalMs ?? 4000);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await off();
    },
  };
}
