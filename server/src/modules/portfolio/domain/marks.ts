/**
 * Which price a position is marked to. The desk's own last trade in the contract is the
 * best evidence of its value while it is recent; after that the forward curve the
 * market-data desk marked is; a stale trade is better than nothing only when there is no
 * curve, and the source says so.
 */
export type MarkSource = 'trade' | 'curve' | 'stale_trade';

export interface Mark {
  price: number;
  source: MarkSource;
}

/** The last trade of an instrument and the delivery period it traded for. */
export interface LastTrade {
  price: number;
  at: number;
  periodLabel: string;
}

/** A trade is recent for three days, so Friday's close still marks a position on Monday. */
export const RECENT_TRADE_MS = 3 * 24 * 3_600_000;

export function resolveMark(input: {
  periodLabel: string;
  asOf: number;
  lastTrade: LastTrade | undefined;
  curvePrice: number | null;
  recentMs?: number;
}): Mark | null {
  const recent = input.recentMs ?? RECENT_TRADE_MS;
  const trade =
    input.lastTrade &&
    input.lastTrade.periodLabel === input.periodLabel &&
    input.lastTrade.at <= input.asOf
      ? input.lastTrade
      : undefined;
  if (trade && input.asOf - trade.at <= recent) return { price: trade.price, source: 'trade' };
  if (input.curvePrice !== null && Number.isFinite(input.curvePrice))
    return { price: input.curvePrice, source: 'curve' };
  return trade ? { price: trade.price, source: 'stale_trade' } : null;
}
