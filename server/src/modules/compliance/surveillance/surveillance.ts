import type { Alert, Detector } from './alerts.js';
import { insiderTradingDetector, type InsiderTradingParams } from './detectors/insider-trading.js';
import {
  markingTheCloseDetector,
  type MarkingTheCloseParams,
} from './detectors/marking-the-close.js';
import {
  momentumIgnitionDetector,
  type MomentumIgnitionParams,
} from './detectors/momentum-ignition.js';
import {
  priceAnomalyDetector,
  type PriceAnomalyParams,
  type SpikeFinder,
} from './detectors/price-anomalies.js';
import { spoofingDetector, type SpoofingParams } from './detectors/spoofing.js';
import { washTradeDetector, type WashTradeParams } from './detectors/wash-trades.js';
import type { SurveillanceEvent } from './events.js';

/** Parameters of every detector; each left out takes its documented default. */
export interface SurveillanceParams {
  washTrade?: Partial<WashTradeParams>;
  spoofing?: Partial<SpoofingParams>;
  markingTheClose?: Partial<MarkingTheCloseParams>;
  momentumIgnition?: Partial<MomentumIgnitionParams>;
  insiderTrading?: Partial<InsiderTradingParams>;
  priceAnomaly?: Partial<PriceAnomalyParams>;
}

export interface SurveillanceDeps {
  /** The price-spike screen of incoming market data (forecasting's `findPriceSpikes`). */
  findSpikes: SpikeFinder;
}

/** Every detector, fresh, in a fixed order (alerts of one event come out in this order). */
export function allDetectors(deps: SurveillanceDeps, params: SurveillanceParams = {}): Detector[] {
  return [
    washTradeDetector(params.washTrade),
    spoofingDetector(params.spoofing),
    markingTheCloseDetector(params.markingTheClose),
    momentumIgnitionDetector(params.momentumIgnition),
    insiderTradingDetector(params.insiderTrading),
    priceAnomalyDetector(deps.findSpikes, params.priceAnomaly),
  ];
}

/**
 * Live surveillance: feed each event of the log as it commits; `observe` returns the
 * alerts it completes. `finish` ends a range (a batch) and returns what was pending.
 */
export interface SurveillanceRun {
  observe(event: SurveillanceEvent): Alert[];
  finish(): Alert[];
}

export function startSurveillance(
  deps: SurveillanceDeps,
  params: SurveillanceParams = {},
  detectors: Detector[] = allDetectors(deps, params),
): SurveillanceRun {
  let last = Number.NEGATIVE_INFINITY;
  return {
    observe(event) {
      // Detectors keep time by the log; an event from the past would make replays differ.
      if (event.at < last)
        throw new RangeError(`event ${event.id} is older than the one before it`);
      last = event.at;
      const out: Alert[] = [];
      for (const d of detectors) out.push(...d.observe(event));
      return out;
    },
    finish() {
      const out: Alert[] = [];
      for (const d of detectors) out.push(...d.finish());
      return out;
    },
  };
}

/** A batch over a historical range: the same fold as live, then the range's end. */
export function surveilRange(
  events: Iterable<SurveillanceEvent>,
  deps: SurveillanceDeps,
  params: SurveillanceParams = {},
  onProgress?: (done: number) => void,
): Alert[] {
  const run = startSurveillance(deps, params);
  const out: Alert[] = [];
  let done = 0;
  for (const event of events) {
    out.push(...run.observe(event));
    done += 1;
    if (onProgress && done % 10_000 === 0) onProgress(done);
  }
  out.push(...run.finish());
  return out;
}
