import type { DepthLevel } from './book-side.js';
import { transition } from './lifecycle.js';
import { MatchingCore } from './matching-core.js';
import {
  checkPriceBand,
  checkSubmission,
  checkTradingOpen,
  defaultTimeInForce,
} from './order-checks.js';
import { OrderNode } from './order-node.js';
import type { PriceLevel } from './price-level.js';
import type { BookImage } from './book-image.js';
import type { BookEventListener } from './events.js';
import type { BookConfig, OrderRequest, RejectReason } from './types.js';

/** Market orders carry the most aggressive price so one crossing test serves every order. */
const MARKET_BUY_PRICE = Number.MAX_SAFE_INTEGER;
const MARKET_SELL_PRICE = Number.MIN_SAFE_INTEGER;

export interface OrderChange {
  price?: number;
  quantity?: number;
}

/**
 * The continuous limit order book of one instrument and delivery period,
 * matching by price then time. Single writer: the service feeds it commands
 * one at a time and every outcome leaves through the listener as an event.
 * Each command returns the reason it was refused, or null.
 */
export class OrderBook extends MatchingCore {
  /** A book that continues from an image (`image()`) as the book it was taken from would. */
  static fromImage(config: BookConfig, image: BookImage, listener?: BookEventListener): OrderBook {
    const book = new OrderBook(config, listener);
    book.restore(image);
    return book;
  }

  get lastTradePrice(): number | null {
    return this.ctx.lastTradePrice;
  }

  get sequence(): number {
    return this.seq;
  }

  get tradeCount(): number {
    return this.tradeSeq;
  }

  /** A live order (resting or waiting stop), for reading only. */
  order(orderId: string): Readonly<OrderNode> | undefined {
    return this.orders.get(orderId);
  }

  liveOrders(): IterableIterator<Readonly<OrderNode>> {
    return this.orders.values();
  }

  waitingStops(): readonly Readonly<OrderNode>[] {
    return this.stops.all();
  }

  depth(maxLevels = Infinity): { bids: DepthLevel[]; asks: DepthLevel[] } {
    return { bids: this.bids.depth(maxLevels), asks: this.asks.depth(maxLevels) };
  }

  submit(request: OrderRequest): RejectReason | null {
    const at = request.at;
    const refused =
      checkSubmission(request, this.ctx) ??
      (this.orders.has(request.orderId) ? 'duplicate_order_id' : null);
    if (refused !== null) return this.reject('submit', request.orderId, refused, at);

    const market = request.type === 'market' || request.type === 'stop';
    const price = market
      ? request.side === 'buy'
        ? MARKET_BUY_PRICE
        : MARKET_SELL_PRICE
      : (request.price as number);
    const peak = request.peak ?? 0;
    const order = new OrderNode(
      request.orderId,
      request.account,
      request.side,
      request.type,
      defaultTimeInForce(request),
      price,
      request.stopPrice ?? 0,
      request.quantity,
      request.quantity,
      peak,
      request.postOnly === true,
      request.expireAt ?? 0,
      request.selfTrade ?? this.config.defaultSelfTrade ?? 'cancel_incoming',
    );

    if (order.postOnly && this.oppositeOf(order).isMarketable(order.price))
      return this.refuse(order, 'post_only_would_cross', at);
    const waitsForTrigger = request.type === 'stop' || request.type === 'stop_limit';
    if (
      !waitsForTrigger &&
      order.timeInForce === 'FOK' &&
      this.oppositeOf(order).fillableFor(order, at) < order.remaining
    ) {
      return this.refuse(order, 'fok_unfillable', at);
    }

    order.status = transition(order.orderId, order.status, 'accepted');
    this.emit({
      type: 'accepted',
      orderId: order.orderId,
      account: order.account,
      side: order.side,
      orderType: order.type,
      timeInForce: order.timeInForce,
      price: market ? null : price,
      quantity: order.remaining,
      at,
    });
    if (waitsForTrigger) {
      order.seq = ++this.seq;
      this.orders.set(order.orderId, order);
      this.stops.add(order);
      if (order.timeInForce === 'GTD') this.goodTillDate.add(order);
      return null;
    }
    this.execute(order, at);
    this.fireStops(at);
    return null;
  }

  cancel(orderId: string, at: number): RejectReason | null {
    const order = this.orders.get(orderId);
    if (order === undefined) return this.reject('cancel', orderId, 'unknown_order', at);
    this.takeOut(order);
    this.finish(order, 'cancelled', 'requested', at);
    return null;
  }

