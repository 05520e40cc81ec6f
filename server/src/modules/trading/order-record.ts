import type { Instrument } from '../market-data/index.js';
import type { OrderStatus, OrderType, Side, TimeInForce } from './domain/index.js';
import { fromLots, fromTicks } from './instruments.js';
import type { OrdersRow, TradesRow } from './tables.js';

/**
 * An order as the service keeps it: the engine's integer ticks and lots plus
 * what the engine does not know (client order id, creation time, average price).
 * Open orders live in memory; every change is written in the batch that made it.
 */
export interface OrderRecord {
  id: string;
  clientOrderId: string;
  account: string;
  instrumentId: string;
  side: Side;
  type: OrderType;
  priceTicks: number | null;
  stopPriceTicks: number | null;
  quantityLots: number;
  displayLots: number | null;
  filledLots: number;
  /** Sum of price × quantity over the fills, in ticks × lots, for the average price. */
  filledNotional: number;
  timeInForce: TimeInForce;
  expiresAt: number | null;
  postOnly: boolean;
  status: OrderStatus;
  rejectReason: string | null;
  createdAt: number;
  updatedAt: number;
  /** What a retry of the client order id must repeat to be the same order (`orderTerms`). */
  submittedTerms: string | null;
}

export interface TradeRecord {
  id: string;
  instrumentId: string;
  priceTicks: number;
  quantityLots: number;
  aggressorSide: Side;
  buyOrderId: string;
  sellOrderId: string;
  buyer: string;
  seller: string;
  at: number;
}

