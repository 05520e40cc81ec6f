/** The trading domain's public surface: the continuous book, its commands and events, and the day-ahead auction. */
export { OrderBook, type OrderChange } from './order-book.js';
export { applyCommand, replayBook, type BookCommand } from './commands.js';
export { snapshotBook, type BookSnapshot, type RestingOrderView } from './book-snapshot.js';
export type { BookImage } from './book-image.js';
export { TradingDesk } from './desk.js';
export {
  EventRecorder,
  type BookEvent,
  type BookEventListener,
  type TradeEvent,
} from './events.js';
export { canTransition, isTerminal, transition, type OrderStatus } from './lifecycle.js';
export type { DepthLevel } from './book-side.js';
export type {
  BookConfig,
  CancelReason,
  ExpiryReason,
  OrderRequest,
  OrderType,
  RejectReason,
  SelfTradeMode,
  Side,
  TimeInForce,
} from './types.js';
export {
  clearDayAhead,
  clearHour,
  type HourResult,
  type NoClearingReason,
  type ParticipantAllocation,
} from './auction/clearing.js';
export type { AuctionCurve, CurveStep } from './auction/step-curve.js';
