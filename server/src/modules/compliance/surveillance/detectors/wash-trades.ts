import { alertId, ramp, uniqueSorted, weighted, type Alert, type Detector } from '../alerts.js';
import type { Fill, SurveillanceEvent } from '../events.js';

/**
 * Wash trades: trades that change nobody's position. Two patterns:
 * - `same_beneficial_owner`: the buyer and the seller have the same beneficial owner
 *   (one account, or two accounts of one firm or person);
 * - `offsetting_trades`: two owners trade an instrument back and forth so that, within
 *   `windowMs`, what one bought from the other it sold back at about the same price.
 * Fills of one pair (owner, or the two accounts) less than `windowMs` apart form one
 * episode and one alert.
 */
export interface WashTradeParams {
  /** How long trades of one pair stay in one episode, and how far back offsets are sought. */
  windowMs: number;
  /** Smaller over larger of the two directions' volumes, for trades to count as offsetting. */
  minOffsetRatio: number;
  /** Volume each way, in the instrument's quantity unit, below which offsets are noise. */
  minOffsetVolume: number;
  /** Gap between the average buy and sell price, as a fraction of price, that still looks like no risk taken. */
  maxPriceGap: number;
  /**
   * The pair's trades over each account's whole volume in the window: accounts that trade
   * mostly with each other. A market maker trading both ways with a client is a small
   * part of what either of them trades.
   */
  minPairShare: number;
  /** Alerts scoring below this are not raised. */
  alertScore: number;
}

export const WASH_TRADE_DEFAULTS: WashTradeParams = {
  windowMs: 15 * 60_000,
  minOffsetRatio: 0.8,
  minOffsetVolume: 20,
  maxPriceGap: 0.004,
  minPairShare: 0.8,
  alertScore: 0.5,
};

interface Episode {
  pattern: 'same_beneficial_owner' | 'offsetting_trades';
  instrumentId: string;
  accounts: Set<string>;
  fills: Fill[];
  last: number;
  facts: Record<string, number>;
  score: number;
}

/** Directed volume and notional between two accounts in one instrument. */
interface PairFlow {
  fills: Fill[];
}