  /**
   * Lowering the quantity keeps the order's place in the queue; any price
   * change or quantity increase sends it to the back, and a new price that
   * crosses the spread trades at once like a new order.
   */
  modify(orderId: string, change: OrderChange, at: number): RejectReason | null {
    const refused = checkTradingOpen(this.ctx, at);
    if (refused !== null) return this.reject('modify', orderId, refused, at);
    const order = this.orders.get(orderId);
    if (order === undefined) return this.reject('modify', orderId, 'unknown_order', at);
    if (order.level === null) return this.reject('modify', orderId, 'not_modifiable', at);
    const price = change.price ?? order.price;
    const quantity = change.quantity ?? order.remaining;
    if (!Number.isSafeInteger(price)) return this.reject('modify', orderId, 'tick_size', at);
    if (!Number.isSafeInteger(quantity) || quantity <= 0)
      return this.reject('modify', orderId, 'lot_size', at);
    if (price === order.price && quantity === order.remaining)
      return this.reject('modify', orderId, 'no_change', at);
    const band = price === order.price ? null : checkPriceBand(this.ctx, price);
    if (band !== null) return this.reject('modify', orderId, band, at);

    const previousRemaining = order.remaining;
    if (price === order.price && quantity < order.remaining) {
      const level = order.level;
      const displayed = Math.min(order.displayed, quantity);
      level.displayedQuantity -= order.displayed - displayed;
      order.displayed = displayed;
      order.remaining = quantity;
      this.emitModified(order, previousRemaining, true, at);
      return null;
    }

    if (order.postOnly && this.oppositeOf(order).isMarketable(price)) {
      return this.reject('modify', orderId, 'post_only_would_cross', at);
    }
    this.sideOf(order).remove(order);
    order.price = price;
    order.remaining = quantity;
    order.displayed = order.peak > 0 ? Math.min(order.peak, quantity) : quantity;
    this.emitModified(order, previousRemaining, false, at);
    this.execute(order, at);
    this.fireStops(at);
    return null;
  }

  /** Expires good-till-date orders whose time has come. */
  expireGoodTillDate(at: number): void {
    for (const order of this.goodTillDate) {
      if (order.expireAt <= at) {
        this.takeOut(order);
        this.finish(order, 'expired', 'gtd', at);
      }
    }
  }

  /** At gate closure the delivery period stops trading: every live order expires. */
  expireAtGateClosure(at: number): void {
    if (at < this.ctx.gateClosureAt) return;
    for (const side of [this.bids, this.asks]) {
      let level: PriceLevel | undefined;
      while ((level = side.best()) !== undefined) {
        const order = level.head as OrderNode;
        this.takeOut(order);
        this.finish(order, 'expired', 'gate_closure', at);
      }
    }
    for (const stop of this.stops.all()) {
      this.takeOut(stop);
      this.finish(stop, 'expired', 'gate_closure', at);
    }
  }

  expire(at: number): void {
    this.expireGoodTillDate(at);
    this.expireAtGateClosure(at);
  }

  halt(at: number, reason: 'halted' | 'kill_switch' = 'halted'): void {
    if (reason === 'kill_switch') this.ctx.killSwitch = true;
    else this.ctx.halted = true;
    this.emit({ type: 'halted', reason, at });
  }

  resume(at: number, reason: 'halted' | 'kill_switch' = 'halted'): void {
    if (reason === 'kill_switch') this.ctx.killSwitch = false;
    else this.ctx.halted = false;
    if (!this.ctx.halted && !this.ctx.killSwitch) this.emit({ type: 'resumed', at });
  }

  setReferencePrice(price: number): void {
    this.ctx.referencePrice = price;
  }

  /** Refuses an order that passed the static checks but not the book's. */
  private refuse(order: OrderNode, reason: RejectReason, at: number): RejectReason {
    order.status = transition(order.orderId, order.status, 'rejected');
    return this.reject('submit', order.orderId, reason, at);
  }

  private reject(
    command: 'submit' | 'cancel' | 'modify',
    orderId: string,
    reason: RejectReason,
    at: number,
  ): RejectReason {
    this.emit({ type: 'rejected', command, orderId, reason, at });
    return reason;
  }

  private emitModified(
    order: OrderNode,
    previousRemaining: number,
    priorityKept: boolean,
    at: number,
  ): void {
    this.emit({
      type: 'modified',
      orderId: order.orderId,
      price: order.price,
      previousRemaining,
      remaining: order.remaining,
      priorityKept,
      at,
    });
  }
}
