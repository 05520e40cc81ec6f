import { describe, expect, it } from 'vitest';
import { forProduct, parseRuleParams, RULE_KINDS, RULE_PARAMS } from './rule-kinds.js';
import { SHIPPED_RULES } from './shipped-rules.js';

describe('rule parameters', () => {
  it('accepts the parameters of every shipped rule, and every shipped id is unique', () => {
    for (const rule of SHIPPED_RULES)
      expect(parseRuleParams(rule.kind, rule.params)).toMatchObject({ ok: true });
    expect(new Set(SHIPPED_RULES.map((r) => r.id)).size).toBe(SHIPPED_RULES.length);
    expect(RULE_KINDS).toEqual(Object.keys(RULE_PARAMS));
  });

  it('names an unknown parameter by its field', () => {
    const parsed = parseRuleParams('price_collar', {
      bandPercent: 10,
      minBandAbsolute: 1,
      perProduct: {},
      bandPct: 5,
    });
    expect(parsed).toEqual({
      ok: false,
      issues: [expect.objectContaining({ field: 'bandPct', rule: 'unknown_parameter' })],
    });
  });

  it('names a bad nested parameter by its path', () => {
    const parsed = parseRuleParams('price_collar', {
      bandPercent: 10,
      minBandAbsolute: 1,
      perProduct: { 'PWR-*': { min: 10, max: 5 } },
    });
    expect(parsed).toMatchObject({ ok: false, issues: [{ field: 'perProduct.PWR-*.max' }] });
    const negative = parseRuleParams('max_order_size', { defaultMaxQuantity: -1, perProduct: {} });
    expect(negative).toMatchObject({ ok: false, issues: [{ field: 'defaultMaxQuantity' }] });
  });

  it('finds a product by its own id first, then by the longest prefix', () => {
    const table = { 'PWR-*': 1, 'PWR-DE-LU-*': 2, 'PWR-DE-LU-FUT-M-BASE': 3 };
    expect(forProduct(table, 'PWR-DE-LU-FUT-M-BASE')).toBe(3);
    expect(forProduct(table, 'PWR-DE-LU-FUT-Q-BASE')).toBe(2);
    expect(forProduct(table, 'PWR-FR-FUT-M-BASE')).toBe(1);
    expect(forProduct(table, 'GAS-TTF-FUT-M')).toBeUndefined();
  });
});
