import type { Alert, DetectorName } from '../alerts.js';
import { DETECTORS } from '../alerts.js';
import type { SurveillanceEvent } from '../events.js';
import {
  closeHedger,
  listedInsiderAsUsual,
  makersLayingOff,
  workedOrder,
} from './hard-negatives.js';
import { honestTrading, TRADERS } from './honest-trading.js';
import { MINUTE, SCENARIO_INSTRUMENTS, SyntheticMarket } from './market.js';
import {
  badPrints,
  insideInformation,
  insiderTrading,
  markingTheClose,
  momentumIgnition,
  spoofing,
  washTrades,
  type Label,
} from './patterns.js';
import { SeededRandom } from './seeded-random.js';

export type { Label } from './patterns.js';

/** Two and a half hours of two instruments, ending at their settlement window. */
const DURATION = 150 * MINUTE;

export interface Scenario {
  name: string;
  /** The abuse planted, or null for an honest market. */
  abuse: DetectorName | null;
  events: SurveillanceEvent[];
  labels: Label[];
}

/**
 * One scenario: honest trading on every instrument, a price-moving inside-information
 * event, a random handful of honest look-alikes, and (unless `abuse` is null) one
 * planted abuse. Same seed and abuse, same events.
 */
export function buildScenario(seed: number, abuse: DetectorName | null): Scenario {
  const rng = new SeededRandom(seed);
  const start = Date.UTC(2026, 0, 5, 8) + rng.int(0, 200) * 24 * 60 * MINUTE;
  const m = new SyntheticMarket(rng, `s${seed}`, SCENARIO_INSTRUMENTS, start, DURATION);
  const instrumentOf = () => rng.pick(SCENARIO_INSTRUMENTS).id;
  const labels: Label[] = [];

  const listed = [rng.pick(TRADERS), rng.pick(TRADERS)];
  const insider = 'n-insider';
  const insiderListed = rng.chance(0.7);
  const plan = insideInformation(
    m,
    instrumentOf(),
    abuse === 'insider_trading' && insiderListed ? [...listed, insider] : listed,
  );
  for (const trader of new Set(listed))
    listedInsiderAsUsual(m, plan.instrumentId, trader, plan.registeredAt, plan.publishedAt);

  if (rng.chance(0.5)) workedOrder(m, instrumentOf());
  if (rng.chance(0.5)) closeHedger(m, instrumentOf());
  if (rng.chance(0.5)) makersLayingOff(m, instrumentOf());

  switch (abuse) {
    case 'wash_trade':
      labels.push(washTrades(m, instrumentOf()));
      break;
    case 'spoofing':
      labels.push(spoofing(m, instrumentOf()));
      break;
    case 'marking_the_close':
      labels.push(markingTheClose(m, instrumentOf()));
      break;
    case 'momentum_ignition':
      labels.push(momentumIgnition(m, instrumentOf()));
      break;
    case 'insider_trading':
      labels.push(insiderTrading(m, plan, insider));
      break;
    case 'price_anomaly':
      labels.push(...badPrints(m, instrumentOf()));
      break;
    case null:
      break;
  }
  for (const i of SCENARIO_INSTRUMENTS) honestTrading(m, i.id);
  return { name: `${abuse ?? 'honest'}#${seed}`, abuse, events: m.events(), labels };
}

/** For each seed: `perAbuse` scenarios of every abuse and `honest` honest ones. */
export function labelledSuite(seed: number, perAbuse: number, honest: number): Scenario[] {
  const out: Scenario[] = [];
  let n = 0;
  const next = () => (seed * 1_000_003 + ++n * 7919) >>> 0;
  for (const abuse of DETECTORS)
    for (let i = 0; i < perAbuse; i++) out.push(buildScenario(next(), abuse));
  for (let i = 0; i < honest; i++) out.push(buildScenario(next(), null));
  return out;
}

/** An alert is right when a label of its detector shares its instrument, an account (if any) and time. */
export function matches(alert: Alert, label: Label, slackMs = 5 * MINUTE): boolean {
  if (alert.detector !== label.detector) return false;
  if (!alert.instrumentIds.includes(label.instrumentId)) return false;
  if (label.accounts.length > 0 && !alert.accounts.some((a) => label.accounts.includes(a)))
    return false;
  return alert.from <= label.to + slackMs && alert.to >= label.from - slackMs;
}

export interface DetectorScore {
  detector: DetectorName;
  alerts: number;
  truePositives: number;
  labels: number;
  found: number;
  precision: number;
  recall: number;
}

/** Precision over alerts (each must match a label) and recall over labels (each must be matched). */
export function scoreAlerts(
  results: readonly { scenario: Scenario; alerts: readonly Alert[] }[],
): DetectorScore[] {
  return DETECTORS.map((detector) => {
    let alerts = 0;
    let truePositives = 0;
    let labels = 0;
    let found = 0;
    for (const { scenario, alerts: raised } of results) {
      const mine = raised.filter((a) => a.detector === detector);
      const wanted = scenario.labels.filter((l) => l.detector === detector);
      alerts += mine.length;
      truePositives += mine.filter((a) => wanted.some((l) => matches(a, l))).length;
      labels += wanted.length;
      found += wanted.filter((l) => mine.some((a) => matches(a, l))).length;
    }
    return {
      detector,
      alerts,
      truePositives,
      labels,
      found,
      precision: alerts === 0 ? 1 : truePositives / alerts,
      recall: labels === 0 ? 1 : found / labels,
    };
  });
}
