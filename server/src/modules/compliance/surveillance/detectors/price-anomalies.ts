import { alertId, ramp, type Alert, type Detector } from '../alerts.js';
import type { MarketPrice, SurveillanceEvent } from '../events.js';

/**
 * Finds the prints of `prices` from index `window` on that lie far from the `window`
 * prints before them, with a robust score (forecasting's `findPriceSpikes` has this shape).
 */
export type SpikeFinder = (
  prices: ArrayLike<number>,
  window: number,
  threshold: number,
) => readonly { index: number; score: number }[];

/**
 * Price anomalies on incoming market data: off-market prints. A print the spike finder
 * flags against the feed's recent history is held until the next `confirmPrints` prints
 * arrive: if they are back at the old level it was an isolated bad print (alert); if
 * more than `maxBurst` far prints come in a row the market moved (news, a jump), which
 * is no data anomaly.
 * Flagged prints stay out of the history so that one bad print does not hide the next.
 */
export interface PriceAnomalyParams {
  /** Prints of history each new print is judged against. */
  window: number;
  /** Robust score beyond which a print is a candidate. */
  threshold: number;
  /** Prints after a candidate that decide whether it was isolated. */
  confirmPrints: number;
  /** Consecutive off-market prints still treated as one bad burst. */
  maxBurst: number;
  /**
   * The prints after a burst are back when each is within this fraction of the burst's
   * distance from the history's median; otherwise the market moved and the burst was the
   * start of a new level.
   */
  backWithin: number;
  alertScore: number;
}

export const PRICE_ANOMALY_DEFAULTS: PriceAnomalyParams = {
  window: 30,
  threshold: 12,
  confirmPrints: 2,
  maxBurst: 2,
  backWithin: 0.3,
  alertScore: 0.5,
};

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const m = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[m]! : (sorted[m - 1]! + sorted[m]!) / 2;
}

interface Feed {
  history: number[];
  suspects: { event: MarketPrice; score: number }[];
  after: MarketPrice[];
}

export function priceAnomalyDetector(
  findSpikes: SpikeFinder,
  overrides: Partial<PriceAnomalyParams> = {},
): Detector {
  const p = { ...PRICE_ANOMALY_DEFAULTS, ...overrides };
  const feeds = new Map<string, Feed>();

  function scoreOf(feed: Feed, price: number): number | null {
    const hit = findSpikes([...feed.history, price], p.window, p.threshold).find(
      (s) => s.index === p.window,
    );
    return hit ? hit.score : null;
  }

  function remember(feed: Feed, price: number): void {
    feed.history.push(price);
    if (feed.history.length > p.window) feed.history.shift();
  }

  /** Alerts if the prints after the suspects are back at the old level; else takes the new level in. */
  function isolated(feed: Feed): Alert | null {
    const { suspects, after } = feed;
    feed.suspects = [];
    feed.after = [];
    const level = median(feed.history);
    const burst = Math.min(...suspects.map((s) => Math.abs(s.event.price - level)));
    const back = after.every((e) => Math.abs(e.price - level) <= p.backWithin * burst);
    if (!back) for (const s of suspects) remember(feed, s.event.price);
    for (const e of after) remember(feed, e.price);
    if (!back) return null;
    const strongest = Math.max(...suspects.map((s) => Math.abs(s.score)));
    const score =
      Math.round((0.5 + 0.5 * ramp(strongest, p.threshold, p.threshold * 4)) * 1e6) / 1e6;
    if (score < p.alertScore) return null;
    const first = suspects[0]!.event;
    return {
      id: alertId('price_anomaly', 'off_market_print', [first.id]),
      detector: 'price_anomaly',
      pattern: 'off_market_print',
      accounts: [],
      instrumentIds: [first.instrumentId],
      from: first.at,
      to: suspects[suspects.length - 1]!.event.at,
      evidence: suspects.map((s) => s.event.id),
      score,
      facts: { robustScore: strongest, prints: suspects.length, price: first.price },
    };
  }

  function onPrice(event: MarketPrice): Alert[] {
    const key = `${event.instrumentId}|${event.source}`;
    const feed = feeds.get(key) ?? { history: [], suspects: [], after: [] };
    feeds.set(key, feed);
    if (feed.history.length < p.window) {
      remember(feed, event.price);
      return [];
    }
    const score = scoreOf(feed, event.price);
    if (feed.suspects.length === 0) {
      if (score === null) remember(feed, event.price);
      else feed.suspects.push({ event, score });
      return [];
    }
    if (score === null) {
      feed.after.push(event);
      if (feed.after.length < p.confirmPrints) return [];
      const alert = isolated(feed);
      return alert ? [alert] : [];
    }
    if (feed.after.length === 0) {
      if (feed.suspects.length < p.maxBurst) {
        feed.suspects.push({ event, score });
        return [];
      }
      // More far prints in a row than a bad burst has: the market moved there.
      for (const s of feed.suspects) remember(feed, s.event.price);
      remember(feed, event.price);
      feed.suspects = [];
      return [];
    }
    // The feed came back, then went off again: the first burst was isolated.
    const alert = isolated(feed);
    feed.suspects = [{ event, score }];
    return alert ? [alert] : [];
  }

  return {
    name: 'price_anomaly',
    observe(event: SurveillanceEvent): Alert[] {
      return event.kind === 'market_price' ? onPrice(event) : [];
    },
    finish(): Alert[] {
      // A candidate with no prints after it is undecided; it stays unreported.
      return [];
    },
  };
}
