import type { OrderCancelled, OrderModified, OrderPlaced, Side } from './events.js';
import type { OwnerOf } from './from-trading.js';

/**
 * The fields of trading's order view (`ORDER_TOPIC` messages carry `{ order }`) that
 * surveillance reads. Declared here by shape because `trading/index.ts` does not export
 * the view's type; a message that matches it structurally is accepted as is.
 */
export interface OrderViewLike {
  id: string;
  instrumentId: string;
  account: string;
  side: Side;
  price: number | null;
  quantity: number;
  filledQuantity: number;
  remainingQuantity: number;
  status: string;
  updatedAt: string;
}

type OrderEvent = OrderPlaced | OrderModified | OrderCancelled;

const ENDED = new Set(['cancelled', 'expired', 'filled', 'rejected']);

/**
 * Turns the stream of order views (each the order's whole state after a change) into
 * placements, modifications and cancellations by comparing each view with the last one
 * seen of the order. Fills are left to the trade stream, which names both sides.
 */
export function orderEventsFromViews(ownerOf: OwnerOf = (a) => a) {
  const last = new Map<string, OrderViewLike>();
  return function next(view: OrderViewLike): OrderEvent[] {
    const at = Date.parse(view.updatedAt);
    const base = { at, instrumentId: view.instrumentId, orderId: view.id, account: view.account };
    const before = last.get(view.id);
    const out: OrderEvent[] = [];
    if (!before) {
      if (view.status === 'rejected') return out;
      out.push({
        ...base,
        kind: 'order_placed',
        id: `order:${view.id}:placed`,
        beneficialOwner: ownerOf(view.account),
        side: view.side,
        price: view.price,
        quantity: view.quantity,
      });
    } else if (view.status === 'cancelled' || view.status === 'expired') {
      out.push({
        ...base,
        kind: 'order_cancelled',
        id: `order:${view.id}:cancelled`,
        quantity: before.remainingQuantity,
      });
    } else if (
      view.filledQuantity === before.filledQuantity &&
      view.price !== null &&
      (view.price !== before.price || view.remainingQuantity !== before.remainingQuantity)
    ) {
      out.push({
        ...base,
        kind: 'order_modified',
        id: `order:${view.id}:modified:${at}`,
        price: view.price,
        remaining: view.remainingQuantity,
      });
    }
    if (ENDED.has(view.status)) last.delete(view.id);
    else last.set(view.id, view);
    return out;
  };
}
