/** Shapes of the server's trading API, as the trading contract describes them. */

export type Side = 'buy' | 'sell';
export type OrderType = 'limit' | 'market' | 'stop' | 'stop_limit';
export type TimeInForce = 'GTC' | 'GTD' | 'IOC' | 'FOK';
export type OrderStatus =
  'new' | 'accepted' | 'partially_filled' | 'filled' | 'cancelled' | 'expired' | 'rejected';

export interface TradingInstrument {
  instrumentId: string;
  name: string;
  /** The server may send contract terms as numbers or decimal strings. */
  tickSize: number | string;
  lotSize: number | string;
  unit: string;
  currency: string;
  gateClosure: string | null;
  halted: boolean;
}

export interface Order {
  id: string;
  clientOrderId: string;
  instrumentId: string;
  account: string;
  side: Side;
  type: OrderType;
  price: number | null;
  stopPrice: number | null;
  quantity: number;
  displayQuantity: number | null;
  filledQuantity: number;
  remainingQuantity: number;
  averagePrice: number | null;
  timeInForce: TimeInForce;
  expiresAt: string | null;
  postOnly: boolean;
  status: OrderStatus;
  rejectReason: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface Trade {
  id: string;
  instrumentId: string;
  price: number;
  quantity: number;
  aggressorSide: Side;
  time: string;
  /** The caller's side, when the caller was a party. */
  side?: Side;
  orderId?: string;
}

export interface BookLevel {
  price: number;
  quantity: number;
  orders: number;
}

export interface OrderBook {
  instrumentId: string;
  bids: BookLevel[];
  asks: BookLevel[];
  lastTradePrice: number | null;
  halted: boolean;
}

export interface NewOrder {
  clientOrderId: string;
  instrumentId: string;
  side: Side;
  type: OrderType;
  price?: number;
  stopPrice?: number;
  quantity: number;
  timeInForce: TimeInForce;
  expiresAt?: string;
  postOnly?: boolean;
  displayQuantity?: number;
}

export interface PlacedOrder {
  order: Order;
  trades: Trade[];
}

export interface OrderChange {
  id: string;
  price?: number;
  quantity?: number;
}

export type OrderScope = 'open' | 'final' | 'all';

export interface Auction {
  id: string;
  area: string;
  deliveryDay: string;
  status: 'open' | 'cleared';
  gateClosure: string;
}

export type CurveSide = 'bid' | 'offer';

export interface CurveStep {
  price: number;
  quantity: number;
}

export interface CurveSubmission {
  auctionId: string;
  hour: number;
  side: CurveSide;
  steps: CurveStep[];
}

export interface HourResult {
  hour: number;
  cleared: boolean;
  price: number | null;
  volume: number;
  reason: string | null;
}

export interface MyHourResult {
  hour: number;
  side: CurveSide;
  submitted: number;
  accepted: number;
}

export interface AuctionResults {
  status: 'open' | 'cleared';
  hours: HourResult[];
  mine: MyHourResult[];
}

/** A book's switches: halted by hand, and halted by the desk-wide kill switch. */
export interface BookControl {
  instrumentId: string;
  halted: boolean;
  killSwitch: boolean;
}

export interface DeskControls {
  killSwitch: boolean;
  books: BookControl[];
}
