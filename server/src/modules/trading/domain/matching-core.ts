import { BookSide } from './book-side.js';
import type { BookImage } from './book-image.js';
import type { BookEvent, BookEventListener } from './events.js';
import { transition } from './lifecycle.js';
import type { CheckContext } from './order-checks.js';
import { OrderNode } from './order-node.js';
import type { PriceLevel } from './price-level.js';
import { StopBook } from './stop-book.js';
import type { BookConfig, CancelReason, ExpiryReason } from './types.js';

const noListener: BookEventListener = () => undefined;

/**
 * The state of one book and the matching loop that moves it: price-time
 * priority, self-trade prevention, iceberg refresh and stop triggering.
 * `OrderBook` adds the commands traders send; this part knows nothing of
 * validation, only of how orders meet.
 */
export class MatchingCore {
  readonly bids = new BookSide('buy');
  readonly asks = new BookSide('sell');
  readonly ctx: CheckContext;
  protected readonly orders = new Map<string, OrderNode>();
  protected readonly stops = new StopBook();
  protected readonly goodTillDate = new Set<OrderNode>();
  protected seq = 0;
  protected tradeSeq = 0;

  constructor(
    readonly config: BookConfig,
    protected readonly listener: BookEventListener = noListener,
  ) {
    this.ctx = {
      gateClosureAt: config.gateClosureAt,
      halted: false,
      killSwitch: false,
      referencePrice: config.priceBand?.referencePrice ?? null,
      bandTicks: config.priceBand?.bandTicks ?? null,
      lastTradePrice: null,
    };
  }

  /** The book as plain data (`BookImage`), for a snapshot a restart continues from. */
  image(): BookImage {
    const queued = (side: BookSide): string[][] =>
      side.levelsFromBest().map((level) => {
        const ids: string[] = [];
        for (let o = level.head; o !== null; o = o.next) ids.push(o.orderId);
        return ids;
      });
    return {
      format: 1,
      orders: [...this.orders.values()].map((o) => ({
        orderId: o.orderId,
        account: o.account,
        side: o.side,
        type: o.type,
        timeInForce: o.timeInForce,
        price: o.price,
        stopPrice: o.stopPrice,
        remaining: o.remaining,
        displayed: o.displayed,
        peak: o.peak,
        postOnly: o.postOnly,
        expireAt: o.expireAt,
        selfTrade: o.selfTrade,
        status: o.status,
        filled: o.filled,
        seq: o.seq,
      })),
      bids: queued(this.bids),
      asks: queued(this.asks),
      stops: this.stops.all().map((o) => o.orderId),
      goodTillDate: [...this.goodTillDate].map((o) => o.orderId),
      halted: this.ctx.halted,
      killSwitch: this.ctx.killSwitch,
      referencePrice: this.ctx.referencePrice,
      bandTicks: this.ctx.bandTicks,
      lastTradePrice: this.ctx.lastTradePrice,
      sequence: this.seq,
      tradeCount: this.tradeSeq,
    };
  }

  /** Loads an image into this empty book; the gate stays the configuration's. */
  protected restore(image: BookImage): void {
    for (const o of image.orders) {
      const node = new OrderNode(
        o.orderId,
        o.account,
        o.side,
        o.type,
        o.timeInForce,
        o.price,
        o.stopPrice,
        o.remaining,
        o.displayed,
        o.peak,
        o.postOnly,
        o.expireAt,
        o.selfTrade,
      );
      node.status = o.status;
      node.filled = o.filled;
      node.seq = o.seq;
      this.orders.set(node.orderId, node);
    }
    const node = (id: string): OrderNode => {
      const found = this.orders.get(id);
      if (found === undefined) throw new Error(`book image names order ${id} it does not hold`);
      return found;
    };
    // Levels are added worst first so that each side's level array is built in its order.
    for (const ids of [...image.bids].reverse()) for (const id of ids) this.bids.add(node(id));
    for (const ids of [...image.asks].reverse()) for (const id of ids) this.asks.add(node(id));
    for (const id of image.stops) this.stops.add(node(id));
    for (const id of image.goodTillDate) this.goodTillDate.add(node(id));
    Object.assign(this.ctx, {
      halted: image.halted,
      killSwitch: image.killSwitch,
      referencePrice: image.referencePrice,
      bandTicks: image.bandTicks,
      lastTradePrice: image.lastTradePrice,
    });
    this.seq = image.sequence;
    this.tradeSeq = image.tradeCount;
  }

  /** Runs a taker through the opposite side, then rests or cancels what is left. */
  protected execute(order: OrderNode, at: number): void {
    this.match(order, at);
    if (order.status === 'cancelled' || order.status === 'filled') {
      this.orders.delete(order.orderId);
      if (order.timeInForce === 'GTD') this.goodTillDate.delete(order);
      return;
    }
    if (order.timeInForce === 'IOC' || order.timeInForce === 'FOK') {
      this.orders.delete(order.orderId);
      this.finish(order, 'cancelled', 'unfilled_remainder', at);
      return;
    }
    if (order.peak > 0 && order.displayed > order.peak) order.displayed = order.peak;
    if (order.displayed > order.remaining) order.displayed = order.remaining;
    order.seq = ++this.seq;
    this.orders.set(order.orderId, order);
    (order.side === 'buy' ? this.bids : this.asks).add(order);
    if (order.timeInForce === 'GTD') this.goodTillDate.add(order);
  }

