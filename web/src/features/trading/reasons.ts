/**
 * The engine's and the pre-trade checks' reason codes in a trader's words.
 * Unknown codes are still shown, made readable, because every denial must
 * reach the person who placed the order.
 */
const reasonWords: Record<string, string> = {
  tick_size: 'The price is not a whole number of ticks for this instrument.',
  lot_size: 'The quantity is not a whole number of lots for this instrument.',
  invalid_peak:
    'The iceberg display quantity must be positive and smaller than the order quantity.',
  invalid_combination:
    'This combination of order type, time in force and post-only is not allowed.',
  invalid_expiry: 'The expiry time must be in the future for a good-till-date order.',
  stop_wrong_side: 'The stop price is on the wrong side of the market: it would trigger at once.',
  price_band: 'The price is outside the allowed band around the reference price.',
  gate_closed: 'The gate for this delivery period has closed.',
  gate_closure: 'The gate for this delivery period closed, so the order expired.',
  halted: 'Trading in this instrument is halted.',
  kill_switch: 'The desk-wide kill switch is on: no orders are accepted.',
  post_only_would_cross: 'A post-only order would have crossed the book and taken liquidity.',
  fok_unfillable: 'A fill-or-kill order could not be filled in full at once.',
  duplicate_order_id: 'An order with this client order id already exists.',
  unknown_order: 'The order is not known to the book.',
  not_modifiable: 'This order can no longer be modified.',
  no_change: 'The change leaves the order as it was.',
  limit_breached: 'A position or credit limit would be breached.',
  position_limit: 'The position limit for this account would be breached.',
  credit_limit: 'The credit limit for this account would be breached.',
  self_trade: 'The order would have traded against your own order.',
  unfilled_remainder: 'The part that could not be filled at once was cancelled.',
  requested: 'Cancelled on request.',
  gtd: 'The order reached its expiry time.',
  order_not_open: 'The order is no longer open.',
};

export function reasonText(code: string | null | undefined): string {
  if (!code) return 'The order was rejected.';
  const known = reasonWords[code];
  if (known) return known;
  const words = code.replace(/[_-]+/g, ' ').trim();
  return words ? `${words.charAt(0).toUpperCase()}${words.slice(1)}.` : 'The order was rejected.';
}
