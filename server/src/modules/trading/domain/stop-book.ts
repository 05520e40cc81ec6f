import type { OrderNode } from './order-node.js';

/**
 * Stop orders waiting for their trigger. Buy stops fire when the last trade
 * is at or above the stop price, sell stops at or below; each list is kept
 * sorted so that the stops closest to firing are at the front.
 */
export class StopBook {
  private readonly buys: OrderNode[] = [];
  private readonly sells: OrderNode[] = [];

  get size(): number {
    return this.buys.length + this.sells.length;
  }

  add(order: OrderNode): void {
    const list = order.side === 'buy' ? this.buys : this.sells;
    const firesBefore =
      order.side === 'buy'
        ? (o: OrderNode) =>
            o.stopPrice < order.stopPrice || (o.stopPrice === order.stopPrice && o.seq < order.seq)
        : (o: OrderNode) =>
            o.stopPrice > order.stopPrice || (o.stopPrice === order.stopPrice && o.seq < order.seq);
    let i = list.length;
    while (i > 0 && !firesBefore(list[i - 1] as OrderNode)) i--;
    list.splice(i, 0, order);
  }

  remove(order: OrderNode): boolean {
    const list = order.side === 'buy' ? this.buys : this.sells;
    const i = list.indexOf(order);
    if (i < 0) return false;
    list.splice(i, 1);
    return true;
  }

  /** Removes and returns the stops that `lastTradePrice` fires, earliest submitted first. */
  takeTriggered(lastTradePrice: number): OrderNode[] {
    const fired: OrderNode[] = [];
    while (this.buys.length > 0 && (this.buys[0] as OrderNode).stopPrice <= lastTradePrice) {
      fired.push(this.buys.shift() as OrderNode);
    }
    while (this.sells.length > 0 && (this.sells[0] as OrderNode).stopPrice >= lastTradePrice) {
      fired.push(this.sells.shift() as OrderNode);
    }
    return fired.sort((a, b) => a.seq - b.seq);
  }

  /** All waiting stops, buys then sells, in firing order. */
  all(): OrderNode[] {
    return [...this.buys, ...this.sells];
  }

  clear(): void {
    this.buys.length = 0;
    this.sells.length = 0;
  }
}
