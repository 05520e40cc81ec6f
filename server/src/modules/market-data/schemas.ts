import { z } from 'zod';
import { boundedIsoDate, boundedIsoInstant, boundedPrice } from './ranges.js';

/** Request and response shapes of the market-data API; the web app builds against these. */

const isoInstant = boundedIsoInstant();
const isoDate = boundedIsoDate();

export const instrument = z.object({
  id: z.string(),
  name: z.string(),
  commodity: z.string(),
  area: z.string(),
  venue: z.string(),
  unit: z.string(),
  currency: z.string(),
  tickSize: z.string(),
  lotSize: z.string(),
  timeZone: z.string(),
  deliveryPeriod: z.string(),
});

export const instrumentsQuery = z.object({
  commodity: z.string().max(32).optional(),
  area: z.string().max(32).optional(),
});

export const instrumentList = z.object({ items: z.array(instrument) });

// Loose on purpose: a bad price or time must reach validateTicks, which names the row and rule.
const amount = z.union([z.number(), z.string().max(64), z.null()]);
export const tickInput = z.object({
  instrumentId: z.string().max(64),
  time: z.union([z.string().max(64), z.number()]),
  price: amount,
  volume: amount,
  deliveryStart: z.string().max(64).optional(),
  deliveryEnd: z.string().max(64).optional(),
});

export const ingestBody = z.object({
  ticks: z.array(tickInput).min(1).max(20_000),
  partial: z.boolean().optional(),
});

export const csvImportBody = z.object({
  csv: z.string().max(5_000_000),
  partial: z.boolean().optional(),
});

export const ingestReport = z.object({
  accepted: z.number().int(),
  stored: z.number().int(),
  rejected: z.array(
    z.object({ row: z.number().int(), field: z.string(), rule: z.string(), message: z.string() }),
  ),
});

export const barsQuery = z.object({
  instrument: z.string().max(64),
  from: isoInstant,
  to: isoInstant,
  interval: z.enum(['1m', '15m', '1h', '1d']).default('1h'),
  format: z.enum(['json', 'csv']).default('json'),
});

export const barSeries = z.object({
  instrumentId: z.string(),
  interval: z.enum(['1m', '15m', '1h', '1d']),
  timeZone: z.string(),
  items: z.array(
    z.object({
      time: z.string(),
      open: z.number(),
      high: z.number(),
      low: z.number(),
      close: z.number(),
      volume: z.number(),
    }),
  ),
});

export const quotesQuery = z.object({
  instruments: z
    .string()
    .max(4_000)
    .transform((v) =>
      v
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s.length > 0),
    ),
});

export const quoteList = z.object({
  items: z.array(
    z.object({ instrumentId: z.string(), time: z.string(), price: z.number(), volume: z.number() }),
  ),
});

export const settlementsQuery = z.object({
  instrument: z.string().max(64),
  from: isoDate,
  to: isoDate,
});

export const settlementList = z.object({
  items: z.array(
    z.object({
      instrumentId: z.string(),
      tradeDate: z.string(),
      deliveryStart: z.string(),
      deliveryEnd: z.string(),
      price: z.number(),
      currency: z.string(),
      unit: z.string(),
    }),
  ),
});

export const settlementImportBody = z.object({ csv: z.string().max(5_000_000) });
export const settlementImportReport = z.object({
  stored: z.number().int(),
  rejected: z.array(
    z.object({ row: z.number().int(), field: z.string(), rule: z.string(), message: z.string() }),
  ),
});

export const curveList = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      instrumentIds: z.array(z.string()).optional(),
      commodity: z.string(),
      area: z.string(),
      asOfDates: z.array(z.string()),
    }),
  ),
});

export const curveParams = z.object({ id: z.string().max(64) });
export const curveQuery = z.object({
  asOf: isoDate.optional(),
  shape: z.enum(['quoted', 'hourly']).default('quoted'),
});

export const curveView = z.object({
  id: z.string(),
  asOf: z.string(),
  currency: z.string(),
  unit: z.string(),
  points: z.array(
    z.object({ start: z.string(), end: z.string(), tenor: z.string(), price: z.number() }),
  ),
});

export const curveBody = z.object({
  id: z.string().regex(/^[A-Z0-9-]{2,64}$/, 'upper-case letters, digits and dashes'),
  instrumentId: z.string().max(64),
  asOf: isoDate,
  points: z
    .array(
      z.object({
        tenor: z.enum(['month', 'quarter', 'year']),
        year: z.number().int().min(2000).max(2100),
        index: z.number().int().min(1).max(12),
        price: boundedPrice(),
      }),
    )
    .min(1)
    .max(500),
});

export const weatherQuery = z.object({
  location: z.string().max(64),
  from: isoInstant,
  to: isoInstant,
  kind: z.enum(['observation', 'forecast']).optional(),
});

export const weatherSeries = z.object({
  location: z.string(),
  items: z.array(
    z.object({
      time: z.string(),
      kind: z.enum(['observation', 'forecast']),
      temperature: z.number(),
      windSpeed: z.number(),
      irradiance: z.number(),
    }),
  ),
});

export const loadQuery = z.object({ area: z.string().max(64), from: isoInstant, to: isoInstant });
export const loadSeries = z.object({
  area: z.string(),
  items: z.array(z.object({ time: z.string(), load: z.number() })),
});

export const importParams = z.object({ source: z.string().min(1).max(64) });
export const importStatus = z.object({
  source: z.enum(['entsoe', 'eia', 'openweathermap']),
  name: z.string(),
  configured: z.boolean(),
  keyVariable: z.string(),
  targets: z.array(z.string()),
  running: z.boolean(),
  lastRunAt: z.string().nullable(),
  lastSuccessAt: z.string().nullable(),
  lastRowsStored: z.number().nullable(),
  lastRowsRejected: z.number().nullable(),
  totalRowsStored: z.number(),
  lastError: z.string().nullable(),
  consecutiveFailures: z.number(),
  nextRunAt: z.string().nullable(),
});
export const importStatusList = z.object({ items: z.array(importStatus) });