  protected match(taker: OrderNode, at: number): void {
    const buying = taker.side === 'buy';
    const opposite = buying ? this.asks : this.bids;
    const limit = taker.price;
    while (taker.remaining > 0) {
      const level = opposite.best();
      if (level === undefined || (buying ? level.price > limit : level.price < limit)) return;
      let maker = level.head;
      while (maker !== null && taker.remaining > 0) {
        const next = maker.next;
        if (maker.timeInForce === 'GTD' && maker.expireAt <= at) {
          this.removeFromLevel(maker, level);
          this.finish(maker, 'expired', 'gtd', at);
        } else if (maker.account === taker.account) {
          const mode = taker.selfTrade;
          if (mode !== 'cancel_incoming') {
            this.removeFromLevel(maker, level);
            this.finish(maker, 'cancelled', 'self_trade', at);
          }
          if (mode !== 'cancel_resting') {
            if (level.isEmpty()) opposite.dropLevel(level);
            this.finish(taker, 'cancelled', 'self_trade', at);
            return;
          }
        } else {
          this.fill(maker, taker, level, at);
        }
        maker = next;
      }
      if (level.isEmpty()) opposite.dropLevel(level);
    }
  }

  protected fill(maker: OrderNode, taker: OrderNode, level: PriceLevel, at: number): void {
    const quantity = taker.remaining < maker.displayed ? taker.remaining : maker.displayed;
    maker.displayed -= quantity;
    maker.remaining -= quantity;
    maker.filled += quantity;
    level.displayedQuantity -= quantity;
    taker.remaining -= quantity;
    taker.filled += quantity;
    this.ctx.lastTradePrice = level.price;
    this.emit({
      type: 'trade',
      tradeId: ++this.tradeSeq,
      makerOrderId: maker.orderId,
      takerOrderId: taker.orderId,
      makerAccount: maker.account,
      takerAccount: taker.account,
      aggressorSide: taker.side,
      price: level.price,
      quantity,
      at,
    });
    taker.status = transition(
      taker.orderId,
      taker.status,
      taker.remaining === 0 ? 'filled' : 'partially_filled',
    );
    maker.status = transition(
      maker.orderId,
      maker.status,
      maker.remaining === 0 ? 'filled' : 'partially_filled',
    );
    if (maker.remaining === 0) {
      this.removeFromLevel(maker, level);
    } else if (maker.displayed === 0) {
      // The refreshed peak of an iceberg joins the back of the queue.
      maker.displayed = maker.peak < maker.remaining ? maker.peak : maker.remaining;
      level.displayedQuantity += maker.displayed;
      maker.seq = ++this.seq;
      if (level.tail !== maker) {
        level.remove(maker);
        level.append(maker);
      }
    }
  }

  /** Removes a maker during matching; the matching loop drops the emptied level itself. */
  protected removeFromLevel(order: OrderNode, level: PriceLevel): void {
    level.remove(order);
    this.orders.delete(order.orderId);
    if (order.timeInForce === 'GTD') this.goodTillDate.delete(order);
  }

  /** Takes a live order out of wherever it waits: its price level or the stop book. */
  protected takeOut(order: OrderNode): void {
    if (order.level !== null) this.sideOf(order).remove(order);
    else this.stops.remove(order);
    this.orders.delete(order.orderId);
    if (order.timeInForce === 'GTD') this.goodTillDate.delete(order);
  }

  protected finish(
    order: OrderNode,
    status: 'cancelled' | 'expired',
    reason: CancelReason | ExpiryReason,
    at: number,
  ): void {
    order.status = transition(order.orderId, order.status, status);
    const quantity = order.remaining;
    order.remaining = 0;
    order.displayed = 0;
    if (status === 'cancelled') {
      this.emit({
        type: 'cancelled',
        orderId: order.orderId,
        quantity,
        reason: reason as CancelReason,
        at,
      });
    } else {
      this.emit({
        type: 'expired',
        orderId: order.orderId,
        quantity,
        reason: reason as ExpiryReason,
        at,
      });
    }
  }

  /** Stops fired by the last trade price, and any further stops their trades fire. */
  protected fireStops(at: number): void {
    if (this.stops.size === 0) return;
    let last = this.ctx.lastTradePrice;
    while (last !== null) {
      const fired = this.stops.takeTriggered(last);
      if (fired.length === 0) return;
      for (const stop of fired) {
        this.orders.delete(stop.orderId);
        if (stop.timeInForce === 'GTD') {
          this.goodTillDate.delete(stop);
          // Its time ran out before the market reached it.
          if (stop.expireAt <= at) {
            this.finish(stop, 'expired', 'gtd', at);
            continue;
          }
        }
        this.emit({
          type: 'stop_triggered',
          orderId: stop.orderId,
          stopPrice: stop.stopPrice,
          lastTradePrice: last,
          at,
        });
        if (
          stop.timeInForce === 'FOK' &&
          this.oppositeOf(stop).fillableFor(stop, at) < stop.remaining
        ) {
          this.finish(stop, 'cancelled', 'fok_unfillable', at);
        } else {
          this.execute(stop, at);
        }
      }
      last = this.ctx.lastTradePrice;
    }
  }

  protected sideOf(order: OrderNode): BookSide {
    return order.side === 'buy' ? this.bids : this.asks;
  }

  protected oppositeOf(order: OrderNode): BookSide {
    return order.side === 'buy' ? this.asks : this.bids;
  }

  protected emit(event: BookEvent): void {
    this.listener(event);
  }
}
