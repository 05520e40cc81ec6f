import type { ModuleContext } from '../../platform/module.js';
import { createStreamHub } from '../../platform/stream/hub.js';
import { registerStreamRoute } from '../../platform/stream/route.js';
import type { Catalogue } from './domain/catalogue.js';
import type { Tick } from './domain/tick.js';
import { createLiveBars } from './live-bars.js';
import { TICKS_TOPIC, type TickBatchMessage } from './service-ingest.js';

export interface MarketStreamOptions {
  catalogue: Catalogue;
  maxBufferedBytes: number;
  maxSubscriptions?: number;
  heartbeatMs?: number;
}

/**
 * What market data's stream means: per instrument, its ticks and the one-minute bar
 * built from them. Anyone who may read market data may follow any listed instrument.
 */
export function createMarketStream(opts: MarketStreamOptions) {
  const unknown = (ids: readonly string[]) => {
    const missing = ids.filter((id) => !opts.catalogue.find(id));
    return missing.length > 0 ? `unknown instruments: ${missing.join(', ')}` : undefined;
  };
  const hub = createStreamHub<null>({
    channels: { ticks: { keyed: true, refuse: unknown }, bars: { keyed: true, refuse: unknown } },
    maxBufferedBytes: opts.maxBufferedBytes,
    maxSubscriptions: opts.maxSubscriptions ?? 500,
    maxKeysPerMessage: 500,
    ...(opts.heartbeatMs !== undefined ? { heartbeatMs: opts.heartbeatMs } : {}),
  });
  const bars = createLiveBars();
  return {
    hub,
    publishTick(tick: Tick): void {
      hub.publish('ticks', tick.instrumentId, {
        type: 'tick',
        instrumentId: tick.instrumentId,
        time: new Date(tick.time).toISOString(),
        price: tick.price,
        volume: tick.volume,
      });
      const bar = bars.apply(tick);
      if (!bar) return;
      const { bucket, ...ohlc } = bar;
      hub.publish('bars', tick.instrumentId, {
        type: 'bar',
        interval: '1m',
        time: new Date(bucket).toISOString(),
        ...ohlc,
      });
    },
  };
}

/**
 * `GET /api/v1/stream`: a WebSocket on which a client subscribes to ticks or live
 * one-minute bars per instrument. Fed from the bus, so with Redis a tick stored by any
 * instance reaches subscribers connected to every instance.
 */
export async function registerMarketStream(
  ctx: ModuleContext,
  opts: MarketStreamOptions,
): Promise<void> {
  const stream = createMarketStream(opts);
  const unsubscribe = await ctx.platform.bus.subscribe(TICKS_TOPIC, (message) => {
    for (const tick of (message as TickBatchMessage).ticks) stream.publishTick(tick);
  });
  ctx.onClose(async () => {
    await unsubscribe();
    stream.hub.close();
  });
  registerStreamRoute(
    ctx.app,
    {
      url: '/api/v1/stream',
      access: 'market-data:read',
      tags: ['market-data'],
      summary: 'Live ticks and bars (WebSocket)',
    },
    stream.hub,
    () => null,
  );
}
