import { transition, type BookCommand, type BookEvent, type OrderStatus } from '../domain/index.js';
import type { OrderRecord, TradeRecord } from '../order-record.js';

/** One row of the command log as the writer appends it. */
export interface LoggedCommand {
  kind: BookCommand['kind'] | 'pre_trade_reject';
  orderId: string | null;
  payload: unknown;
  at: number;
}

/**
 * What one batch of commands changed: the commands to append, the orders whose
 * state moved and the trades made. The writer persists it in one transaction.
 */
export class UnitOfWork {
  readonly commands: LoggedCommand[] = [];
  readonly changed = new Map<string, OrderRecord>();
  /** Trades with the index of the command that made them. */
  readonly trades: { trade: TradeRecord; command: number }[] = [];

  constructor(
    private readonly instrumentId: string,
    private readonly lookup: (orderId: string) => OrderRecord | undefined,
  ) {}

  log(command: LoggedCommand): void {
    this.commands.push(command);
  }

  touch(record: OrderRecord): void {
    this.changed.set(record.id, record);
  }

  /** Folds the engine's events for the last logged command into the order records. */
  fold(events: readonly BookEvent[]): TradeRecord[] {
    const made: TradeRecord[] = [];
    for (const event of events) {
      switch (event.type) {
        case 'accepted':
          this.move(event.orderId, 'accepted', event.at);
          break;
        case 'rejected':
          // A refused cancel or modify leaves the order as it was.
          if (event.command === 'submit') {
            const record = this.move(event.orderId, 'rejected', event.at);
            if (record) record.rejectReason = event.reason;
          }
          break;
        case 'trade':
          made.push(this.fill(event));
          break;
        case 'cancelled':
          this.move(event.orderId, 'cancelled', event.at);
          break;
        case 'expired':
          this.move(event.orderId, 'expired', event.at);
          break;
        case 'modified': {
          const record = this.lookup(event.orderId);
          if (record) {
            record.priceTicks = record.type === 'market' ? null : event.price;
            record.quantityLots = record.filledLots + event.remaining;
            record.updatedAt = event.at;
            this.touch(record);
          }
          break;
        }
        case 'stop_triggered':
        case 'halted':
        case 'resumed':
          break;
      }
    }
    return made;
  }

  private move(orderId: string, to: OrderStatus, at: number): OrderRecord | undefined {
    const record = this.lookup(orderId);
    if (!record) return undefined;
    record.status = transition(orderId, record.status, to);
    record.updatedAt = at;
    this.touch(record);
    return record;
  }

  private fill(event: Extract<BookEvent, { type: 'trade' }>): TradeRecord {
    for (const id of [event.makerOrderId, event.takerOrderId]) {
      const record = this.lookup(id);
      if (!record) continue;
      record.filledLots += event.quantity;
      record.filledNotional += event.price * event.quantity;
      const to = record.filledLots >= record.quantityLots ? 'filled' : 'partially_filled';
      record.status = transition(id, record.status, to);
      record.updatedAt = event.at;
      this.touch(record);
    }
    const buyerIsTaker = event.aggressorSide === 'buy';
    const trade: TradeRecord = {
      id: `${this.instrumentId}:${event.tradeId}`,
      instrumentId: this.instrumentId,
      priceTicks: event.price,
      quantityLots: event.quantity,
      aggressorSide: event.aggressorSide,
      buyOrderId: buyerIsTaker ? event.takerOrderId : event.makerOrderId,
      sellOrderId: buyerIsTaker ? event.makerOrderId : event.takerOrderId,
      buyer: buyerIsTaker ? event.takerAccount : event.makerAccount,
      seller: buyerIsTaker ? event.makerAccount : event.takerAccount,
      at: event.at,
    };
    this.trades.push({ trade, command: this.commands.length - 1 });
    return trade;
  }
}
