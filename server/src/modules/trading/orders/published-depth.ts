import type { Bus } from '../../../platform/bus/bus.js';

interface DepthMessage {
  instrumentId: string;
  bids: unknown[];
  asks: unknown[];
}

/**
 * The depth of books another instance owns, as their owner last published it. This
 * instance's copy of such a book stops at the log it last loaded, while the owner
 * publishes the top of its book after every commit (through Redis, to every instance).
 */
export class PublishedDepth<M extends DepthMessage> {
  private readonly latest = new Map<string, M>();
  private off: (() => Promise<void>) | undefined;

  constructor(
    private readonly bus: Bus,
    private readonly topic: string,
  ) {}

  async start(): Promise<void> {
    this.off = await this.bus.subscribe(this.topic, (message) => {
      const depth = message as M;
      this.latest.set(depth.instrumentId, depth);
    });
  }

  /** The owner publishes ten levels; a deeper request gets those ten. */
  depth(instrumentId: string, levels: number): M | undefined {
    const last = this.latest.get(instrumentId);
    return last === undefined
      ? undefined
      : { ...last, bids: last.bids.slice(0, levels), asks: last.asks.slice(0, levels) };
  }

  async stop(): Promise<void> {
    await this.off?.();
  }
}
