import { parseRuleParams } from './domain/rule-kinds.js';
import { withParams, type AnyRule } from './domain/rule-pack.js';
import { nameKey } from './domain/sanctions-csv.js';
import { SHIPPED_RULES } from './domain/shipped-rules.js';
import type { BookProfile } from './domain/jurisdiction.js';
import type { ListRows } from './repo-lists.js';
import type { RuleParametersRow } from './tables.js';

/**
 * What the checks read on every order, held in memory: the rules in force with their
 * approved parameters, and the lists. Rebuilt whole from the database after any change
 * (on every instance, through the bus), so a check never waits on a query.
 */
export interface ComplianceState {
  rules: readonly AnyRule[];
  restricted: ReadonlyMap<string, { reason: string }>;
  sanctions: ReadonlyMap<string, { name: string; programme: string }>;
  books: ReadonlyMap<string, BookProfile>;
  partyCountry: ReadonlyMap<string, string>;
  /** For each book, the other books of the same legal entity. */
  affiliates: ReadonlyMap<string, readonly string[]>;
  /** Upper-cased names of the desk's own legal entities. */
  ownEntities: ReadonlySet<string>;
  /** Per product, the insiders of unpublished events about it and the event. */
  embargoes: ReadonlyMap<string, ReadonlyMap<string, { eventId: string; title: string }>>;
}

/** The shipped rules with the approved parameters applied; a stored value that no longer parses is ignored. */
export function rulesWith(overrides: readonly RuleParametersRow[]): AnyRule[] {
  const byId = new Map(overrides.map((o) => [o.rule_id, o]));
  return SHIPPED_RULES.map((rule) => {
    const o = byId.get(rule.id);
    if (!o) return rule;
    const parsed = parseRuleParams(rule.kind, o.params);
    return parsed.ok ? withParams(rule, parsed.params, o.version) : rule;
  });
}

export function buildState(
  lists: ListRows,
  overrides: readonly RuleParametersRow[],
): ComplianceState {
  const embargoes = new Map<string, Map<string, { eventId: string; title: string }>>();
  const insidersOf = new Map<string, string[]>();
  for (const i of lists.insiders)
    insidersOf.set(i.event_id, [...(insidersOf.get(i.event_id) ?? []), i.account]);
  for (const e of lists.events) {
    if (e.published_at !== null) continue;
    for (const product of e.products as string[]) {
      const byAccount =
        embargoes.get(product) ?? new Map<string, { eventId: string; title: string }>();
      for (const account of insidersOf.get(e.id) ?? [])
        if (!byAccount.has(account)) byAccount.set(account, { eventId: e.id, title: e.title });
      embargoes.set(product, byAccount);
    }
  }
  const byEntity = new Map<string, string[]>();
  for (const b of lists.books) {
    const key = nameKey(b.legal_entity);
    byEntity.set(key, [...(byEntity.get(key) ?? []), b.account]);
  }
  const affiliates = new Map<string, string[]>();
  for (const b of lists.books) {
    const others = byEntity.get(nameKey(b.legal_entity))!.filter((a) => a !== b.account);
    if (others.length > 0) affiliates.set(b.account, others);
  }
  return {
    rules: rulesWith(overrides),
    affiliates,
    restricted: new Map(lists.restricted.map((r) => [r.instrument_id, { reason: r.reason }])),
    sanctions: new Map(
      lists.sanctions.map((s) => [s.name_key, { name: s.name, programme: s.programme }]),
    ),
    books: new Map(
      lists.books.map((b) => [
        b.account,
        { legalEntity: b.legal_entity, country: b.country, shariah: b.shariah },
      ]),
    ),
    partyCountry: new Map(lists.parties.map((p) => [p.name, p.country])),
    ownEntities: new Set(lists.books.map((b) => nameKey(b.legal_entity))),
    embargoes,
  };
}

export const emptyState = (): ComplianceState =>
  buildState(
    { restricted: [], sanctions: [], books: [], parties: [], events: [], insiders: [] },
    [],
  );
