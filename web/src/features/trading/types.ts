import type { ApiRequest, ApiResponse } from '../../app/api-contract';

// Payloads of the trading API, read off the server's OpenAPI document.

export type TradingInstrument = ApiResponse<'/api/v1/trading/instruments', 'get'>['items'][number];

export type Order = ApiResponse<'/api/v1/orders', 'get'>['items'][number];

export type Side = Order['side'];
export type OrderType = Order['type'];
export type TimeInForce = Order['timeInForce'];
export type OrderStatus = Order['status'];

export type Trade = ApiResponse<'/api/v1/trades', 'get'>['items'][number];

export type OrderBook = ApiResponse<'/api/v1/orderbook/{instrumentId}', 'get'>;

export type BookLevel = OrderBook['bids'][number];

export type NewOrder = ApiRequest<'/api/v1/orders', 'post'>;

/** What order entry answers: the order as it stands and the trades it made. */
export type PlacedOrder = ApiResponse<'/api/v1/orders', 'post', 201>;

export type OrderChange = { id: string } & ApiRequest<'/api/v1/orders/{id}', 'patch'>;

export type OrderScope = 'open' | 'final' | 'all';

export type Auction = ApiResponse<'/api/v1/auctions', 'get'>['items'][number];

export type CurveSubmission = { auctionId: string } & ApiRequest<
  '/api/v1/auctions/{id}/curves',
  'post'
>;

export type CurveSide = CurveSubmission['side'];

export type CurveStep = CurveSubmission['steps'][number];

export type AuctionResults = ApiResponse<'/api/v1/auctions/{id}/results', 'get'>;

export type HourResult = AuctionResults['hours'][number];

export type MyHourResult = AuctionResults['mine'][number];

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
