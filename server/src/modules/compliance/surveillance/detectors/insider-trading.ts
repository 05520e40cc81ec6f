import { alertId, ramp, weighted, type Alert, type Detector } from '../alerts.js';
import type { Fill, InsideInformation, SurveillanceEvent } from '../events.js';

/**
 * Insider trading: an account that built a position in an affected product before the
 * inside information was published, in the direction the price then moved, and out of
 * proportion to how it usually trades. Accounts on the insider list score higher; others
 * are still caught when the pattern is strong (tipped-off traders are not on the list).
 * Judged once `horizonMs` has passed after publication, so the move is known.
 */
export interface InsiderTradingParams {
  /** Trading in this span before publication (and after registration) is examined. */
  lookbackMs: number;
  /** The account's usual trading is measured over this span before the lookback. */
  baselineMs: number;
  /** The price move is measured this long after publication. */
  horizonMs: number;
  /** Move, as a fraction of the price at publication, for the information to have mattered. */
  minMove: number;
  /** Net position built before publication, in quantity units. */
  minNet: number;
  /** Net position over the account's usual volume in a span as long as the lookback. */
  minNetToUsual: number;
  /**
   * Net over gross trading before publication: a position built one way. An account that
   * traded a lot both ways and was left with some net happened to be positioned.
   */
  minDirectionality: number;
  /** An insider-list account needs only this fraction of the thresholds above. */
  insiderRelief: number;
  alertScore: number;
}

export const INSIDER_TRADING_DEFAULTS: InsiderTradingParams = {
  lookbackMs: 60 * 60_000,
  baselineMs: 3 * 60 * 60_000,
  horizonMs: 30 * 60_000,
  minMove: 0.01,
  minNet: 25,
  minNetToUsual: 8,
  minDirectionality: 0.6,
  insiderRelief: 0.85,
  alertScore: 0.5,
};

interface Pending {
  info: InsideInformation;
  priceAtPublication: Map<string, number>;
}

interface Position {
  net: number;
  gross: number;
  usual: number;
  evidence: string[];
}

export function insiderTradingDetector(overrides: Partial<InsiderTradingParams> = {}): Detector {
  const p = { ...INSIDER_TRADING_DEFAULTS, ...overrides };
  const fills = new Map<string, Fill[]>();
  const lastPrice = new Map<string, number>();
  const pending: Pending[] = [];
  let firstSeen = Number.POSITIVE_INFINITY;
  const keepMs = p.lookbackMs + p.baselineMs + p.horizonMs + 60 * 60_000;

  function positionsBefore(info: InsideInformation, instrumentId: string): Map<string, Position> {
    const from = Math.max(info.registeredAt, info.publishedAt - p.lookbackMs);
    // The usual rate is measured over the history there is, up to `baselineMs` of it.
    const baselineFrom = Math.max(from - p.baselineMs, firstSeen);
    const scale = from > baselineFrom ? (info.publishedAt - from) / (from - baselineFrom) : 0;
    const out = new Map<string, Position>();
    const of = (account: string) => {
      const pos = out.get(account) ?? { net: 0, gross: 0, usual: 0, evidence: [] };
      out.set(account, pos);
      return pos;
    };
    for (const f of fills.get(instrumentId) ?? []) {
      if (f.at >= info.publishedAt || f.at < baselineFrom) continue;
      for (const [party, sign] of [
        [f.buyer, 1],
        [f.seller, -1],
      ] as const) {
        const pos = of(party.account);
        if (f.at < from) {
          pos.usual += f.quantity * scale;
        } else {
          pos.net += sign * f.quantity;
          pos.gross += f.quantity;
          pos.evidence.push(f.id);
        }
      }
    }
    return out;
  }

  function judge(item: Pending): Alert[] {
    const { info } = item;
    const out: Alert[] = [];
    for (const instrumentId of [...info.instrumentIds].sort()) {
      const before = item.priceAtPublication.get(instrumentId);
      const after = lastPrice.get(instrumentId);
      if (before === undefined || after === undefined) continue;
      const move = (after - before) / before;
      if (Math.abs(move) < p.minMove) continue;
      const positions = positionsBefore(info, instrumentId);
      for (const [account, pos] of [...positions].sort(([a], [b]) => (a < b ? -1 : 1))) {
        if (pos.gross === 0 || Math.sign(pos.net) !== Math.sign(move)) continue;
        const listed = info.insiders.includes(account);
        const relief = listed ? p.insiderRelief : 1;
        const net = Math.abs(pos.net);
        const toUsual = net / Math.max(pos.usual, 1);
        if (net < p.minNet * relief || toUsual < p.minNetToUsual * relief) continue;
        if (net / pos.gross < p.minDirectionality) continue;
        const score = weighted([
          [0.3, ramp(toUsual, p.minNetToUsual * relief * 0.5, p.minNetToUsual * 2)],
          [0.2, ramp(net, p.minNet * relief * 0.5, p.minNet * 3)],
          [0.2, ramp(Math.abs(move), p.minMove * 0.5, p.minMove * 3)],
          [0.1, net / pos.gross],
          [0.2, listed ? 1 : 0],
        ]);
        if (score < p.alertScore) continue;
        out.push({
          id: alertId('insider_trading', listed ? 'listed_insider' : 'unlisted', [
            info.id,
            instrumentId,
            account,
          ]),
          detector: 'insider_trading',
          pattern: listed ? 'listed_insider' : 'unlisted',
          accounts: [account],
          instrumentIds: [instrumentId],
          from: Math.max(info.registeredAt, info.publishedAt - p.lookbackMs),
          to: info.publishedAt,
          evidence: [...pos.evidence, info.id],
          score,
          facts: {
            netBefore: pos.net,
            usualVolume: pos.usual,
            netToUsual: toUsual,
            priceMove: move,
            listed: listed ? 1 : 0,
          },
        });
      }
    }
    return out;
  }

  /** Moves stream time to `now`: fixes publication prices and judges what is due. */
  function advance(now: number): Alert[] {
    const out: Alert[] = [];
    for (let i = 0; i < pending.length;) {
      const item = pending[i]!;
      if (now >= item.info.publishedAt)
        for (const id of item.info.instrumentIds)
          if (!item.priceAtPublication.has(id)) {
            const price = lastPrice.get(id);
            if (price !== undefined) item.priceAtPublication.set(id, price);
          }
      if (now >= item.info.publishedAt + p.horizonMs) {
        pending.splice(i, 1);
        out.push(...judge(item));
      } else i++;
    }
    return out;
  }

  return {
    name: 'insider_trading',
    observe(event: SurveillanceEvent): Alert[] {
      if (firstSeen === Number.POSITIVE_INFINITY) firstSeen = event.at;
      // Publication prices are the last ones before this event.
      const out = advance(event.at);
      if (event.kind === 'inside_information') {
        pending.push({ info: event, priceAtPublication: new Map() });
        out.push(...advance(event.at));
      } else if (event.kind === 'fill') {
        const list = fills.get(event.instrumentId) ?? [];
        fills.set(event.instrumentId, list);
        list.push(event);
        while (list.length > 0 && event.at - list[0]!.at > keepMs) list.shift();
        lastPrice.set(event.instrumentId, event.price);
      }
      return out;
    },
    finish(): Alert[] {
      return advance(Number.POSITIVE_INFINITY);
    },
  };
}
