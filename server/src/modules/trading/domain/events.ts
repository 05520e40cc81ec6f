import type {
  CancelReason,
  ExpiryReason,
  OrderType,
  RejectReason,
  Side,
  TimeInForce,
} from './types.js';

/**
 * What the engine tells the world. Events carry only plain data so that the
 * service can append them to the event log and publish them unchanged.
 */
export type BookEvent =
  | {
      type: 'accepted';
      orderId: string;
      account: string;
      side: Side;
      orderType: OrderType;
      timeInForce: TimeInForce;
      price: number | null;
      quantity: number;
      at: number;
    }
  | {
      type: 'rejected';
      command: 'submit' | 'cancel' | 'modify';
      orderId: string;
      reason: RejectReason;
      at: number;
    }
  | {
      type: 'trade';
      tradeId: number;
      makerOrderId: string;
      takerOrderId: string;
      makerAccount: string;
      takerAccount: string;
      aggressorSide: Side;
      price: number;
      quantity: number;
      at: number;
    }
  | { type: 'cancelled'; orderId: string; quantity: number; reason: CancelReason; at: number }
  | { type: 'expired'; orderId: string; quantity: number; reason: ExpiryReason; at: number }
  | {
      type: 'modified';
      orderId: string;
      price: number;
      previousRemaining: number;
      remaining: number;
      priorityKept: boolean;
      at: number;
    }
  | {
      type: 'stop_triggered';
      orderId: string;
      stopPrice: number;
      lastTradePrice: number;
      at: number;
    }
  | { type: 'halted'; reason: 'halted' | 'kill_switch'; at: number }
  | { type: 'resumed'; at: number };

export type BookEventListener = (event: BookEvent) => void;

export type TradeEvent = Extract<BookEvent, { type: 'trade' }>;

/** Collects events into an array; handy for tests and for the service's unit of work. */
export class EventRecorder {
  readonly events: BookEvent[] = [];
  readonly listener: BookEventListener = (event) => {
    this.events.push(event);
  };
  clear(): void {
    this.events.length = 0;
  }
  ofType<T extends BookEvent['type']>(type: T): Extract<BookEvent, { type: T }>[] {
    return this.events.filter((e): e is Extract<BookEvent, { type: T }> => e.type === type);
  }
}
