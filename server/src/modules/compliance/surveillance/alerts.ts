import type { SurveillanceEvent } from './events.js';

export type DetectorName =
  | 'wash_trade'
  | 'spoofing'
  | 'marking_the_close'
  | 'momentum_ignition'
  | 'insider_trading'
  | 'price_anomaly';

export const DETECTORS: readonly DetectorName[] = [
  'wash_trade',
  'spoofing',
  'marking_the_close',
  'momentum_ignition',
  'insider_trading',
  'price_anomaly',
];

/** One suspicion, with what a compliance officer needs to open a case. */
export interface Alert {
  /** Stable across replays: the detector, the pattern and its first piece of evidence. */
  id: string;
  detector: DetectorName;
  /** A variant of the pattern, e.g. `same_beneficial_owner` or `layering`. */
  pattern: string;
  accounts: string[];
  instrumentIds: string[];
  from: number;
  to: number;
  /** Ids of the events that make the case, in log order. */
  evidence: string[];
  /** How strong the suspicion is, in [0, 1]. */
  score: number;
  /** The figures behind the score, named, so the case view can show why. */
  facts: Record<string, number>;
}

/**
 * A detector is an incremental fold over the log: `observe` takes the next event and
 * returns the alerts that event completes; `finish` returns those still pending at the
 * end of a range. The same events in the same order always give the same alerts.
 */
export interface Detector {
  readonly name: DetectorName;
  observe(event: SurveillanceEvent): Alert[];
  finish(): Alert[];
}

/** 0 at or below `low`, 1 at or above `high`, linear between. */
export function ramp(x: number, low: number, high: number): number {
  if (!(x > low)) return 0;
  if (x >= high) return 1;
  return (x - low) / (high - low);
}

/** A weighted mean of parts in [0, 1], rounded so that scores compare exactly on replay. */
export function weighted(parts: readonly (readonly [weight: number, value: number])[]): number {
  let sum = 0;
  let weights = 0;
  for (const [w, v] of parts) {
    sum += w * v;
    weights += w;
  }
  return Math.round((sum / weights) * 1e6) / 1e6;
}

/** Stable across replays: the detector, the pattern and what identifies the episode. */
export function alertId(detector: DetectorName, pattern: string, keys: readonly string[]): string {
  return [detector, pattern, ...keys].join(':');
}

export const uniqueSorted = (values: Iterable<string>): string[] => [...new Set(values)].sort();
