import type { OrderStatus } from './lifecycle.js';
import type { OrderType, SelfTradeMode, Side, TimeInForce } from './types.js';

/** One live order as the engine holds it, every field a restart needs. */
export interface OrderImage {
  orderId: string;
  account: string;
  side: Side;
  type: OrderType;
  timeInForce: TimeInForce;
  price: number;
  stopPrice: number;
  remaining: number;
  displayed: number;
  peak: number;
  postOnly: boolean;
  expireAt: number;
  selfTrade: SelfTradeMode;
  status: OrderStatus;
  filled: number;
  seq: number;
}

/**
 * A book's complete state as plain data, from which a book continues exactly as the
 * one it was taken from: queue order at every level, waiting stops in firing order,
 * the order of good-till-date expiry, the switches and both counters (the trade
 * counter names the next trade). Unlike `BookSnapshot`, which is a view to compare,
 * this is what a restart loads instead of replaying the log up to it.
 */
export interface BookImage {
  format: 1;
  /** Every live order, in the order the book first saw them. */
  orders: OrderImage[];
  /** Order ids queued at each price level of each side. */
  bids: string[][];
  asks: string[][];
  stops: string[];
  goodTillDate: string[];
  halted: boolean;
  killSwitch: boolean;
  referencePrice: number | null;
  bandTicks: number | null;
  lastTradePrice: number | null;
  sequence: number;
  tradeCount: number;
}
