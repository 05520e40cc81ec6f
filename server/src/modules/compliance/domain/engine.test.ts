import { describe, expect, it } from 'vitest';
import { decide } from './engine.js';
import { deriveJurisdictions } from './jurisdiction.js';
import { withParams, type AnyRule } from './rule-pack.js';
import { SHIPPED_RULES } from './shipped-rules.js';
import { AT, facts, order } from './test-facts.js';

const EU_POWER = deriveJurisdictions({
  market: { venue: 'EEX', area: 'DE-LU' },
  book: null,
  counterparty: null,
});
const rule = (id: string) => SHIPPED_RULES.find((r) => r.id === id)!;

describe('the decision engine', () => {
  it('allows an ordinary order and lists every rule it checked', () => {
    const d = decide(order(), EU_POWER, SHIPPED_RULES, facts());
    expect(d.outcome).toBe('allow');
    expect(d.firing).toBeNull();
    expect(d.jurisdictions).toEqual(['DESK', 'EU']);
    expect(d.evaluated.map((e) => e.ruleId)).toEqual(
      expect.arrayContaining(['desk.price-collar', 'desk.max-order-size', 'eu-remit.self-trade']),
    );
    // US and UK rules are not in force for an EU power order.
    expect(d.evaluated.some((e) => e.ruleId.startsWith('us-'))).toBe(false);
  });

  it('blocks a buy at 99,999 EUR/MWh with the collar in the reason', () => {
    const d = decide(order({ price: 99_999 }), EU_POWER, SHIPPED_RULES, facts());
    expect(d.outcome).toBe('block');
    expect(d.firing).toMatchObject({
      ruleId: 'desk.price-collar',
      citation: expect.stringContaining('price collars'),
      message: expect.stringContaining('-500 to 4000'),
    });
  });

  it('holds a price to the band around the reference price', () => {
    const f = facts({ reference: () => ({ price: 80, source: 'mid' }) });
    expect(decide(order({ price: 119 }), EU_POWER, SHIPPED_RULES, f).outcome).toBe('allow');
    const d = decide(order({ price: 121 }), EU_POWER, SHIPPED_RULES, f);
    expect(d.firing?.message).toContain('40 to 120');
    expect(d.firing?.message).toContain('mid 80');
  });

  it('blocks an order larger than the product maximum', () => {
    const d = decide(order({ quantity: 600_000 }), EU_POWER, SHIPPED_RULES, facts());
    expect(d.firing?.ruleId).toBe('desk.max-order-size');
  });

  it('blocks a restricted product before anything else', () => {
    const f = facts({ restricted: () => ({ reason: 'advising on an acquisition' }) });
    const d = decide(order(), EU_POWER, SHIPPED_RULES, f);
    expect(d).toMatchObject({ outcome: 'block', firing: { ruleId: 'desk.restricted-list' } });
    expect(d.evaluated).toEqual([{ ruleId: 'desk.restricted-list', version: 1, fired: true }]);
  });

  it('blocks an order that would trade with another book of the same legal entity (REMIT wash trade)', () => {
    const f = facts({ affiliateBest: (_a, _i, side) => (side === 'sell' ? 87.5 : null) });
    expect(decide(order({ price: 88 }), EU_POWER, SHIPPED_RULES, f).firing?.ruleId).toBe(
      'eu-remit.self-trade',
    );
    expect(decide(order({ price: 87 }), EU_POWER, SHIPPED_RULES, f).outcome).toBe('allow');
  });

  it('blocks an insider of unpublished inside information in the affected product', () => {
    const f = facts({ embargo: () => ({ eventId: 'e1', title: 'Unit 3 outage' }) });
    expect(decide(order(), EU_POWER, SHIPPED_RULES, f).firing).toMatchObject({
      ruleId: 'eu-remit.insider-embargo',
      message: expect.stringContaining('Unit 3 outage'),
    });
  });

  it('blocks a deal with a sanctioned counterparty or with one of the desk own entities', () => {
    const deal = order({
      kind: 'deal',
      counterparty: 'Bad Co',
      deliveryStart: AT + 30 * 86_400_000,
    });
    const sanctioned = facts({ sanctioned: () => ({ name: 'BAD CO', programme: 'EU 269/2014' }) });
    expect(decide(deal, EU_POWER, SHIPPED_RULES, sanctioned).firing?.ruleId).toBe(
      'desk.sanctioned-counterparty',
    );
    const own = facts({ ownEntity: (n) => n === 'Bad Co' });
    expect(decide(deal, EU_POWER, SHIPPED_RULES, own).firing?.ruleId).toBe('eu-remit.self-trade');
  });

  it('applies the CFTC spot-month limit to NYMEX NG and flags the accountability level', () => {
    const us = deriveJurisdictions({
      market: { venue: 'NYMEX', area: 'HENRY-HUB' },
      book: null,
      counterparty: null,
    });
    const ng = (lots: number) =>
      order({
        instrumentId: 'GAS-HH-FUT-M',
        price: 3,
        quantity: lots * 10_000,
        quantityLots: lots,
      });
    const held = facts({ netLots: () => 1_500 });
    expect(decide(ng(400), us, SHIPPED_RULES, held).outcome).toBe('allow');
    expect(decide(ng(600), us, SHIPPED_RULES, held).firing).toMatchObject({
      ruleId: 'us-cftc.ng-spot-month',
      citation: expect.stringContaining('Appendix E to Part 150'),
    });
    // A raised spot-month limit still leaves the accountability level to flag.
    const raised = SHIPPED_RULES.map((r) =>
      r.id === 'us-cftc.ng-spot-month' ? withParams(r, { ...r.params, limitLots: 50_000 }, 2) : r,
    );
    const flagged = decide(ng(5_000), us, raised, held);
    expect(flagged.outcome).toBe('flag');
    expect(flagged.flags.map((f) => f.ruleId)).toEqual(['us-nymex.ng-single-month-accountability']);
  });

  it('refuses futures and short sales in a Shariah book', () => {
    const where = deriveJurisdictions({
      market: { venue: 'IFAD', area: 'MURBAN' },
      book: { legalEntity: 'Opti Islamic', country: 'AE', shariah: true },
      counterparty: null,
    });
    const book = { legalEntity: 'Opti Islamic', country: 'AE', shariah: true };
    const f = facts({ book });
    expect(
      decide(order({ instrumentId: 'OIL-MURBAN-FUT-M', price: 80 }), where, SHIPPED_RULES, f).firing
        ?.ruleId,
    ).toBe('aaoifi.shariah-screen');
    const spotSale = order({
      kind: 'deal',
      side: 'sell',
      instrumentId: 'OIL-MURBAN-FUT-M',
      price: 80,
      deliveryStart: AT + 86_400_000,
    });
    expect(decide(spotSale, where, SHIPPED_RULES, f).firing?.message).toContain('short sale');
    expect(decide(spotSale, where, SHIPPED_RULES, facts({ book, netLots: () => 10 })).outcome).toBe(
      'allow',
    );
  });

  it('flags EUA sales in the weeks before 30 September and lets them through', () => {
    const eu = deriveJurisdictions({
      market: { venue: 'EEX', area: 'EU-ETS' },
      book: null,
      counterparty: null,
    });
    const sale = (at: number) =>
      order({ instrumentId: 'EUA-FUT-DEC', side: 'sell', price: 70, at });
    const d = decide(sale(Date.UTC(2026, 8, 15)), eu, SHIPPED_RULES, facts());
    expect(d).toMatchObject({ outcome: 'flag', firing: { ruleId: 'eu-ets.surrender-warning' } });
    expect(decide(sale(Date.UTC(2026, 10, 15)), eu, SHIPPED_RULES, facts()).outcome).toBe('allow');
  });

  it('ignores a rule outside its effective dates', () => {
    const expired: AnyRule = { ...rule('desk.price-collar'), effectiveTo: '2025-01-01' };
    const d = decide(order({ price: 99_999 }), EU_POWER, [expired], facts());
    expect(d.outcome).toBe('allow');
    expect(d.evaluated).toEqual([]);
  });
});