export function washTradeDetector(overrides: Partial<WashTradeParams> = {}): Detector {
  const p = { ...WASH_TRADE_DEFAULTS, ...overrides };
  const episodes = new Map<string, Episode>();
  const flows = new Map<string, PairFlow>();
  const volumes = new Map<string, { at: number; quantity: number }[]>();

  function volumeOf(account: string, instrumentId: string, fill: Fill): number {
    const key = `${account}|${instrumentId}`;
    const list = volumes.get(key) ?? [];
    volumes.set(key, list);
    list.push({ at: fill.at, quantity: fill.quantity });
    while (list.length > 0 && fill.at - list[0]!.at > p.windowMs) list.shift();
    return list.reduce((s, v) => s + v.quantity, 0);
  }

  function close(key: string, e: Episode): Alert | null {
    episodes.delete(key);
    if (e.score < p.alertScore) return null;
    const evidence = e.fills.map((f) => f.id);
    return {
      id: alertId('wash_trade', e.pattern, [evidence[0]!]),
      detector: 'wash_trade',
      pattern: e.pattern,
      accounts: uniqueSorted(e.accounts),
      instrumentIds: [e.instrumentId],
      from: e.fills[0]!.at,
      to: e.last,
      evidence,
      score: e.score,
      facts: { ...e.facts, fills: e.fills.length },
    };
  }

  function sweep(now: number): Alert[] {
    const out: Alert[] = [];
    for (const [key, e] of episodes) {
      if (now - e.last <= p.windowMs) continue;
      const alert = close(key, e);
      if (alert) out.push(alert);
    }
    return out;
  }

  function join(key: string, fill: Fill, make: () => Omit<Episode, 'fills' | 'last'>): void {
    const open = episodes.get(key);
    if (open) {
      if (!open.fills.includes(fill)) open.fills.push(fill);
      open.last = fill.at;
      const fresh = make();
      open.score = Math.max(open.score, fresh.score);
      open.facts = fresh.facts;
      for (const a of fresh.accounts) open.accounts.add(a);
      return;
    }
    episodes.set(key, { ...make(), fills: [fill], last: fill.at });
  }

  function sameOwner(fill: Fill): void {
    const owner = fill.buyer.beneficialOwner;
    const oneAccount = fill.buyer.account === fill.seller.account;
    join(`owner|${fill.instrumentId}|${owner}`, fill, () => ({
      pattern: 'same_beneficial_owner',
      instrumentId: fill.instrumentId,
      accounts: new Set([fill.buyer.account, fill.seller.account]),
      // A trade with oneself has no other explanation; two accounts of one owner
      // are sometimes a desk moving risk between books, so slightly less certain.
      score: oneAccount ? 1 : 0.9,
      facts: { sameAccount: oneAccount ? 1 : 0 },
    }));
  }

  function offsetting(fill: Fill): void {
    const [a, b] = [fill.buyer.account, fill.seller.account].sort() as [string, string];
    const volumeA = volumeOf(a, fill.instrumentId, fill);
    const volumeB = volumeOf(b, fill.instrumentId, fill);
    const key = `pair|${fill.instrumentId}|${a}|${b}`;
    const flow = flows.get(key) ?? { fills: [] };
    flows.set(key, flow);
    flow.fills.push(fill);
    while (flow.fills.length > 0 && fill.at - flow.fills[0]!.at > p.windowMs) flow.fills.shift();

    let aBought = 0;
    let aSold = 0;
    let buyNotional = 0;
    let sellNotional = 0;
    for (const f of flow.fills) {
      if (f.buyer.account === a) {
        aBought += f.quantity;
        buyNotional += f.quantity * f.price;
      } else {
        aSold += f.quantity;
        sellNotional += f.quantity * f.price;
      }
    }
    const smaller = Math.min(aBought, aSold);
    if (smaller < p.minOffsetVolume) return;
    const ratio = smaller / Math.max(aBought, aSold);
    if (ratio < p.minOffsetRatio) return;
    const buyPrice = buyNotional / aBought;
    const sellPrice = sellNotional / aSold;
    const gap = Math.abs(buyPrice - sellPrice) / ((buyPrice + sellPrice) / 2);
    if (gap > p.maxPriceGap) return;
    const pairShare = (aBought + aSold) / Math.max(volumeA, volumeB);
    if (pairShare < p.minPairShare) return;
    const score = weighted([
      [0.35, ramp(ratio, p.minOffsetRatio - 0.2, 1)],
      [0.2, 1 - ramp(gap, 0, p.maxPriceGap * 1.5)],
      [0.15, ramp(smaller, 0, p.minOffsetVolume * 3)],
      [0.3, ramp(pairShare, p.minPairShare * 0.5, 1)],
    ]);
    const fills = [...flow.fills];
    join(key, fill, () => ({
      pattern: 'offsetting_trades',
      instrumentId: fill.instrumentId,
      accounts: new Set([a, b]),
      score,
      facts: { offsetRatio: ratio, priceGap: gap, volumeEachWay: smaller, pairShare },
    }));
    // The earlier fills of the round trip are evidence too.
    const e = episodes.get(key)!;
    for (const f of fills) if (!e.fills.includes(f)) e.fills.push(f);
    e.fills.sort((x, y) => x.at - y.at);
  }

  return {
    name: 'wash_trade',
    observe(event: SurveillanceEvent): Alert[] {
      const out = sweep(event.at);
      if (event.kind !== 'fill') return out;
      if (event.buyer.beneficialOwner === event.seller.beneficialOwner) sameOwner(event);
      else offsetting(event);
      return out;
    },
    finish(): Alert[] {
      return sweep(Number.POSITIVE_INFINITY);
    },
  };
}
