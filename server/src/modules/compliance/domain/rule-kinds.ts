import { z } from 'zod';

/**
 * The kinds of rule the engine knows and the parameters each takes. A rule pack is data:
 * any rule of a kind carries parameters that this schema accepts, and nothing else
 * (strict objects, so an unknown parameter is refused by name).
 */

/** An instrument id, or a prefix ending in `*` that covers a product family (`PWR-DE-LU-*`). */
const productPattern = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Z0-9-]+\*?$/, 'an instrument id, or a prefix ending in *');

const quantity = z.number().positive().max(1e12);
const price = z.number().min(-1e9).max(1e9);

const empty = z.object({}).strict();

export const RULE_PARAMS = {
  /** Products on the restricted list may not be traded (the list is kept apart, as data). */
  restricted_list: empty,
  /** Deals with a counterparty on the sanctions list are refused. */
  sanctioned_counterparty: empty,
  /** Largest order or deal quantity, in the product's quantity unit. */
  max_order_size: z
    .object({
      defaultMaxQuantity: quantity,
      perProduct: z.record(productPattern, quantity),
    })
    .strict(),
  /**
   * Limit prices within a band around the reference price (mid, else last trade), and
   * always within the product's absolute bounds.
   */
  price_collar: z
    .object({
      bandPercent: z.number().positive().max(1000),
      /** Band half-width never narrower than this, so a price near zero still has room. */
      minBandAbsolute: z.number().nonnegative().max(1e6),
      perProduct: z.record(
        productPattern,
        z
          .object({ min: price, max: price })
          .strict()
          .refine((b) => b.min < b.max, { message: 'min must be below max', path: ['max'] }),
      ),
    })
    .strict(),
  /** An order that would cross the account's own resting order, a deal with oneself. */
  self_trade: empty,
  /** Insiders of an unpublished inside-information event may not trade the affected products. */
  insider_embargo: empty,
  /** Net position limit per referenced contract, in contracts (lots). */
  position_limit: z
    .object({
      product: productPattern,
      limitLots: z.number().int().positive().max(1e9),
      /** What the figure is: the federal spot-month limit or an exchange accountability level. */
      measure: z.enum(['spot_month', 'single_month', 'accountability']),
    })
    .strict(),
  /** AAOIFI: no futures or options, no short sales, in a Shariah-compliant book. */
  shariah_screen: z.object({ blockFutures: z.boolean(), blockShortSales: z.boolean() }).strict(),
  /** Selling allowances in the weeks before the surrender deadline risks a shortfall. */
  surrender_deadline_warning: z
    .object({
      products: z.array(productPattern).min(1).max(20),
      /** Month and day of the deadline, e.g. `09-30`. */
      deadline: z.string().regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'MM-DD'),
      warnDaysBefore: z.number().int().min(1).max(366),
    })
    .strict(),
} as const;

export type RuleKind = keyof typeof RULE_PARAMS;
export type RuleParams<K extends RuleKind> = z.infer<(typeof RULE_PARAMS)[K]>;

export const RULE_KINDS = Object.keys(RULE_PARAMS) as RuleKind[];

export interface ParamIssue {
  /** The parameter's path, e.g. `perProduct.PWR-*`. */
  field: string;
  rule: string;
  message: string;
}

/** Parses a rule's parameters for its kind: the parsed value, or every issue with the field it names. */
export function parseRuleParams(
  kind: RuleKind,
  params: unknown,
): { ok: true; params: unknown } | { ok: false; issues: ParamIssue[] } {
  const parsed = RULE_PARAMS[kind].safeParse(params);
  if (parsed.success) return { ok: true, params: parsed.data };
  const issues: ParamIssue[] = [];
  for (const issue of parsed.error.issues) {
    const base = issue.path.map(String).join('.');
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys)
        issues.push({
          field: base ? `${base}.${key}` : key,
          rule: 'unknown_parameter',
          message: `${key} is not a parameter of a ${kind} rule`,
        });
    } else issues.push({ field: base, rule: issue.code, message: issue.message });
  }
  return { ok: false, issues };
}

/** The entry of a per-product table that covers an instrument: its own id first, then the longest prefix. */
export function forProduct<T>(table: Record<string, T>, instrumentId: string): T | undefined {
  const exact = table[instrumentId];
  if (exact !== undefined) return exact;
  let best: T | undefined;
  let bestLength = -1;
  for (const [pattern, value] of Object.entries(table)) {
    if (!pattern.endsWith('*')) continue;
    const prefix = pattern.slice(0, -1);
    if (instrumentId.startsWith(prefix) && prefix.length > bestLength) {
      best = value;
      bestLength = prefix.length;
    }
  }
  return best;
}
