import type { OrderStatus } from './lifecycle.js';
import type { PriceLevel } from './price-level.js';
import type { OrderType, SelfTradeMode, Side, TimeInForce } from './types.js';

/**
 * A live order inside the engine. It is its own linked-list node in the
 * queue of its price level, so that cancelling is O(1) once found by id.
 */
export class OrderNode {
  prev: OrderNode | null = null;
  next: OrderNode | null = null;
  level: PriceLevel | null = null;
  status: OrderStatus = 'new';
  filled = 0;
  /** Position in the time priority; a refreshed iceberg peak takes a new one. */
  seq = 0;

  constructor(
    readonly orderId: string,
    readonly account: string,
    readonly side: Side,
    public type: OrderType,
    public timeInForce: TimeInForce,
    /** Limit price in ticks; unused for market orders. */
    public price: number,
    readonly stopPrice: number,
    /** Open quantity in lots, hidden part of an iceberg included. */
    public remaining: number,
    /** Visible part of `remaining`; equals it unless the order is an iceberg. */
    public displayed: number,
    /** Iceberg peak, 0 for a fully displayed order. */
    readonly peak: number,
    readonly postOnly: boolean,
    readonly expireAt: number,
    readonly selfTrade: SelfTradeMode,
  ) {}
}
