import type { Jurisdiction } from './jurisdiction.js';
import type { RuleKind, RuleParams } from './rule-kinds.js';

export type RuleAction = 'block' | 'flag';
export type SubjectKind = 'order' | 'deal';

/** One rule of a pack: data, versioned and dated, evaluated by the engine for its kind. */
export interface RuleDefinition<K extends RuleKind = RuleKind> {
  id: string;
  /** The pack it ships in (`desk`, `eu-remit`, `us-cftc`, …). */
  pack: string;
  title: string;
  kind: K;
  jurisdiction: Jurisdiction;
  /** The provision the rule enforces, as a compliance officer would cite it. */
  citation: string;
  action: RuleAction;
  appliesTo: readonly SubjectKind[];
  params: RuleParams<K>;
  /** Bumped on every approved parameter change; shipped rules start at 1. */
  version: number;
  /** ISO dates (inclusive from, exclusive to); null `to` while in force. */
  effectiveFrom: string;
  effectiveTo: string | null;
}

export type AnyRule = { [K in RuleKind]: RuleDefinition<K> }[RuleKind];

/** Whether a rule is in force at an instant (its dates are UTC calendar days). */
export function inForce(rule: Pick<RuleDefinition, 'effectiveFrom' | 'effectiveTo'>, at: number) {
  const from = Date.parse(`${rule.effectiveFrom}T00:00:00Z`);
  const to = rule.effectiveTo === null ? Infinity : Date.parse(`${rule.effectiveTo}T00:00:00Z`);
  return at >= from && at < to;
}

/** A rule with parameters changed under four-eyes: the same rule, a new version. */
export function withParams(rule: AnyRule, params: unknown, version: number): AnyRule {
  return { ...rule, params, version } as AnyRule;
}
