import type { OrderNode } from './order-node.js';
import { PriceLevel } from './price-level.js';
import type { Side } from './types.js';

export interface DepthLevel {
  price: number;
  quantity: number;
  orders: number;
}

/**
 * The price levels of one side, sorted so that the best price is the last
 * element: consuming the best level is a pop, and new levels near the touch
 * (where most orders arrive) need only a short splice.
 */
export class BookSide {
  private readonly levels: PriceLevel[] = [];
  private readonly byPrice = new Map<number, PriceLevel>();
  /** +1 for bids (higher is better), -1 for offers (lower is better). */
  private readonly sign: number;

  constructor(readonly side: Side) {
    this.sign = side === 'buy' ? 1 : -1;
  }

  best(): PriceLevel | undefined {
    return this.levels[this.levels.length - 1];
  }

  levelCount(): number {
    return this.levels.length;
  }

  add(order: OrderNode): void {
    let level = this.byPrice.get(order.price);
    if (level === undefined) {
      level = new PriceLevel(order.price);
      this.byPrice.set(order.price, level);
      this.insertLevel(level);
    }
    level.append(order);
  }

  remove(order: OrderNode): void {
    const level = order.level;
    if (level === null) return;
    level.remove(order);
    if (level.isEmpty()) this.dropLevel(level);
  }

  /** Moves an order to the back of its level's queue, as a refreshed iceberg peak must. */
  sendToBack(order: OrderNode): void {
    const level = order.level;
    if (level === null || level.tail === order) return;
    level.remove(order);
    level.append(order);
  }

  dropLevel(level: PriceLevel): void {
    this.byPrice.delete(level.price);
    const last = this.levels.length - 1;
    if (this.levels[last] === level) {
      this.levels.pop();
      return;
    }
    const index = this.indexOf(level.price * this.sign);
    if (this.levels[index] === level) this.levels.splice(index, 1);
  }

  /** Whether an order on the other side at `price` would trade against this side now. */
  isMarketable(price: number): boolean {
    const best = this.best();
    return best !== undefined && best.price * this.sign >= price * this.sign;
  }

  /**
   * How much of `taker` this side could fill now, hidden iceberg quantity
   * included. Where self-trade prevention would stop the taker at an own
   * order, only the shown quantity queued ahead of it counts: the refreshed
   * peaks of icebergs ahead of it queue behind it.
   */
  fillableFor(taker: OrderNode, at: number): number {
    const stopsAtOwn = taker.selfTrade !== 'cancel_resting';
    let total = 0;
    for (let i = this.levels.length - 1; i >= 0; i--) {
      const level = this.levels[i] as PriceLevel;
      if (level.price * this.sign < taker.price * this.sign) break;
      let shownAhead = 0;
      let levelTotal = 0;
      for (let maker = level.head; maker !== null; maker = maker.next) {
        // Matching would expire this one rather than fill it.
        if (maker.timeInForce === 'GTD' && maker.expireAt <= at) continue;
        if (maker.account === taker.account) {
          if (stopsAtOwn) return total + shownAhead;
          continue;
        }
        shownAhead += maker.displayed;
        levelTotal += maker.remaining;
        if (total + shownAhead >= taker.remaining) return total + shownAhead;
      }
      total += levelTotal;
      if (total >= taker.remaining) return total;
    }
    return total;
  }

  /** Levels from the best outwards. */
  levelsFromBest(): PriceLevel[] {
    return this.levels.slice().reverse();
  }

  depth(maxLevels = Infinity): DepthLevel[] {
    const out: DepthLevel[] = [];
    for (let i = this.levels.length - 1; i >= 0 && out.length < maxLevels; i--) {
      const level = this.levels[i] as PriceLevel;
      out.push({ price: level.price, quantity: level.displayedQuantity, orders: level.orderCount });
    }
    return out;
  }

  private insertLevel(level: PriceLevel): void {
    const key = level.price * this.sign;
    const levels = this.levels;
    const n = levels.length;
    // Most new levels sit at or near the touch, so look there before searching.
    if (n === 0 || (levels[n - 1] as PriceLevel).price * this.sign < key) {
      levels.push(level);
      return;
    }
    levels.splice(this.indexOf(key), 0, level);
  }

  /** First index whose key is not below `key` (keys ascend towards the best). */
  private indexOf(key: number): number {
    const levels = this.levels;
    let lo = 0;
    let hi = levels.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((levels[mid] as PriceLevel).price * this.sign < key) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
