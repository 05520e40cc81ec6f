import { isMultipleOf } from './increments';
import type { ContractTerms } from './ticket';
import type { Order, OrderChange } from './types';

export interface AmendmentErrors {
  price?: string;
  quantity?: string;
}

/**
 * Checks an inline change to a working order and returns only what changed,
 * since the server treats a price change or a larger quantity as a new
 * place in the queue and a smaller one as keeping it.
 */
export function amendmentOf(
  order: Pick<Order, 'id' | 'price' | 'quantity' | 'filledQuantity'>,
  priceText: string,
  quantityText: string,
  terms: ContractTerms,
): { change: OrderChange | null; errors: AmendmentErrors } {
  const errors: AmendmentErrors = {};
  const change: OrderChange = { id: order.id };
  if (order.price !== null) {
    const price = Number(priceText);
    if (priceText.trim() === '' || !Number.isFinite(price)) errors.price = 'Enter a price.';
    else if (!isMultipleOf(price, terms.tickSize)) errors.price = `Tick is ${terms.tickSize}.`;
    else if (price !== order.price) change.price = price;
  }
  const quantity = Number(quantityText);
  if (quantityText.trim() === '' || !Number.isFinite(quantity))
    errors.quantity = 'Enter a quantity.';
  else if (quantity <= order.filledQuantity)
    errors.quantity = `Must stay above the ${order.filledQuantity} filled.`;
  else if (!isMultipleOf(quantity, terms.lotSize)) errors.quantity = `Lot is ${terms.lotSize}.`;
  else if (quantity !== order.quantity) change.quantity = quantity;

  const changed = change.price !== undefined || change.quantity !== undefined;
  return { change: Object.keys(errors).length === 0 && changed ? change : null, errors };
}
