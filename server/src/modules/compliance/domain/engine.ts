import { EVALUATORS, type Evaluator } from './evaluators.js';
import type { DerivationStep, Jurisdiction, Jurisdictions } from './jurisdiction.js';
import type { RuleKind } from './rule-kinds.js';
import { inForce, type AnyRule, type RuleAction } from './rule-pack.js';
import type { RuleFacts, TradeSubject } from './subject.js';

export type Outcome = 'allow' | RuleAction;

export interface FiredRule {
  ruleId: string;
  version: number;
  citation: string;
  action: RuleAction;
  message: string;
}

/** A decision explains itself: where the trade falls, what was checked, and what fired. */
export interface Decision {
  outcome: Outcome;
  jurisdictions: Jurisdiction[];
  derivation: DerivationStep[];
  /** Every rule in force for the trade's jurisdictions, in the order they were checked. */
  evaluated: { ruleId: string; version: number; fired: boolean }[];
  /** The rule that blocked, or the first that flagged; null when allowed. */
  firing: FiredRule | null;
  flags: FiredRule[];
}

function evaluate(rule: AnyRule, subject: TradeSubject, facts: RuleFacts): string | undefined {
  const evaluator = EVALUATORS[rule.kind] as Evaluator<RuleKind>;
  return evaluator(rule.params, subject, facts);
}

/**
 * Puts a trade to every rule in force for its jurisdictions. A block stops at once (the
 * trade is refused whatever else holds); flags accumulate and the trade goes through.
 */
export function decide(
  subject: TradeSubject,
  where: Jurisdictions,
  rules: readonly AnyRule[],
  facts: RuleFacts,
): Decision {
  const applicable = new Set(where.jurisdictions);
  const evaluated: Decision['evaluated'] = [];
  const flags: FiredRule[] = [];
  for (const rule of rules) {
    if (!applicable.has(rule.jurisdiction)) continue;
    if (!rule.appliesTo.includes(subject.kind) || !inForce(rule, subject.at)) continue;
    const message = evaluate(rule, subject, facts);
    evaluated.push({ ruleId: rule.id, version: rule.version, fired: message !== undefined });
    if (message === undefined) continue;
    const fired: FiredRule = {
      ruleId: rule.id,
      version: rule.version,
      citation: rule.citation,
      action: rule.action,
      message,
    };
    if (rule.action === 'block')
      return { outcome: 'block', ...where, evaluated, firing: fired, flags };
    flags.push(fired);
  }
  return {
    outcome: flags.length > 0 ? 'flag' : 'allow',
    ...where,
    evaluated,
    firing: flags[0] ?? null,
    flags,
  };
}
