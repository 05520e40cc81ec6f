import type { OrderRequest, RejectReason, TimeInForce } from './types.js';

/** What the checks need to know about the book they guard. */
export interface CheckContext {
  gateClosureAt: number;
  halted: boolean;
  killSwitch: boolean;
  referencePrice: number | null;
  bandTicks: number | null;
  lastTradePrice: number | null;
}

const isLots = (q: unknown): q is number => Number.isSafeInteger(q) && (q as number) > 0;
const isTicks = (p: unknown): p is number => Number.isSafeInteger(p);

export const defaultTimeInForce = (request: OrderRequest): TimeInForce =>
  request.timeInForce ?? (request.type === 'market' || request.type === 'stop' ? 'IOC' : 'GTC');

/** Whether trading is open at `at`: the switches first, then the gate. */
export function checkTradingOpen(ctx: CheckContext, at: number): RejectReason | null {
  if (ctx.killSwitch) return 'kill_switch';
  if (ctx.halted) return 'halted';
  if (at >= ctx.gateClosureAt) return 'gate_closed';
  return null;
}

export function checkPriceBand(ctx: CheckContext, price: number): RejectReason | null {
  if (ctx.referencePrice === null || ctx.bandTicks === null) return null;
  const distance = price - ctx.referencePrice;
  return distance > ctx.bandTicks || distance < -ctx.bandTicks ? 'price_band' : null;
}

/**
 * Static checks of a new order, in the order a desk would explain a refusal:
 * is the market open, is the order well formed, is its price acceptable.
 * Checks that need the book's contents (post-only, FOK) live in the book.
 */
export function checkSubmission(request: OrderRequest, ctx: CheckContext): RejectReason | null {
  const open = checkTradingOpen(ctx, request.at);
  if (open !== null) return open;
  if (!isLots(request.quantity)) return 'lot_size';

  const { type } = request;
  const hasLimit = type === 'limit' || type === 'stop_limit';
  const hasStop = type === 'stop' || type === 'stop_limit';
  if (hasLimit && !isTicks(request.price)) return 'tick_size';
  if (hasStop && !isTicks(request.stopPrice)) return 'tick_size';

  const tif = defaultTimeInForce(request);
  const resting = tif === 'GTC' || tif === 'GTD';
  const marketable = type === 'market' || type === 'stop';
  // A market order has no price to rest at; post-only and iceberg only make sense resting.
  if (marketable && resting) return 'invalid_combination';
  if (request.postOnly === true && (type !== 'limit' || !resting)) return 'invalid_combination';
  if (request.peak !== undefined) {
    if (!hasLimit || !resting) return 'invalid_combination';
    if (!isLots(request.peak) || request.peak >= request.quantity) return 'invalid_peak';
  }
  if (tif === 'GTD') {
    const expireAt = request.expireAt;
    if (!Number.isSafeInteger(expireAt) || (expireAt as number) <= request.at)
      return 'invalid_expiry';
  }

  if (hasLimit) {
    const band = checkPriceBand(ctx, request.price as number);
    if (band !== null) return band;
  }
  if (hasStop && ctx.lastTradePrice !== null) {
    // A stop already through the market would fire at once; the trader almost surely erred.
    const stop = request.stopPrice as number;
    if (request.side === 'buy' ? stop <= ctx.lastTradePrice : stop >= ctx.lastTradePrice) {
      return 'stop_wrong_side';
    }
  }
  return null;
}
