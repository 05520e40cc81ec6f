import type { OrderNode } from './order-node.js';

/**
 * One price on one side of the book: a FIFO queue of orders kept as an
 * intrusive doubly linked list, with running totals for the depth view.
 */
export class PriceLevel {
  head: OrderNode | null = null;
  tail: OrderNode | null = null;
  orderCount = 0;
  displayedQuantity = 0;

  constructor(readonly price: number) {}

  append(order: OrderNode): void {
    order.level = this;
    order.prev = this.tail;
    order.next = null;
    if (this.tail === null) this.head = order;
    else this.tail.next = order;
    this.tail = order;
    this.orderCount++;
    this.displayedQuantity += order.displayed;
  }

  remove(order: OrderNode): void {
    if (order.prev === null) this.head = order.next;
    else order.prev.next = order.next;
    if (order.next === null) this.tail = order.prev;
    else order.next.prev = order.prev;
    order.prev = null;
    order.next = null;
    order.level = null;
    this.orderCount--;
    this.displayedQuantity -= order.displayed;
  }

  isEmpty(): boolean {
    return this.head === null;
  }
}
