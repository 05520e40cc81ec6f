import { z } from 'zod';
import { boundedIsoInstant } from '../market-data/index.js';
import { JURISDICTIONS } from './domain/jurisdiction.js';
import { RULE_KINDS } from './domain/rule-kinds.js';

const id = z.string().min(1).max(100);
const name = z.string().trim().min(1).max(200);
const account = z.string().min(1).max(64);
const instrumentId = z.string().min(1).max(64);
const country = z.string().regex(/^[A-Z]{2}$/, 'an ISO 3166 alpha-2 code such as GB');
const uuid = z.uuid();
const limit = z.coerce.number().int().min(1).max(500).default(100);

export const ruleParams = z.object({ id });
export const changeParams = z.object({ id: uuid });

export const ruleView = z.object({
  id: z.string(),
  pack: z.string(),
  title: z.string(),
  kind: z.enum(RULE_KINDS as [string, ...string[]]),
  jurisdiction: z.enum(JURISDICTIONS as [string, ...string[]]),
  citation: z.string(),
  action: z.enum(['block', 'flag']),
  appliesTo: z.array(z.enum(['order', 'deal'])),
  params: z.record(z.string(), z.unknown()),
  version: z.number().int(),
  effectiveFrom: z.string(),
  effectiveTo: z.string().nullable(),
  inForce: z.boolean(),
});
export const ruleList = z.object({ items: z.array(ruleView) });

/** Parameters are checked against the rule's kind in the service, so an unknown one is named there. */
export const ruleChangeBody = z
  .object({
    params: z.record(z.string().max(64), z.unknown()),
    reason: z.string().trim().min(1).max(1000),
  })
  .strict();

export const ruleChangeView = z.object({
  id: z.string(),
  ruleId: z.string(),
  baseVersion: z.number().int(),
  params: z.record(z.string(), z.unknown()),
  previousParams: z.record(z.string(), z.unknown()),
  reason: z.string(),
  status: z.enum(['proposed', 'approved', 'rejected']),
  proposedBy: z.string(),
  proposedAt: z.string(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
});
export const ruleChangeList = z.object({ items: z.array(ruleChangeView) });
export const ruleChangeQuery = z.object({
  ruleId: id.optional(),
  status: z.enum(['proposed', 'approved', 'rejected']).optional(),
});

export const decisionQuery = z.object({
  account: account.optional(),
  subjectId: id.optional(),
  clientOrderId: z.string().min(1).max(64).optional(),
  instrumentId: instrumentId.optional(),
  outcome: z.enum(['allow', 'block', 'flag']).optional(),
  ruleId: id.optional(),
  from: boundedIsoInstant().optional(),
  to: boundedIsoInstant().optional(),
  limit,
});

const firedRule = z.object({
  ruleId: z.string(),
  version: z.number(),
  citation: z.string(),
  message: z.string(),
});

export const decisionView = z.object({
  id: z.string(),
  subjectKind: z.enum(['order', 'deal']),
  subjectId: z.string().nullable(),
  clientOrderId: z.string().nullable(),
  account: z.string(),
  instrumentId: z.string(),
  counterparty: z.string().nullable(),
  outcome: z.enum(['allow', 'block', 'flag']),
  ruleId: z.string().nullable(),
  citation: z.string().nullable(),
  message: z.string().nullable(),
  jurisdictions: z.array(z.string()),
  derivation: z.array(
    z.object({ jurisdiction: z.string(), source: z.string(), because: z.string() }),
  ),
  evaluated: z.array(z.object({ ruleId: z.string(), version: z.number(), fired: z.boolean() })),
  flags: z.array(firedRule.passthrough()),
  decidedAt: z.string(),
});
export const decisionList = z.object({ items: z.array(decisionView) });

export const alertQuery = z.object({
  status: z.enum(['open', 'closed']).optional(),
  source: z.string().min(1).max(64).optional(),
  kind: z.string().min(1).max(100).optional(),
  account: account.optional(),
  limit,
});
export const alertView = z.object({
  id: z.string(),
  source: z.string(),
  kind: z.string(),
  decisionId: z.string().nullable(),
  account: z.string().nullable(),
  instrumentId: z.string().nullable(),
  score: z.number().nullable(),
  message: z.string(),
  citation: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
  status: z.enum(['open', 'closed']),
  createdAt: z.string(),
});
export const alertList = z.object({ items: z.array(alertView) });

export const restrictedBody = z
  .object({ instrumentId, reason: z.string().trim().min(1).max(500) })
  .strict();
export const restrictedParams = z.object({ instrumentId });
export const restrictedView = z.object({
  instrumentId: z.string(),
  reason: z.string(),
  addedBy: z.string(),
  addedAt: z.string(),
});
export const restrictedList = z.object({ items: z.array(restrictedView) });

export const sanctionsImportBody = z.object({ csv: z.string().min(1).max(2_000_000) }).strict();
export const sanctionsImported = z.object({ imported: z.number().int() });
export const sanctionsList = z.object({
  items: z.array(
    z.object({
      name: z.string(),
      country: z.string().nullable(),
      programme: z.string(),
      listedOn: z.string().nullable(),
      importedBy: z.string(),
      importedAt: z.string(),
    }),
  ),
});

export const bookParams = z.object({ account });
export const bookBody = z
  .object({ legalEntity: name, country, shariah: z.boolean().default(false) })
  .strict();
export const bookView = z.object({
  account: z.string(),
  legalEntity: z.string(),
  country: z.string(),
  shariah: z.boolean(),
});
export const bookList = z.object({ items: z.array(bookView) });

export const partyParams = z.object({ name });
export const partyBody = z.object({ country }).strict();
export const partyView = z.object({ name: z.string(), country: z.string() });
export const partyList = z.object({ items: z.array(partyView) });

export const insideInformationBody = z
  .object({
    title: z.string().trim().min(1).max(300),
    products: z.array(instrumentId).min(1).max(50),
    insiders: z.array(account).min(1).max(500),
  })
  .strict();
export const insidersBody = z.object({ accounts: z.array(account).min(1).max(500) }).strict();
export const eventParams = z.object({ id: uuid });
export const insideInformationView = z.object({
  id: z.string(),
  title: z.string(),
  products: z.array(z.string()),
  registeredBy: z.string(),
  registeredAt: z.string(),
  publishedAt: z.string().nullable(),
  publishedBy: z.string().nullable(),
  insiders: z.array(z.string()),
});
export const insideInformationList = z.object({ items: z.array(insideInformationView) });

/** Milliseconds from `from` to `to`, or null when either is not an instant (its own issue says so). */
const span = (b: { from: string; to: string }): number | null => {
  const ms = Date.parse(b.to) - Date.parse(b.from);
  return Number.isNaN(ms) ? null : ms;
};
export const surveillanceRunBody = z
  .object({ from: boundedIsoInstant(), to: boundedIsoInstant() })
  .strict()
  .refine((b) => (span(b) ?? 1) > 0, { path: ['to'], message: 'to must be after from' })
  .refine((b) => (span(b) ?? 0) <= 31 * 24 * 3_600_000, {
    path: ['to'],
    message: 'a surveillance run covers at most 31 days',
  });
export const surveillanceRunParams = z.object({ id: uuid });
export const surveillanceRunView = z.object({
  id: z.string(),
  from: z.string(),
  to: z.string(),
  status: z.enum(['running', 'done', 'failed']),
  fraction: z.number(),
  fillsRead: z.number().int(),
  alertsFound: z.number().int(),
  byDetector: z.record(z.string(), z.number().int()),
  error: z.string().nullable(),
  startedBy: z.string(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
});
