/**
 * The vocabulary of the continuous order book. Prices are integers of ticks
 * and quantities integers of lots, so matching never rounds; the service
 * converts to EUR/MWh and MW at the edge using the instrument's tick and lot.
 */

export type Side = 'buy' | 'sell';

/** A stop becomes a market order when triggered; a stop-limit becomes a limit order. */
export type OrderType = 'limit' | 'market' | 'stop' | 'stop_limit';

export type TimeInForce = 'GTC' | 'GTD' | 'IOC' | 'FOK';

/** What happens when an order would trade against another order of the same account. */
export type SelfTradeMode = 'cancel_resting' | 'cancel_incoming' | 'cancel_both';

export type RejectReason =
  | 'tick_size'
  | 'lot_size'
  | 'invalid_peak'
  | 'invalid_combination'
  | 'invalid_expiry'
  | 'stop_wrong_side'
  | 'price_band'
  | 'gate_closed'
  | 'halted'
  | 'kill_switch'
  | 'post_only_would_cross'
  | 'fok_unfillable'
  | 'duplicate_order_id'
  | 'unknown_order'
  | 'not_modifiable'
  | 'no_change';

export type CancelReason = 'requested' | 'unfilled_remainder' | 'self_trade' | 'fok_unfillable';

export type ExpiryReason = 'gtd' | 'gate_closure';

export interface OrderRequest {
  orderId: string;
  account: string;
  side: Side;
  type: OrderType;
  /** Lots; for an iceberg the whole quantity, of which `peak` is shown. */
  quantity: number;
  /** Limit price in ticks, for limit and stop-limit orders. */
  price?: number;
  /** Trigger price in ticks, for stop and stop-limit orders. */
  stopPrice?: number;
  /** Defaults to GTC for limit orders and IOC for market orders. */
  timeInForce?: TimeInForce;
  /** Epoch milliseconds; required for GTD. */
  expireAt?: number;
  postOnly?: boolean;
  /** Displayed quantity of an iceberg order. */
  peak?: number;
  /** Defaults to the book's mode. */
  selfTrade?: SelfTradeMode;
  /** Epoch milliseconds at which the order reached the engine. */
  at: number;
}

export interface BookConfig {
  instrumentId: string;
  /** Orders arriving at or after this instant are refused; resting ones expire. */
  gateClosureAt: number;
  /** Limit prices further than `bandTicks` from the reference price are refused. */
  priceBand?: { referencePrice: number; bandTicks: number };
  defaultSelfTrade?: SelfTradeMode;
}
