import { z } from 'zod';

const method = z.enum(['historical', 'parametric', 'montecarlo']);
const book = z.string().min(1).max(64);
const tenor = z.enum([
  'spot',
  'day-ahead',
  'weekend',
  'front-month',
  'front-quarter',
  'front-season',
  'calendar',
]);

const groupBy = z.enum(['position', 'book', 'commodity', 'deliveryPeriod']);
const approximation = z.enum(['delta-normal', 'delta-gamma']);

const varFields = {
  method: method.default('historical'),
  confidence: z.coerce.number().gt(0.5).lt(1).default(0.99),
  horizonDays: z.coerce.number().int().min(1).max(250).default(1),
  book: book.optional(),
  scenarios: z.coerce.number().int().min(100).max(100_000).optional(),
  seed: z.coerce
    .number()
    .int()
    .min(0)
    .max(2 ** 31 - 1)
    .optional(),
  groupBy: groupBy.default('position').describe('what contributions are summed by'),
  halfLifeDays: z.coerce
    .number()
    .gt(0)
    .max(365)
    .optional()
    .describe('Monte Carlo with meanReversion: one half-life for every reverting factor'),
  approximation: approximation
    .optional()
    .describe('parametric only; delta-gamma (default) adds option gamma by Cornish-Fisher'),
};

export const varQuery = z.object({
  ...varFields,
  meanReversion: z
    .enum(['true', 'false'])
    .optional()
    .describe('Monte Carlo only: power and gas factors revert to their mean (Ornstein-Uhlenbeck)'),
});

/** The same request as `GET /risk/var`, started as a background run with progress. */
export const varRunBody = z.object({ ...varFields, meanReversion: z.boolean().optional() });

const warnings = z.array(z.string());

export const varResult = z.object({
  id: z
    .string()
    .nullable()
    .describe('the stored run; null for VaR computed on request, which is not stored'),
  at: z.string(),
  method,
  confidence: z.number(),
  horizonDays: z.number(),
  book: z.string().nullable(),
  var: z.number(),
  es: z.number(),
  currency: z.string(),
  positions: z.number(),
  factors: z.number(),
  scenarios: z.number().nullable(),
  groupBy,
  contributions: z
    .array(
      z.object({
        key: z.string(),
        component: z.number().describe('Euler component: the contributions add up to the VaR'),
        marginal: z
          .number()
          .describe(
            'VaR added per unit of currency of delta-equivalent exposure added to the group',
          ),
        share: z.number(),
        positions: z.number(),
      }),
    )
    .describe('Euler allocation of the delta-normal VaR, rescaled to the method'),
  meanReversion: z.array(
    z.object({ instrumentId: z.string(), halfLifeDays: z.number(), longRunLevel: z.number() }),
  ),
  pnlDistribution: z.object({
    bins: z.array(z.object({ from: z.number(), to: z.number(), count: z.number() })),
  }),
  warnings,
});

export const varRunParams = z.object({ runId: z.uuid() });

export const varRunState = z.object({
  runId: z.string(),
  requestedBy: z.string(),
  method,
  status: z.enum(['running', 'done', 'failed']),
  stage: z.enum(['prices', 'simulation', 'storing']).nullable(),
  done: z.number(),
  total: z.number(),
  fraction: z.number(),
  startedAt: z.string(),
  result: varResult.nullable(),
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
  seq: z.number(),
});

