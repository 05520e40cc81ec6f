import { alertId, ramp, uniqueSorted, weighted, type Alert, type Detector } from '../alerts.js';
import { opposite, type Side, type SurveillanceEvent } from '../events.js';

/**
 * Spoofing and layering: large orders on one side that were never meant to trade. The
 * account rests a large order (or several at different prices: layering) on one side,
 * gets a fill on the other side, then withdraws the large orders within seconds. The
 * order-to-trade ratio of the account in the instrument raises the score.
 *
 * A market maker that cancels a quote after a fill and puts a new one on the same side
 * at once is re-quoting, not spoofing: an episode is dropped when the account places an
 * order of comparable size on the cancelled side within `requoteMs`.
 */
export interface SpoofingParams {
  /** An order is large at this multiple of the instrument's typical order size. */
  largeMultiple: number;
  /** ... and at least this size, whatever is typical. */
  minLargeQuantity: number;
  /** Weight of each new order in the typical size (an exponential average). */
  typicalSizeWeight: number;
  /** A cancellation this soon after a fill on the other side is suspicious. */
  cancelWithinMs: number;
  /** Large orders resting longer than this before cancellation were plausibly genuine. */
  maxLifetimeMs: number;
  /** Cancelled volume over the volume filled on the other side, for an episode to count. */
  minSpoofToFill: number;
  /** A new order on the cancelled side within this time is a re-quote. */
  requoteMs: number;
  /** Only orders this close to the last trade price (a fraction of it) can sway the book. */
  nearTouch: number;
  /**
   * Count only fills in which the account's other-side order rested (was not the
   * aggressor; unknown aggressors count): the large orders are there to draw the other
   * side onto it. A trader who takes liquidity needs nobody drawn in.
   */
  passiveFillOnly: boolean;
  /** The order-to-trade ratio is counted over this trailing window. */
  ratioWindowMs: number;
  alertScore: number;
}

export const SPOOFING_DEFAULTS: SpoofingParams = {
  largeMultiple: 3,
  minLargeQuantity: 25,
  typicalSizeWeight: 0.05,
  cancelWithinMs: 30_000,
  maxLifetimeMs: 2 * 60_000,
  minSpoofToFill: 3,
  requoteMs: 2_000,
  nearTouch: 0.002,
  passiveFillOnly: true,
  ratioWindowMs: 30 * 60_000,
  alertScore: 0.5,
};

interface RestingOrder {
  account: string;
  instrumentId: string;
  side: Side;
  price: number | null;
  remaining: number;
  placedAt: number;
  large: boolean;
  evidence: string[];
}

interface AccountFill {
  id: string;
  side: Side;
  quantity: number;
  at: number;
  passive: boolean;
}

interface Episode {
  account: string;
  instrumentId: string;
  side: Side;
  cancelled: { quantity: number; price: number | null; delay: number; evidence: string[] }[];
  fills: Map<string, AccountFill>;
  first: number;
  lastCancelAt: number;
}

