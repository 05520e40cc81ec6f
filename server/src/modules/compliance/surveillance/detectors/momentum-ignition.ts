import { alertId, ramp, uniqueSorted, weighted, type Alert, type Detector } from '../alerts.js';
import { opposite, type Side, type SurveillanceEvent } from '../events.js';

/**
 * Momentum ignition: a burst of aggressive trades on one side that moves the price, then
 * the same account trading the other way into the move it started. A burst that is kept
 * (an order being worked) is not ignition; the reversal is what makes it one.
 */
export interface MomentumIgnitionParams {
  /** Aggressive fills of one account and side within this span make a burst. */
  burstMs: number;
  minBurstFills: number;
  minBurstVolume: number;
  /** The burst's share of all volume traded in the instrument over the burst. */
  minBurstShare: number;
  /** Price move over the burst, as a fraction, in the burst's direction. */
  minMove: number;
  /** The reversal must come within this time after the burst's last fill... */
  reversalMs: number;
  /** ...and undo at least this fraction of the burst's volume. */
  minReversal: number;
  alertScore: number;
}

export const MOMENTUM_IGNITION_DEFAULTS: MomentumIgnitionParams = {
  burstMs: 60_000,
  minBurstFills: 4,
  minBurstVolume: 30,
  minBurstShare: 0.5,
  minMove: 0.004,
  reversalMs: 5 * 60_000,
  minReversal: 0.6,
  alertScore: 0.5,
};

interface Trade {
  id: string;
  at: number;
  side: Side;
  quantity: number;
  price: number;
  aggressive: boolean;
  /** The instrument's last price before this fill. */
  priceBefore: number;
}

interface Burst {
  side: Side;
  trades: Trade[];
  volume: number;
  startPrice: number;
  endPrice: number;
  endAt: number;
  share: number;
  reversal: Trade[];
  reversed: number;
}

export function momentumIgnitionDetector(
  overrides: Partial<MomentumIgnitionParams> = {},
): Detector {
  const p = { ...MOMENTUM_IGNITION_DEFAULTS, ...overrides };
  const lastPrice = new Map<string, number>();
  const market = new Map<string, { at: number; quantity: number }[]>();
  const recent = new Map<string, Trade[]>();
  const bursts = new Map<string, Burst>();

  function marketVolume(instrumentId: string, from: number): number {
    let v = 0;
    for (const m of market.get(instrumentId) ?? []) if (m.at >= from) v += m.quantity;
    return v;
  }

  function findBurst(key: string, instrumentId: string, trade: Trade): Burst | null {
    const mine = (recent.get(key) ?? []).filter(
      (t) => t.aggressive && t.side === trade.side && trade.at - t.at <= p.burstMs,
    );
    if (mine.length < p.minBurstFills) return null;
    const volume = mine.reduce((s, t) => s + t.quantity, 0);
    if (volume < p.minBurstVolume) return null;
    const share = volume / marketVolume(instrumentId, mine[0]!.at);
    if (share < p.minBurstShare) return null;
    const startPrice = mine[0]!.priceBefore;
    const endPrice = trade.price;
    const move = ((endPrice - startPrice) / startPrice) * (trade.side === 'buy' ? 1 : -1);
    if (move < p.minMove) return null;
    return {
      side: trade.side,
      trades: mine,
      volume,
      startPrice,
      endPrice,
      endAt: trade.at,
      share,
      reversal: [],
      reversed: 0,
    };
  }

  function onTrade(key: string, instrumentId: string, account: string, trade: Trade): Alert | null {
    const list = recent.get(key) ?? [];
    recent.set(key, list);
    list.push(trade);
    while (list.length > 0 && trade.at - list[0]!.at > p.burstMs) list.shift();

    const burst = bursts.get(key);
    if (burst && trade.at - burst.endAt > p.reversalMs) bursts.delete(key);
    const open = bursts.get(key);
    if (open && trade.side === open.side && trade.aggressive) {
      // The burst goes on: judge it afresh with this fill in.
      const longer = findBurst(key, instrumentId, trade);
      if (longer && longer.trades[0]!.at <= open.endAt) {
        const merged = [...new Set([...open.trades, ...longer.trades])];
        open.trades = merged;
        open.volume = merged.reduce((s, t) => s + t.quantity, 0);
        open.endPrice = trade.price;
        open.endAt = trade.at;
      }
      return null;
    }
    if (open && trade.side === opposite(open.side)) {
      open.reversal.push(trade);
      open.reversed += trade.quantity;
      if (open.reversed < p.minReversal * open.volume) return null;
      bursts.delete(key);
      return alertOf(account, instrumentId, open);
    }
    if (!open && trade.aggressive) {
      const found = findBurst(key, instrumentId, trade);
      if (found) bursts.set(key, found);
    }
    return null;
  }

  function alertOf(account: string, instrumentId: string, b: Burst): Alert | null {
    const dir = b.side === 'buy' ? 1 : -1;
    const move = ((b.endPrice - b.startPrice) / b.startPrice) * dir;
    const exitNotional = b.reversal.reduce((s, t) => s + t.quantity * t.price, 0);
    const exitPrice = exitNotional / b.reversed;
    // How much of the move the account kept by exiting: the point of igniting it.
    const captured = ((exitPrice - b.startPrice) / b.startPrice) * dir;
    const lastReversal = b.reversal[b.reversal.length - 1]!;
    const score = weighted([
      [0.3, ramp(move, p.minMove * 0.5, p.minMove * 3)],
      [0.25, ramp(b.reversed / b.volume, p.minReversal * 0.5, 1)],
      [0.25, ramp(b.share, p.minBurstShare * 0.5, 1)],
      [0.2, ramp(captured, 0, move)],
    ]);
    if (score < p.alertScore) return null;
    return {
      id: alertId('momentum_ignition', 'burst_and_reverse', [b.trades[0]!.id, account]),
      detector: 'momentum_ignition',
      pattern: 'burst_and_reverse',
      accounts: [account],
      instrumentIds: [instrumentId],
      from: b.trades[0]!.at,
      to: lastReversal.at,
      evidence: uniqueSorted([...b.trades, ...b.reversal].map((t) => t.id)),
      score,
      facts: {
        burstVolume: b.volume,
        burstFills: b.trades.length,
        move,
        share: b.share,
        reversed: b.reversed,
        captured,
      },
    };
  }

  return {
    name: 'momentum_ignition',
    observe(event: SurveillanceEvent): Alert[] {
      if (event.kind !== 'fill') return [];
      const priceBefore = lastPrice.get(event.instrumentId) ?? event.price;
      lastPrice.set(event.instrumentId, event.price);
      const m = market.get(event.instrumentId) ?? [];
      market.set(event.instrumentId, m);
      m.push({ at: event.at, quantity: event.quantity });
      while (m.length > 0 && event.at - m[0]!.at > p.burstMs) m.shift();

      const out: Alert[] = [];
      for (const side of ['buy', 'sell'] as const) {
        const party = side === 'buy' ? event.buyer : event.seller;
        const trade: Trade = {
          id: event.id,
          at: event.at,
          side,
          quantity: event.quantity,
          price: event.price,
          aggressive: event.aggressor === null || event.aggressor === side,
          priceBefore,
        };
        const alert = onTrade(
          `${party.account}|${event.instrumentId}`,
          event.instrumentId,
          party.account,
          trade,
        );
        if (alert) out.push(alert);
      }
      return out;
    },
    finish: () => [],
  };
}
