import { EventEmitter } from 'node:events';
import type { Redis } from 'ioredis';

export type BusHandler = (message: unknown) => void;

/**
 * Publish/subscribe between modules and, with Redis, between server instances. Messages
 * are JSON values; a subscriber gets every message published after it subscribed.
 */
export interface Bus {
  publish(topic: string, message: unknown): Promise<void>;
  /** Returns the function that unsubscribes. */
  subscribe(topic: string, handler: BusHandler): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

export class InProcessBus implements Bus {
  private readonly emitter = new EventEmitter();
  constructor() {
    this.emitter.setMaxListeners(0);
  }

  async publish(topic: string, message: unknown): Promise<void> {
    // Round-trip through JSON so that in-process and Redis deliveries look the same.
    this.emitter.emit(topic, JSON.parse(JSON.stringify(message)) as unknown);
  }

  async subscribe(topic: string, handler: BusHandler): Promise<() => Promise<void>> {
    this.emitter.on(topic, handler);
    return async () => {
      this.emitter.off(topic, handler);
    };
  }

  async close(): Promise<void> {
    this.emitter.removeAllListeners();
  }
}

export class RedisBus implements Bus {
  private readonly local = new InProcessBus();
  private readonly counts = new Map<string, number>();

  /** `subscriber` must be a dedicated connection: Redis puts it in subscribe mode. */
  constructor(
    private readonly publisher: Redis,
    private readonly subscriber: Redis,
    /** The deployment's namespace; channels without one would reach every deployment on this Redis. */
    private readonly prefix: string,
  ) {
    subscriber.on('message', (channel: string, payload: string) => {
      void this.local.publish(channel.slice(this.prefix.length), JSON.parse(payload));
    });
  }

  async publish(topic: string, message: unknown): Promise<void> {
    await this.publisher.publish(this.prefix + topic, JSON.stringify(message));
  }

  async subscribe(topic: string, handler: BusHandler): Promise<() => Promise<void>> {
    const count = this.counts.get(topic) ?? 0;
    if (count === 0) await this.subscriber.subscribe(this.prefix + topic);
    this.counts.set(topic, count + 1);
    const off = await this.local.subscribe(topic, handler);
    return async () => {
      await off();
      const left = (this.counts.get(topic) ?? 1) - 1;
      this.counts.set(topic, left);
      if (left === 0) await this.subscriber.unsubscribe(this.prefix + topic);
    };
  }

  async close(): Promise<void> {
    await this.local.close();
  }
}
