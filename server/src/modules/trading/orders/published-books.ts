import type { Bus } from '../../../platform/bus/bus.js';

/**
 * The latest message the owner of each book published on a topic. This instance's
 * copy of a book another instance owns stops at the log it last loaded, while the
 * owner publishes after every commit (through Redis, to every instance): the top of
 * its book for everyone, and its halts and open orders for the other desks.
 */
export class PublishedBooks<M extends { instrumentId: string }> {
  private readonly latest = new Map<string, M>();
  private off: (() => Promise<void>) | undefined;

  constructor(
    private readonly bus: Bus,
    private readonly topic: string,
  ) {}

  async start(): Promise<void> {
    this.off = await this.bus.subscribe(this.topic, (message) => {
      const published = message as M;
      this.latest.set(published.instrumentId, published);
    });
  }

  get(instrumentId: string): M | undefined {
    return this.latest.get(instrumentId);
  }

  async stop(): Promise<void> {
    await this.off?.();
  }
}