export const varHistoryQuery = z.object({
  book: book.optional(),
  method: method.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const varHistory = z.object({
  items: z.array(
    varResult
      .pick({
        id: true,
        at: true,
        method: true,
        confidence: true,
        horizonDays: true,
        book: true,
        var: true,
        es: true,
        currency: true,
        positions: true,
        factors: true,
        warnings: true,
      })
      .extend({ id: z.string() }),
  ),
});

export const stressQuery = z.object({ book: book.optional() });

export const stressBody = z.object({
  book: book.optional(),
  scenarioIds: z.array(z.string().max(64)).max(20).optional(),
  custom: z
    .array(
      z.object({
        commodity: z.string().min(1).max(32),
        tenor: tenor.optional(),
        measure: z
          .enum(['price', 'volatility'])
          .default('price')
          .describe('volatility shocks move the implied volatility of options on the commodity'),
        shock: z.number().finite(),
        kind: z.enum(['relative', 'absolute']),
      }),
    )
    .max(50)
    .optional(),
});

export const stressResult = z.object({
  currency: z.string(),
  warnings,
  results: z.array(
    z.object({
      scenarioId: z.string(),
      name: z.string(),
      totalPnl: z.number(),
      pnlByCommodity: z.record(z.string(), z.number()),
      positions: z.array(
        z.object({
          book: z.string(),
          instrumentId: z
            .string()
            .describe('the instrument, or for an option its underlying, type, strike and expiry'),
          commodity: z.string(),
          quantity: z.number(),
          price: z.number(),
          stressedPrice: z.number(),
          volatility: z.number().optional(),
          stressedVolatility: z.number().optional(),
          pnl: z.number(),
        }),
      ),
    }),
  ),
});

export const scenarioList = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      description: z.string(),
      commodities: z.array(z.string()),
    }),
  ),
});

export const limitBody = z.object({
  name: z.string().min(1).max(100),
  kind: z.enum(['var', 'position', 'notional', 'stop_loss']),
  scope: z.enum(['desk', 'book']),
  book: book.optional(),
  instrumentId: z.string().max(64).optional(),
  threshold: z.number().positive().finite(),
  severity: z.enum(['hard', 'soft']),
});

const limitView = z.object({
  id: z.string(),
  name: z.string(),
  kind: limitBody.shape.kind,
  scope: limitBody.shape.scope,
  book: z.string().nullable(),
  instrumentId: z.string().nullable(),
  threshold: z.number(),
  severity: limitBody.shape.severity,
});

export const limitCreated = limitView;

export const limitList = z.object({
  items: z.array(
    limitView.extend({
      /** The reporting currency for VaR, notional and stop-loss; the energy unit for a position limit on one instrument. */
      unit: z.string(),
      utilisation: z.array(
        z.object({
          book: z.string().nullable(),
          value: z.number(),
          utilisation: z.number(),
          status: z.enum(['ok', 'warning', 'breach']),
          /** Instruments left out of a money measure for want of an FX rate. */
          unconverted: z.array(z.string()),
        }),
      ),
    }),
  ),
});

export const limitParams = z.object({ id: z.uuid() });

export const alertsQuery = z.object({
  book: book.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const alertList = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      at: z.string(),
      limitId: z.string(),
      limitName: z.string(),
      kind: z.enum(['breach', 'cleared', 'refused']),
      severity: z.string(),
      book: z.string().nullable(),
      value: z.number(),
      threshold: z.number(),
      message: z.string(),
    }),
  ),
});

export const backtestQuery = z.object({
  book: book.optional(),
  method: method.default('historical'),
  confidence: z.coerce.number().gt(0.5).lt(1).default(0.99),
});

const nullableObject = <T extends z.ZodRawShape>(shape: T) => z.object(shape).nullable();

export const backtestResult = z.object({
  book: z.string().nullable(),
  method,
  confidence: z.number(),
  days: z.number(),
  exceptions: z.number(),
  kupiec: nullableObject({
    likelihoodRatio: z.number(),
    pValue: z.number(),
    expectedExceptions: z.number(),
    rejected: z.boolean(),
  }),
  trafficLight: nullableObject({
    zone: z.enum(['green', 'yellow', 'red']),
    cumulativeProbability: z.number(),
    plusFactor: z.number().optional(),
  }),
  observations: z.array(
    z.object({ at: z.string(), var: z.number(), pnl: z.number(), exception: z.boolean() }),
  ),
  warnings,
});
