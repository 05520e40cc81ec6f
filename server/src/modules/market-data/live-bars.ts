import { bucketOf } from './domain/bars.js';
import type { Tick } from './domain/tick.js';

export interface LiveBar {
  instrumentId: string;
  /** Start of the bar's minute, epoch milliseconds. */
  bucket: number;
  open: number;
  high: number;
  low: number;
  close: number;
  volume: number;
}

/**
 * The one-minute bar each instrument is building from the ticks as they arrive, for the
 * stream's bar subscribers. A tick older than the bar being built changes nothing.
 */
export function createLiveBars() {
  const bars = new Map<string, LiveBar>();
  return {
    /** The bar the tick updated or opened, or undefined for a late tick. */
    apply(tick: Tick): LiveBar | undefined {
      const bucket = bucketOf(tick.time, '1m').start;
      const bar = bars.get(tick.instrumentId);
      if (bar && bucket < bar.bucket) return undefined;
      if (!bar || bucket > bar.bucket) {
        const fresh = {
          instrumentId: tick.instrumentId,
          bucket,
          open: tick.price,
          high: tick.price,
          low: tick.price,
          close: tick.price,
          volume: tick.volume,
        };
        bars.set(tick.instrumentId, fresh);
        return fresh;
      }
      bar.high = Math.max(bar.high, tick.price);
      bar.low = Math.min(bar.low, tick.price);
      bar.close = tick.price;
      bar.volume += tick.volume;
      return bar;
    },
  };
}
