import { allocateWithPriority } from './pro-rata.js';
import {
  demandAt,
  supplyAt,
  tranchesOf,
  validateCurves,
  type AuctionCurve,
  type Tranche,
} from './step-curve.js';

export interface ParticipantAllocation {
  participant: string;
  side: 'buy' | 'sell';
  requested: number;
  accepted: number;
}

export type NoClearingReason = 'no_bids' | 'no_offers' | 'curves_do_not_cross';

export type HourResult =
  | {
      deliveryHour: number;
      cleared: true;
      /** Uniform price in ticks paid by every accepted buyer and to every accepted seller. */
      price: number;
      volume: number;
      /** All prices at which the same, largest volume would trade; `price` is its midpoint. */
      priceInterval: { low: number; high: number };
      allocations: ParticipantAllocation[];
    }
  | {
      deliveryHour: number;
      cleared: false;
      reason: NoClearingReason;
      highestBid: number | null;
      lowestOffer: number | null;
    };

/**
 * Clears one delivery hour at a uniform price.
 *
 * Volume rule: the clearing volume is the largest quantity that trades at a
 * single price, max over p of min(demand(p), supply(p)). Both aggregate
 * curves are step functions that only change at submitted prices, so it is
 * enough to look at those.
 *
 * Tie rule: when a whole interval of prices [low, high] trades that volume
 * (the curves meet on a vertical or horizontal segment), the price is the
 * midpoint of the interval, rounded down to a whole tick.
 *
 * No clearing: with no bids, no offers, or a highest bid below the lowest
 * offer nothing trades, and the result says why.
 *
 * Rationing: the side that is long at the clearing price is cut back with
 * price priority and pro rata at the margin (see `allocateWithPriority`).
 */
export function clearHour(deliveryHour: number, tranches: readonly Tranche[]): HourResult {
  const buys = tranches.filter((t) => t.side === 'buy');
  const sells = tranches.filter((t) => t.side === 'sell');
  const highestBid = buys.length === 0 ? null : Math.max(...buys.map((t) => t.price));
  const lowestOffer = sells.length === 0 ? null : Math.min(...sells.map((t) => t.price));
  if (highestBid === null)
    return { deliveryHour, cleared: false, reason: 'no_bids', highestBid, lowestOffer };
  if (lowestOffer === null)
    return { deliveryHour, cleared: false, reason: 'no_offers', highestBid, lowestOffer };
  if (highestBid < lowestOffer) {
    return { deliveryHour, cleared: false, reason: 'curves_do_not_cross', highestBid, lowestOffer };
  }

  const candidates = [...new Set(tranches.map((t) => t.price))].sort((a, b) => a - b);
  let volume = 0;
  let low = 0;
  let high = 0;
  for (const price of candidates) {
    const traded = Math.min(demandAt(buys, price), supplyAt(sells, price));
    if (traded > volume) {
      volume = traded;
      low = price;
      high = price;
    } else if (traded === volume) {
      high = price;
    }
  }
  const price = Math.floor((low + high) / 2);

  const buyLots = allocateWithPriority(
    buys.filter((t) => t.price >= price),
    volume,
    (a, b) => a > b,
  );
  const sellLots = allocateWithPriority(
    sells.filter((t) => t.price <= price),
    volume,
    (a, b) => a < b,
  );
  return {
    deliveryHour,
    cleared: true,
    price,
    volume,
    priceInterval: { low, high },
    allocations: byParticipant(tranches, buyLots, sellLots),
  };
}

/** Clears every delivery hour that has curves, in hour order. */
export function clearDayAhead(curves: readonly AuctionCurve[]): HourResult[] {
  validateCurves(curves);
  const hours = [...new Set(curves.map((c) => c.deliveryHour))].sort((a, b) => a - b);
  return hours.map((hour) =>
    clearHour(hour, tranchesOf(curves.filter((c) => c.deliveryHour === hour))),
  );
}

function byParticipant(
  tranches: readonly Tranche[],
  buyLots: Map<number, number>,
  sellLots: Map<number, number>,
): ParticipantAllocation[] {
  const totals = new Map<string, ParticipantAllocation>();
  for (const t of tranches) {
    const key = `${t.side}:${t.participant}`;
    const row = totals.get(key) ?? {
      participant: t.participant,
      side: t.side,
      requested: 0,
      accepted: 0,
    };
    row.requested += t.quantity;
    row.accepted += (t.side === 'buy' ? buyLots : sellLots).get(t.index) ?? 0;
    totals.set(key, row);
  }
  return [...totals.values()].sort(
    (a, b) =>
      (a.side === b.side ? 0 : a.side === 'buy' ? -1 : 1) ||
      (a.participant < b.participant ? -1 : a.participant > b.participant ? 1 : 0),
  );
}
