import type { Redis } from 'ioredis';

/**
 * At most `limit` holders of one key at a time: how many heavy jobs one user has running.
 * A slot lapses `ttlMs` after it was last taken or renewed, so the slots of an instance
 * that died with work in flight come free on their own. Shared by instances with Redis.
 */
export interface SlotStore {
  /** Takes a slot for `holder` unless `limit` other holders have one; says whether it did. */
  acquire(key: string, holder: string, limit: number, ttlMs: number): Promise<boolean>;
  /** Pushes the lapse of a slot the holder still has further out. */
  renew(key: string, holder: string, ttlMs: number): Promise<void>;
  release(key: string, holder: string): Promise<void>;
}

export class MemorySlotStore implements SlotStore {
  /** Per key, each holder's lapse time. */
  private readonly slots = new Map<string, Map<string, number>>();
  constructor(private readonly now: () => number = Date.now) {}

  async acquire(key: string, holder: string, limit: number, ttlMs: number): Promise<boolean> {
    const held = this.live(key);
    if (!held.has(holder) && held.size >= limit) return false;
    held.set(holder, this.now() + ttlMs);
    this.slots.set(key, held);
    return true;
  }

  async renew(key: string, holder: string, ttlMs: number): Promise<void> {
    const held = this.live(key);
    if (held.has(holder)) held.set(holder, this.now() + ttlMs);
  }

  async release(key: string, holder: string): Promise<void> {
    const held = this.slots.get(key);
    held?.delete(holder);
    if (held?.size === 0) this.slots.delete(key);
  }

  private live(key: string): Map<string, number> {
    const held = this.slots.get(key) ?? new Map<string, number>();
    const now = this.now();
    for (const [holder, lapsesAt] of held) if (lapsesAt <= now) held.delete(holder);
    return held;
  }
}

// One sorted set per key, scored by lapse time; the check and the add are one script so
// that two instances cannot both take the last slot.
const ACQUIRE = `
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[1])
if not redis.call('ZSCORE', KEYS[1], ARGV[2]) and redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[3]) then
  return 0
end
redis.call('ZADD', KEYS[1], ARGV[4], ARGV[2])
redis.call('PEXPIRE', KEYS[1], ARGV[5])
return 1
`;

export class RedisSlotStore implements SlotStore {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly now: () => number = Date.now,
  ) {}

  async acquire(key: string, holder: string, limit: number, ttlMs: number): Promise<boolean> {
    const now = this.now();
    const taken = await this.redis.eval(
      ACQUIRE,
      1,
      this.prefix + key,
      now,
      holder,
      limit,
      now + ttlMs,
      ttlMs,
    );
    return Number(taken) === 1;
  }

  async renew(key: string, holder: string, ttlMs: number): Promise<void> {
    const k = this.prefix + key;
    await this.redis
      .multi()
      .zadd(k, 'XX', this.now() + ttlMs, holder)
      .pexpire(k, ttlMs)
      .exec();
  }

  async release(key: string, holder: string): Promise<void> {
    await this.redis.zrem(this.prefix + key, holder);
  }
}
