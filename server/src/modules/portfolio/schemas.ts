import { z } from 'zod';

const book = z.string().min(1).max(64);
const warnings = z.array(z.string());
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD')
  .refine(
    (d) =>
      !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) &&
      new Date(`${d}T00:00:00Z`).toISOString().startsWith(d),
    'not a calendar date',
  );
const currency = z.enum(['EUR', 'GBP', 'USD']);
const masterAgreement = z.enum(['EFET', 'ISDA', 'none']);
const markSource = z.enum(['trade', 'curve', 'stale_trade']);

export const positionsQuery = z.object({
  book: book.optional(),
  groupBy: z.enum(['book', 'period', 'instrument']).optional(),
  includeFlat: z.enum(['true', 'false']).default('false'),
});

const periodPosition = z.object({
  book: z.string(),
  instrumentId: z.string(),
  period: z.string(),
  firstDay: z.string(),
  lastDay: z.string(),
  unit: z.string(),
  currency: z.string(),
  netQuantity: z.number(),
  exchangeQuantity: z.number(),
  otcQuantity: z.number(),
  averagePrice: z.number().nullable(),
  realisedPnl: z.number(),
  unrealisedPnl: z.number().nullable(),
  markPrice: z.number().nullable(),
  markSource: markSource.nullable(),
});

/** P&L of positions converted into the reporting currency at the rates in force at the mark. */
const reportingTotals = z.object({
  currency: z.string().describe('The reporting currency (REPORTING_CURRENCY)'),
  realisedPnl: z.number(),
  unrealisedPnl: z.number(),
  positions: z.number().describe('Positions converted and added in'),
  unconverted: z.number().describe('Positions left out for want of an FX rate (named in warnings)'),
});

const positionGroup = z.object({
  key: z.string(),
  firstDay: z.string(),
  positions: z.number(),
  quantities: z.array(z.object({ unit: z.string(), netQuantity: z.number() })),
  pnl: z.array(
    z.object({
      currency: z.string(),
      realisedPnl: z.number(),
      unrealisedPnl: z.number(),
      unmarked: z.number(),
    }),
  ),
  total: reportingTotals,
});

export const positionsResult = z.object({
  asOf: z.string(),
  books: z.array(z.string()),
  items: z.array(periodPosition),
  totals: reportingTotals,
  groupBy: z.enum(['book', 'period', 'instrument']).optional(),
  groups: z.array(positionGroup).optional(),
  warnings,
});

export const pnlQuery = z.object({ date: isoDate.optional(), book: book.optional() });

const explained = {
  priceMove: z.number().nullable(),
  newTrades: z.number().nullable(),
  total: z.number().nullable(),
};

export const pnlResult = z.object({
  date: z.string(),
  books: z.array(z.string()),
  currency: z
    .string()
    .describe('The reporting currency the totals are in; each item is in its own'),
  priceMove: z.number(),
  newTrades: z.number(),
  total: z.number(),
  items: z.array(
    z.object({
      book: z.string(),
      instrumentId: z.string(),
      period: z.string(),
      unit: z.string(),
      currency: z.string(),
      startQuantity: z.number(),
      tradedQuantity: z.number(),
      startMark: z.number().nullable(),
      endMark: z.number().nullable(),
      ...explained,
    }),
  ),
  warnings,
});

export const pnlHistoryQuery = z.object({
  from: isoDate.optional(),
  to: isoDate.optional(),
  book: book.optional(),
});

export const pnlHistory = z.object({
  from: z.string(),
  to: z.string(),
  books: z.array(z.string()),
  currency: z.string(),
  items: z.array(
    z.object({
      date: z.string(),
      priceMove: z.number(),
      newTrades: z.number(),
      total: z.number(),
      unexplained: z.number(),
      unconverted: z.number().describe('Positions left out of the day for want of an FX rate'),
    }),
  ),
  warnings,
});

export const counterpartyBody = z.object({
  name: z.string().min(1).max(120),
  creditLimit: z.number().finite().nonnegative().max(1e15),
  currency: currency.optional(),
  masterAgreement: masterAgreement.optional(),
});

export const counterpartyPatch = counterpartyBody.omit({ name: true }).partial();
export const counterpartyParams = z.object({ id: z.string().min(1).max(64) });

export const counterpartyView = z.object({
  id: z.string(),
  name: z.string(),
  creditLimit: z.number(),
  currency,
  masterAgreement,
  updatedBy: z.string(),
  updatedAt: z.string(),
});

export const counterpartyList = z.object({
  asOf: z.string(),
  items: z.array(
    z.object({
      id: z.string().nullable(),
      name: z.string(),
      creditLimit: z.number().nullable(),
      currency: z.string().nullable(),
      masterAgreement: z.string().nullable(),
      openDeals: z.number(),
      currentExposure: z.number(),
      potentialFutureExposure: z.number(),
      totalExposure: z.number(),
      utilisation: z.number().nullable(),
      headroom: z.number().nullable(),
      status: z.enum(['within', 'warning', 'breach', 'no_limit']),
      overLimit: z.boolean(),
    }),
  ),
  warnings,
});