export interface OrderView {
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

export interface TradeView {
  id: string;
  instrumentId: string;
  price: number;
  quantity: number;
  aggressorSide: Side;
  time: string;
  side?: Side;
  orderId?: string;
}

const OPEN: ReadonlySet<OrderStatus> = new Set(['new', 'accepted', 'partially_filled']);
export const isOpen = (status: OrderStatus): boolean => OPEN.has(status);
export const OPEN_STATUSES: OrderStatus[] = ['new', 'accepted', 'partially_filled'];

const price = (i: Instrument, ticks: number | null): number | null =>
  ticks === null ? null : Number(fromTicks(i, ticks));
const qty = (i: Instrument, lots: number): number => Number(fromLots(i, lots));

export function orderView(o: OrderRecord, i: Instrument): OrderView {
  const remaining = isOpen(o.status) ? o.quantityLots - o.filledLots : 0;
  return {
    id: o.id,
    clientOrderId: o.clientOrderId,
    instrumentId: o.instrumentId,
    account: o.account,
    side: o.side,
    type: o.type,
    price: price(i, o.priceTicks),
    stopPrice: price(i, o.stopPriceTicks),
    quantity: qty(i, o.quantityLots),
    displayQuantity: o.displayLots === null ? null : qty(i, o.displayLots),
    filledQuantity: qty(i, o.filledLots),
    remainingQuantity: qty(i, remaining),
    averagePrice:
      o.filledLots === 0 ? null : (o.filledNotional / o.filledLots) * Number(i.tickSize),
    timeInForce: o.timeInForce,
    expiresAt: o.expiresAt === null ? null : new Date(o.expiresAt).toISOString(),
    postOnly: o.postOnly,
    status: o.status,
    rejectReason: o.rejectReason,
    createdAt: new Date(o.createdAt).toISOString(),
    updatedAt: new Date(o.updatedAt).toISOString(),
  };
}

/** A trade as the caller sees it: with their side and order when they were a party. */
export function tradeView(t: TradeRecord, i: Instrument, caller?: string): TradeView {
  const view: TradeView = {
    id: t.id,
    instrumentId: t.instrumentId,
    price: Number(fromTicks(i, t.priceTicks)),
    quantity: qty(i, t.quantityLots),
    aggressorSide: t.aggressorSide,
    time: new Date(t.at).toISOString(),
  };
  // On a self-cross prevented trade the caller cannot be both; the aggressor side wins the tie.
  if (caller !== undefined && (caller === t.buyer || caller === t.seller)) {
    const side: Side =
      caller === t.buyer && caller === t.seller
        ? t.aggressorSide
        : caller === t.buyer
          ? 'buy'
          : 'sell';
    view.side = side;
    view.orderId = side === 'buy' ? t.buyOrderId : t.sellOrderId;
  }
  return view;
}

const iso = (ms: number): Date => new Date(ms);

export function orderRow(o: OrderRecord, i: Instrument): OrdersRow {
  return {
    id: o.id,
    client_order_id: o.clientOrderId,
    account: o.account,
    instrument_id: o.instrumentId,
    side: o.side,
    type: o.type,
    price: o.priceTicks === null ? null : fromTicks(i, o.priceTicks),
    stop_price: o.stopPriceTicks === null ? null : fromTicks(i, o.stopPriceTicks),
    quantity: fromLots(i, o.quantityLots),
    display_quantity: o.displayLots === null ? null : fromLots(i, o.displayLots),
    filled_quantity: fromLots(i, o.filledLots),
    filled_notional: String(o.filledNotional),
    time_in_force: o.timeInForce,
    expires_at: o.expiresAt === null ? null : iso(o.expiresAt),
    post_only: o.postOnly,
    status: o.status,
    reject_reason: o.rejectReason,
    created_at: iso(o.createdAt),
    updated_at: iso(o.updatedAt),
    submitted_terms: o.submittedTerms,
  };
}

const ticksOf = (i: Instrument, value: string): number =>
  Math.round(Number(value) / Number(i.tickSize));
const lotsOf = (i: Instrument, value: string): number =>
  Math.round(Number(value) / Number(i.lotSize));

export function orderFromRow(r: OrdersRow, i: Instrument): OrderRecord {
  return {
    id: r.id,
    clientOrderId: r.client_order_id,
    account: r.account,
    instrumentId: r.instrument_id,
    side: r.side,
    type: r.type,
    priceTicks: r.price === null ? null : ticksOf(i, r.price),
    stopPriceTicks: r.stop_price === null ? null : ticksOf(i, r.stop_price),
    quantityLots: lotsOf(i, r.quantity),
    displayLots: r.display_quantity === null ? null : lotsOf(i, r.display_quantity),
    filledLots: lotsOf(i, r.filled_quantity),
    filledNotional: Number(r.filled_notional),
    timeInForce: r.time_in_force,
    expiresAt: r.expires_at === null ? null : new Date(r.expires_at).getTime(),
    postOnly: r.post_only,
    status: r.status as OrderStatus,
    rejectReason: r.reject_reason,
    createdAt: new Date(r.created_at).getTime(),
    updatedAt: new Date(r.updated_at).getTime(),
    submittedTerms: r.submitted_terms,
  };
}

export function tradeRow(t: TradeRecord, i: Instrument, commandSeq: number): TradesRow {
  return {
    id: t.id,
    instrument_id: t.instrumentId,
    price: fromTicks(i, t.priceTicks),
    quantity: fromLots(i, t.quantityLots),
    aggressor_side: t.aggressorSide,
    buy_order_id: t.buyOrderId,
    sell_order_id: t.sellOrderId,
    buyer: t.buyer,
    seller: t.seller,
    command_seq: commandSeq,
    executed_at: iso(t.at),
  };
}

export function tradeFromRow(r: TradesRow, i: Instrument): TradeRecord {
  return {
    id: r.id,
    instrumentId: r.instrument_id,
    priceTicks: ticksOf(i, r.price),
    quantityLots: lotsOf(i, r.quantity),
    aggressorSide: r.aggressor_side,
    buyOrderId: r.buy_order_id,
    sellOrderId: r.sell_order_id,
    buyer: r.buyer,
    seller: r.seller,
    at: new Date(r.executed_at).getTime(),
  };
}
