import { DomainError } from '../../../platform/errors.js';

export type OrderStatus =
  'new' | 'accepted' | 'partially_filled' | 'filled' | 'cancelled' | 'expired' | 'rejected';

/**
 * The order lifecycle as a table: the only moves the engine may make. Reading
 * it answers "can an expired order fill?" without reading the matching code.
 */
const TRANSITIONS: Readonly<Record<OrderStatus, readonly OrderStatus[]>> = {
  new: ['accepted', 'rejected'],
  accepted: ['partially_filled', 'filled', 'cancelled', 'expired'],
  partially_filled: ['partially_filled', 'filled', 'cancelled', 'expired'],
  filled: [],
  cancelled: [],
  expired: [],
  rejected: [],
};

/** The same table as nested lookups, because matching consults it on every fill. */
const ALLOWED = Object.fromEntries(
  Object.entries(TRANSITIONS).map(([from, tos]) => [
    from,
    Object.fromEntries(tos.map((to) => [to, true])),
  ]),
) as Record<OrderStatus, Partial<Record<OrderStatus, true>>>;

export const isTerminal = (status: OrderStatus): boolean => TRANSITIONS[status].length === 0;

export const canTransition = (from: OrderStatus, to: OrderStatus): boolean =>
  ALLOWED[from][to] === true;

/** Returns the new status, or throws an error that names the illegal move. */
export function transition(orderId: string, from: OrderStatus, to: OrderStatus): OrderStatus {
  if (ALLOWED[from][to] !== true) {
    throw new DomainError(
      'conflict',
      'illegal_order_transition',
      `order ${orderId} cannot move from ${from} to ${to}`,
      [],
      { orderId, from, to },
    );
  }
  return to;
}
