import { alertId, ramp, weighted, type Alert, type Detector } from '../alerts.js';
import type { Fill, SettlementWindow, SurveillanceEvent } from '../events.js';

/**
 * Marking the close: an account whose trading is concentrated in the settlement window,
 * is a large share of the window's volume, and pushes the settlement price away from
 * where the market traded before the window, in the direction it traded. Judged when the
 * window's event arrives (at its close).
 */
export interface MarkingTheCloseParams {
  /** The market's price before the window is the average of fills in this span before it opens. */
  referenceMs: number;
  /** An account's own trading is compared with what it did over this span before the window. */
  concentrationMs: number;
  /** Move of the settlement price from the reference, as a fraction, that matters. */
  minMove: number;
  /** The account's share of the window's volume. */
  minShare: number;
  /** The account's window volume over its volume in `concentrationMs` plus the window. */
  minConcentration: number;
  /** Net buying (or selling) over the account's window volume: trading one way. */
  minDirectionality: number;
  /**
   * Share of the account's window volume it traded as aggressor (fills with no aggressor
   * count as aggressive): a hedge resting at the market's price does not push it.
   */
  minAggressive: number;
  alertScore: number;
}

export const MARKING_THE_CLOSE_DEFAULTS: MarkingTheCloseParams = {
  referenceMs: 30 * 60_000,
  concentrationMs: 60 * 60_000,
  minMove: 0.0015,
  minShare: 0.2,
  minConcentration: 0.5,
  minDirectionality: 0.6,
  minAggressive: 0.6,
  alertScore: 0.5,
};

interface AccountTally {
  windowBought: number;
  windowSold: number;
  aggressive: number;
  before: number;
  evidence: string[];
}

export function markingTheCloseDetector(overrides: Partial<MarkingTheCloseParams> = {}): Detector {
  const p = { ...MARKING_THE_CLOSE_DEFAULTS, ...overrides };
  const fills = new Map<string, Fill[]>();
  const keepMs = Math.max(p.referenceMs, p.concentrationMs) + 6 * 60 * 60_000;

  function judge(w: SettlementWindow): Alert[] {
    const history = fills.get(w.instrumentId) ?? [];
    let refQty = 0;
    let refNotional = 0;
    let winQty = 0;
    let winNotional = 0;
    const tallies = new Map<string, AccountTally>();
    const tally = (account: string) => {
      const t = tallies.get(account) ?? {
        windowBought: 0,
        windowSold: 0,
        aggressive: 0,
        before: 0,
        evidence: [],
      };
      tallies.set(account, t);
      return t;
    };
    for (const f of history) {
      if (f.at >= w.opensAt && f.at <= w.closesAt) {
        winQty += f.quantity;
        winNotional += f.quantity * f.price;
        const b = tally(f.buyer.account);
        b.windowBought += f.quantity;
        if (f.aggressor !== 'sell') b.aggressive += f.quantity;
        b.evidence.push(f.id);
        const s = tally(f.seller.account);
        s.windowSold += f.quantity;
        if (f.aggressor !== 'buy') s.aggressive += f.quantity;
        s.evidence.push(f.id);
      } else if (f.at < w.opensAt && f.at >= w.opensAt - p.concentrationMs) {
        tally(f.buyer.account).before += f.quantity;
        tally(f.seller.account).before += f.quantity;
        if (f.at >= w.opensAt - p.referenceMs) {
          refQty += f.quantity;
          refNotional += f.quantity * f.price;
        }
      }
    }
    if (winQty === 0 || refQty === 0) return [];
    const reference = refNotional / refQty;
    const settlement = w.settlementPrice ?? winNotional / winQty;
    const move = (settlement - reference) / reference;
    if (Math.abs(move) < p.minMove) return [];

    const out: Alert[] = [];
    for (const [account, t] of [...tallies].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const volume = t.windowBought + t.windowSold;
      if (volume === 0) continue;
      const net = t.windowBought - t.windowSold;
      // Only trading that pushed the price the way it moved marks the close.
      if (Math.sign(net) !== Math.sign(move)) continue;
      const share = volume / winQty;
      const concentration = volume / (volume + t.before);
      const directionality = Math.abs(net) / volume;
      if (share < p.minShare || concentration < p.minConcentration) continue;
      if (directionality < p.minDirectionality) continue;
      const aggressive = t.aggressive / volume;
      if (aggressive < p.minAggressive) continue;
      const score = weighted([
        [0.3, ramp(share, p.minShare * 0.5, Math.min(1, p.minShare * 2.5))],
        [0.3, ramp(Math.abs(move), p.minMove * 0.5, p.minMove * 3)],
        [0.2, ramp(concentration, p.minConcentration * 0.5, 1)],
        [0.2, ramp(directionality, p.minDirectionality * 0.5, 1)],
      ]);
      if (score < p.alertScore) continue;
      out.push({
        id: alertId('marking_the_close', 'settlement_push', [w.id, account]),
        detector: 'marking_the_close',
        pattern: 'settlement_push',
        accounts: [account],
        instrumentIds: [w.instrumentId],
        from: w.opensAt,
        to: w.closesAt,
        evidence: [...t.evidence, w.id],
        score,
        facts: {
          referencePrice: reference,
          settlementPrice: settlement,
          move,
          share,
          concentration,
          directionality,
          aggressive,
        },
      });
    }
    return out;
  }

  return {
    name: 'marking_the_close',
    observe(event: SurveillanceEvent): Alert[] {
      if (event.kind === 'fill') {
        const list = fills.get(event.instrumentId) ?? [];
        fills.set(event.instrumentId, list);
        list.push(event);
        while (list.length > 0 && event.at - list[0]!.at > keepMs) list.shift();
        return [];
      }
      if (event.kind === 'settlement_window') return judge(event);
      return [];
    },
    finish: () => [],
  };
}
