import type { Kysely } from 'kysely';

/**
 * The compliance module's tables as Kysely sees them (migration 0050). JSONB columns go
 * in as JSON text and come back parsed.
 */
type Json = unknown;

export interface RuleParametersRow {
  rule_id: string;
  version: number;
  params: Json;
  proposed_by: string;
  approved_by: string;
  changed_at: Date;
}

export interface RuleChangesRow {
  id: string;
  rule_id: string;
  base_version: number;
  params: Json;
  previous_params: Json;
  reason: string;
  status: 'proposed' | 'approved' | 'rejected';
  proposed_by: string;
  proposed_at: Date;
  decided_by: string | null;
  decided_at: Date | null;
}

export interface DecisionsRow {
  id: string;
  subject_kind: 'order' | 'deal';
  subject_id: string | null;
  client_order_id: string | null;
  account: string;
  instrument_id: string;
  counterparty: string | null;
  outcome: 'allow' | 'block' | 'flag';
  rule_id: string | null;
  citation: string | null;
  message: string | null;
  jurisdictions: Json;
  derivation: Json;
  evaluated: Json;
  flags: Json;
  decided_at: Date;
}

export interface AlertsRow {
  id: string;
  source: string;
  kind: string;
  decision_id: string | null;
  account: string | null;
  instrument_id: string | null;
  score: number | null;
  message: string;
  citation: string | null;
  details: Json;
  status: 'open' | 'closed';
  created_at: Date;
}

export interface RestrictedProductsRow {
  instrument_id: string;
  reason: string;
  added_by: string;
  added_at: Date;
}

export interface SanctionedPartiesRow {
  name_key: string;
  name: string;
  country: string | null;
  programme: string;
  listed_on: string | null;
  imported_by: string;
  imported_at: Date;
}

export interface BooksRow {
  account: string;
  legal_entity: string;
  country: string;
  shariah: boolean;
  updated_by: string;
  updated_at: Date;
}

export interface PartiesRow {
  name: string;
  country: string;
  updated_by: string;
  updated_at: Date;
}

export interface InsideInformationRow {
  id: string;
  title: string;
  products: Json;
  registered_by: string;
  registered_at: Date;
  published_at: Date | null;
  published_by: string | null;
}

export interface InsidersRow {
  event_id: string;
  account: string;
  added_by: string;
  added_at: Date;
}

export type ComplianceTables = {
  compliance_rule_parameters: RuleParametersRow;
  compliance_rule_changes: RuleChangesRow;
  compliance_decisions: DecisionsRow;
  compliance_alerts: AlertsRow;
  compliance_restricted_products: RestrictedProductsRow;
  compliance_sanctioned_parties: SanctionedPartiesRow;
  compliance_books: BooksRow;
  compliance_parties: PartiesRow;
  compliance_inside_information: InsideInformationRow;
  compliance_insiders: InsidersRow;
};

export type ComplianceDb = Kysely<ComplianceTables>;

/** The platform's connection (or a transaction on it) typed with the compliance tables. */
export const complianceDb = (db: Kysely<object> | { withTables: unknown }): ComplianceDb =>
  db as unknown as ComplianceDb;
