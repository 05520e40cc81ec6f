import { formatInStep, isMultipleOf, neighbours } from './increments';
import type { NewOrder, OrderType, Side, TimeInForce } from './types';

/** What the order ticket holds: inputs as typed, so a half-typed "45." is kept as is. */
export interface TicketDraft {
  side: Side;
  type: OrderType;
  price: string;
  stopPrice: string;
  quantity: string;
  timeInForce: TimeInForce;
  /** A `datetime-local` value, in the viewer's zone. */
  expiresAt: string;
  postOnly: boolean;
  displayQuantity: string;
}

export type TicketField =
  'price' | 'stopPrice' | 'quantity' | 'timeInForce' | 'expiresAt' | 'postOnly' | 'displayQuantity';
export type TicketErrors = Partial<Record<TicketField, string>>;

export interface ContractTerms {
  tickSize: number | string;
  lotSize: number | string;
}

export const emptyTicket: TicketDraft = {
  side: 'buy',
  type: 'limit',
  price: '',
  stopPrice: '',
  quantity: '',
  timeInForce: 'GTC',
  expiresAt: '',
  postOnly: false,
  displayQuantity: '',
};

export const needsPrice = (type: OrderType) => type === 'limit' || type === 'stop_limit';
export const needsStopPrice = (type: OrderType) => type === 'stop' || type === 'stop_limit';

function parse(text: string): number | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : Number.NaN;
}

function priceProblem(text: string, terms: ContractTerms, what: string): string | undefined {
  const value = parse(text);
  if (value === null) return `Enter a ${what}.`;
  if (Number.isNaN(value)) return `The ${what} must be a number.`;
  // Power prices go negative, so only the tick is checked, not the sign.
  if (!isMultipleOf(value, terms.tickSize)) {
    const [below, above] = neighbours(value, terms.tickSize);
    return `Use a multiple of the tick ${terms.tickSize}, e.g. ${formatInStep(below, terms.tickSize)} or ${formatInStep(above, terms.tickSize)}.`;
  }
  return undefined;
}

function quantityProblem(text: string, terms: ContractTerms, what: string): string | undefined {
  const value = parse(text);
  if (value === null) return `Enter a ${what}.`;
  if (Number.isNaN(value)) return `The ${what} must be a number.`;
  if (value <= 0) return `The ${what} must be more than zero.`;
  if (!isMultipleOf(value, terms.lotSize)) return `Use a multiple of the lot ${terms.lotSize}.`;
  return undefined;
}

/**
 * The checks worth making before a round trip: tick and lot multiples and
 * the combinations the engine refuses. The server checks again and its
 * word wins. `now` is passed in so the expiry check is testable.
 */
export function validateTicket(draft: TicketDraft, terms: ContractTerms, now: Date): TicketErrors {
  const errors: TicketErrors = {};
  const put = (field: TicketField, message: string | undefined) => {
    if (message) errors[field] = message;
  };

  put('quantity', quantityProblem(draft.quantity, terms, 'quantity'));
  if (needsPrice(draft.type)) put('price', priceProblem(draft.price, terms, 'limit price'));
  if (needsStopPrice(draft.type))
    put('stopPrice', priceProblem(draft.stopPrice, terms, 'stop price'));

  const resting = draft.timeInForce === 'GTC' || draft.timeInForce === 'GTD';
  if (draft.type === 'market' && resting)
    put('timeInForce', 'A market order cannot rest in the book: choose IOC or FOK.');

  if (draft.timeInForce === 'GTD') {
    const expiry = draft.expiresAt ? new Date(draft.expiresAt) : null;
    if (!expiry || Number.isNaN(expiry.getTime()))
      put('expiresAt', 'Enter when the order expires.');
    else if (expiry.getTime() <= now.getTime())
      put('expiresAt', 'The expiry must be in the future.');
  }

  if (draft.postOnly && (draft.type !== 'limit' || !resting))
    put('postOnly', 'Post-only applies to limit orders that may rest (GTC or GTD).');

  if (draft.displayQuantity.trim() !== '') {
    if (draft.type !== 'limit') put('displayQuantity', 'Only a limit order can be an iceberg.');
    else {
      put('displayQuantity', quantityProblem(draft.displayQuantity, terms, 'display quantity'));
      const shown = Number(draft.displayQuantity);
      const whole = Number(draft.quantity);
      if (!errors.displayQuantity && Number.isFinite(whole) && shown >= whole)
        put('displayQuantity', 'Show less than the whole quantity.');
    }
  }
  return errors;
}

/** The request for a draft that passed validation. */
export function orderFromTicket(
  draft: TicketDraft,
  instrumentId: string,
  clientOrderId: string,
): NewOrder {
  const order: NewOrder = {
    clientOrderId,
    instrumentId,
    side: draft.side,
    type: draft.type,
    quantity: Number(draft.quantity),
    timeInForce: draft.timeInForce,
  };
  if (needsPrice(draft.type)) order.price = Number(draft.price);
  if (needsStopPrice(draft.type)) order.stopPrice = Number(draft.stopPrice);
  if (draft.timeInForce === 'GTD') order.expiresAt = new Date(draft.expiresAt).toISOString();
  if (draft.postOnly) order.postOnly = true;
  if (draft.type === 'limit' && draft.displayQuantity.trim() !== '')
    order.displayQuantity = Number(draft.displayQuantity);
  return order;
}
