import { api } from '../../app/api';
import type {
  Auction,
  AuctionResults,
  CurveSubmission,
  BookControl,
  DeskControls,
  NewOrder,
  Order,
  OrderBook,
  OrderChange,
  OrderScope,
  PlacedOrder,
  Trade,
  TradingInstrument,
} from './types';

export interface OrderQuery {
  status: OrderScope;
  instrumentId?: string;
  limit?: number;
}

export interface TradeQuery {
  instrumentId?: string;
  mine: boolean;
  limit?: number;
}

/** Positions follow fills, so anything that may fill also refreshes them. */
const afterOrderEntry = ['Order', 'Trade', 'OrderBook', 'Position'] as const;

export const tradingApi = api
  .enhanceEndpoints({
    addTagTypes: ['Order', 'Trade', 'OrderBook', 'Position', 'Auction', 'MarketControl'],
  })
  .injectEndpoints({
    endpoints: (build) => ({
      tradingInstruments: build.query<{ items: TradingInstrument[] }, void>({
        query: () => 'trading/instruments',
        providesTags: ['MarketControl'],
      }),
      marketControls: build.query<DeskControls, void>({
        query: () => 'trading/controls',
        providesTags: ['MarketControl'],
      }),
      haltBook: build.mutation<BookControl, { instrumentId: string; halt: boolean }>({
        query: ({ instrumentId, halt }) => ({
          url: `trading/books/${encodeURIComponent(instrumentId)}/${halt ? 'halt' : 'resume'}`,
          method: 'POST',
        }),
        invalidatesTags: ['MarketControl', 'OrderBook'],
      }),
      setKillSwitch: build.mutation<DeskControls, boolean>({
        query: (engaged) => ({ url: 'trading/kill-switch', method: 'PUT', body: { engaged } }),
        invalidatesTags: ['MarketControl', 'OrderBook'],
      }),
      orders: build.query<{ items: Order[]; total: number }, OrderQuery>({
        query: ({ status, instrumentId, limit }) => ({
          url: 'orders',
          params: { status, limit: limit ?? 50, ...(instrumentId ? { instrumentId } : {}) },
        }),
        providesTags: ['Order'],
      }),
      // A rejected order is stored too, so the blotters refresh on failure as well.
      placeOrder: build.mutation<PlacedOrder, NewOrder>({
        query: (body) => ({ url: 'orders', method: 'POST', body }),
        invalidatesTags: () => [...afterOrderEntry],
      }),
      modifyOrder: build.mutation<Order, OrderChange>({
        query: ({ id, ...body }) => ({
          url: `orders/${encodeURIComponent(id)}`,
          method: 'PATCH',
          body,
        }),
        invalidatesTags: () => [...afterOrderEntry],
      }),
      cancelOrder: build.mutation<Order, string>({
        query: (id) => ({ url: `orders/${encodeURIComponent(id)}`, method: 'DELETE' }),
        invalidatesTags: () => ['Order', 'OrderBook'],
      }),
      orderBook: build.query<OrderBook, { instrumentId: string; depth: number }>({
        query: ({ instrumentId, depth }) => ({
          url: `orderbook/${encodeURIComponent(instrumentId)}`,
          params: { depth },
        }),
        providesTags: ['OrderBook'],
      }),
      trades: build.query<{ items: Trade[] }, TradeQuery>({
        query: ({ instrumentId, mine, limit }) => ({
          url: 'trades',
          params: { mine, limit: limit ?? 50, ...(instrumentId ? { instrumentId } : {}) },
        }),
        providesTags: ['Trade'],
      }),
      auctions: build.query<{ items: Auction[] }, void>({
        query: () => 'auctions',
        providesTags: ['Auction'],
      }),
      submitCurve: build.mutation<unknown, CurveSubmission>({
        query: ({ auctionId, ...body }) => ({
          url: `auctions/${encodeURIComponent(auctionId)}/curves`,
          method: 'POST',
          body,
        }),
        invalidatesTags: ['Auction'],
      }),
      auctionResults: build.query<AuctionResults, string>({
        query: (auctionId) => `auctions/${encodeURIComponent(auctionId)}/results`,
        providesTags: ['Auction'],
      }),
    }),
  });

export const {
  useTradingInstrumentsQuery,
  useMarketControlsQuery,
  useHaltBookMutation,
  useSetKillSwitchMutation,
  useOrdersQuery,
  usePlaceOrderMutation,
  useModifyOrderMutation,
  useCancelOrderMutation,
  useOrderBookQuery,
  useTradesQuery,
  useAuctionsQuery,
  useSubmitCurveMutation,
  useAuctionResultsQuery,
} = tradingApi;