export function spoofingDetector(overrides: Partial<SpoofingParams> = {}): Detector {
  const p = { ...SPOOFING_DEFAULTS, ...overrides };
  const typical = new Map<string, number>();
  const orders = new Map<string, RestingOrder>();
  const recentFills = new Map<string, AccountFill[]>();
  const placedTimes = new Map<string, number[]>();
  const fillTimes = new Map<string, number[]>();
  const episodes = new Map<string, Episode>();
  const lastPrice = new Map<string, number>();

  const keyOf = (account: string, instrumentId: string) => `${account}|${instrumentId}`;

  function countIn(times: Map<string, number[]>, key: string, at: number, add: boolean): number {
    const list = times.get(key) ?? [];
    times.set(key, list);
    if (add) list.push(at);
    while (list.length > 0 && at - list[0]! > p.ratioWindowMs) list.shift();
    return list.length;
  }

  function settle(key: string, e: Episode): Alert | null {
    episodes.delete(key);
    const spoofVolume = e.cancelled.reduce((s, c) => s + c.quantity, 0);
    const filled = [...e.fills.values()].reduce((s, f) => s + f.quantity, 0);
    const ratio = spoofVolume / filled;
    if (ratio < p.minSpoofToFill) return null;
    const layers = new Set(e.cancelled.map((c) => c.price)).size;
    const meanDelay = e.cancelled.reduce((s, c) => s + c.delay, 0) / e.cancelled.length;
    const ak = keyOf(e.account, e.instrumentId);
    const placed = countIn(placedTimes, ak, e.lastCancelAt, false);
    const traded = Math.max(1, countIn(fillTimes, ak, e.lastCancelAt, false));
    const orderToTrade = placed / traded;
    const score = weighted([
      [0.35, ramp(ratio, p.minSpoofToFill * 0.5, p.minSpoofToFill * 2)],
      [0.25, 1 - ramp(meanDelay, p.cancelWithinMs * 0.25, p.cancelWithinMs)],
      [0.15, ramp(layers, 1, 3)],
      [0.25, ramp(orderToTrade, 1.5, 4)],
    ]);
    if (score < p.alertScore) return null;
    const fillIds = [...e.fills.keys()];
    const evidence = [...fillIds, ...e.cancelled.flatMap((c) => c.evidence)];
    const pattern = layers >= 2 ? 'layering' : 'spoofing';
    return {
      id: alertId('spoofing', pattern, [e.cancelled[0]!.evidence[0]!]),
      detector: 'spoofing',
      pattern,
      accounts: [e.account],
      instrumentIds: [e.instrumentId],
      from: e.first,
      to: e.lastCancelAt,
      evidence: uniqueSorted(evidence),
      score,
      facts: {
        spoofVolume,
        filledOtherSide: filled,
        spoofToFill: ratio,
        layers,
        meanDelay,
        orderToTrade,
      },
    };
  }

  function sweep(now: number): Alert[] {
    const out: Alert[] = [];
    for (const [key, e] of episodes) {
      if (now - e.lastCancelAt <= Math.max(p.requoteMs, p.cancelWithinMs)) continue;
      const alert = settle(key, e);
      if (alert) out.push(alert);
    }
    return out;
  }

  function onCancel(orderId: string, eventId: string, at: number): void {
    const order = orders.get(orderId);
    if (!order) return;
    orders.delete(orderId);
    if (!order.large || at - order.placedAt > p.maxLifetimeMs) return;
    const theirs = recentFills.get(keyOf(order.account, order.instrumentId)) ?? [];
    const trigger = theirs.filter(
      (f) =>
        f.side === opposite(order.side) &&
        (f.passive || !p.passiveFillOnly) &&
        f.at >= order.placedAt &&
        at - f.at <= p.cancelWithinMs,
    );
    if (trigger.length === 0) return;
    const key = `${order.account}|${order.instrumentId}|${order.side}`;
    const e: Episode = episodes.get(key) ?? {
      account: order.account,
      instrumentId: order.instrumentId,
      side: order.side,
      cancelled: [],
      fills: new Map(),
      first: order.placedAt,
      lastCancelAt: at,
    };
    episodes.set(key, e);
    e.first = Math.min(e.first, order.placedAt);
    e.lastCancelAt = at;
    for (const f of trigger) e.fills.set(f.id, f);
    e.cancelled.push({
      quantity: order.remaining,
      price: order.price,
      delay: at - trigger[trigger.length - 1]!.at,
      evidence: [...order.evidence, eventId],
    });
  }

  function onPlaced(event: Extract<SurveillanceEvent, { kind: 'order_placed' }>): void {
    const size = typical.get(event.instrumentId) ?? event.quantity;
    typical.set(event.instrumentId, size + p.typicalSizeWeight * (event.quantity - size));
    countIn(placedTimes, keyOf(event.account, event.instrumentId), event.at, true);
    // A replacement on the side just cancelled: a re-quote, not a withdrawal.
    const pending = episodes.get(`${event.account}|${event.instrumentId}|${event.side}`);
    if (pending && event.at - pending.lastCancelAt <= p.requoteMs)
      episodes.delete(`${event.account}|${event.instrumentId}|${event.side}`);
    if (event.price === null) return;
    const touch = lastPrice.get(event.instrumentId);
    const near = touch !== undefined && Math.abs(event.price - touch) <= p.nearTouch * touch;
    orders.set(event.orderId, {
      account: event.account,
      instrumentId: event.instrumentId,
      side: event.side,
      price: event.price,
      remaining: event.quantity,
      placedAt: event.at,
      large: near && event.quantity >= Math.max(p.minLargeQuantity, p.largeMultiple * size),
      evidence: [event.id],
    });
  }

  function onFill(event: Extract<SurveillanceEvent, { kind: 'fill' }>): void {
    lastPrice.set(event.instrumentId, event.price);
    for (const side of ['buy', 'sell'] as const) {
      const party = side === 'buy' ? event.buyer : event.seller;
      const key = keyOf(party.account, event.instrumentId);
      const list = recentFills.get(key) ?? [];
      recentFills.set(key, list);
      list.push({
        id: event.id,
        side,
        quantity: event.quantity,
        at: event.at,
        passive: event.aggressor !== side,
      });
      while (list.length > 0 && event.at - list[0]!.at > p.maxLifetimeMs) list.shift();
      countIn(fillTimes, key, event.at, true);
      const order = party.orderId === null ? undefined : orders.get(party.orderId);
      if (order) {
        order.remaining -= event.quantity;
        if (order.remaining <= 0) orders.delete(party.orderId!);
      }
    }
  }

  return {
    name: 'spoofing',
    observe(event: SurveillanceEvent): Alert[] {
      const out = sweep(event.at);
      switch (event.kind) {
        case 'order_placed':
          onPlaced(event);
          break;
        case 'order_modified': {
          const order = orders.get(event.orderId);
          if (order) {
            order.price = event.price;
            order.remaining = event.remaining;
            order.evidence.push(event.id);
          }
          break;
        }
        case 'order_cancelled':
          onCancel(event.orderId, event.id, event.at);
          break;
        case 'fill':
          onFill(event);
          break;
        case 'settlement_window':
        case 'inside_information':
        case 'market_price':
          break;
      }
      return out;
    },
    finish(): Alert[] {
      return sweep(Number.POSITIVE_INFINITY);
    },
  };
}
