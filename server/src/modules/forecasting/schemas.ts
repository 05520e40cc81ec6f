import { z } from 'zod';

/** Request and response shapes of the forecasting API; the web app builds against these. */

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');
const modelKind = z.enum(['naive', 'lear', 'mlp', 'ensemble', 'seasonal']);
const target = z.string().min(1).max(80);
// NaN metrics (coverage of a one-day test) travel as null.
const figure = z.number().nullable();

export const datasetUploadBody = z.object({
  name: z.string().trim().min(1).max(80),
  market: z.string().trim().min(1).max(32),
  csv: z.string().min(1),
});

export const datasetSummary = z.object({
  id: z.string(),
  target: z.string(),
  name: z.string(),
  market: z.string(),
  firstDate: z.string(),
  lastDate: z.string(),
  days: z.number(),
  columns: z.array(z.string()),
  uploadedBy: z.string(),
  createdAt: z.string(),
});
export const datasetList = z.object({ items: z.array(datasetSummary) });

export const trainBody = z
  .object({
    /** Shorthand for `target: dataset:<id>`. */
    datasetId: z.string().uuid().optional(),
    target: target.optional(),
    kind: modelKind,
    calibrationWindows: z.array(z.number().int().min(14).max(3000)).min(1).max(6).optional(),
    // More than 7 days, so that rMAE's weekly naive has hours to be measured on.
    testDays: z.number().int().min(8).max(1000),
  })
  .refine((b) => (b.datasetId === undefined) !== (b.target === undefined), {
    message: 'give either a target or a datasetId',
    path: ['target'],
  });
export const trainAccepted = z.object({ jobId: z.string(), modelId: z.string() });

export const idParams = z.object({ id: z.string().uuid() });

export const trainingJob = z.object({
  id: z.string(),
  modelId: z.string(),
  status: z.enum(['queued', 'running', 'succeeded', 'failed']),
  progress: z.number(),
  message: z.string(),
  error: z.string().nullable(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
});

export const modelVersion = z.object({
  id: z.string(),
  target: z.string(),
  version: z.number(),
  kind: modelKind,
  features: z.array(z.string()),
  calibrationWindows: z.array(z.number()),
  trainingFrom: z.string(),
  trainingTo: z.string(),
  testDays: z.number(),
  metrics: z.record(z.string(), figure).nullable(),
  intervalHalfWidths: z.array(figure).nullable(),
  status: z.enum(['training', 'ready', 'failed']),
  deployed: z.boolean(),
  trainedBy: z.string(),
  createdAt: z.string(),
});
export const modelsQuery = z.object({ target: target.optional() });
export const modelList = z.object({ items: z.array(modelVersion) });

export const forecastBody = z
  .object({ modelId: z.string().uuid().optional(), target: target.optional(), day: isoDate })
  .refine((b) => b.modelId !== undefined || b.target !== undefined, {
    message: 'give a modelId or a target',
    path: ['modelId'],
  });

const forecastPoint = z.object({
  deliveryDay: z.string(),
  hour: z.number(),
  time: z.string(),
  value: z.number(),
  lower: z.number().nullable(),
  upper: z.number().nullable(),
  actual: z.number().nullable(),
});
export const dayForecast = z.object({
  modelId: z.string(),
  target: z.string(),
  day: z.string(),
  hours: z.array(forecastPoint),
});

export const forecastsQuery = z.object({
  target,
  modelId: z.string().uuid().optional(),
  from: isoDate,
  to: isoDate,
});
export const forecastSeries = z.object({
  modelId: z.string().nullable(),
  target: z.string(),
  points: z.array(forecastPoint),
});

export const targetList = z.object({
  items: z.array(
    z.object({
      target: z.string(),
      label: z.string(),
      series: z.enum(['price', 'load']),
      source: z.enum(['dataset', 'dataset-load', 'instrument', 'load']),
      market: z.string(),
      kinds: z.array(modelKind),
    }),
  ),
});

export const compareQuery = z.object({
  a: z.string().uuid(),
  b: z.string().uuid(),
  loss: z.enum(['absolute', 'squared']).default('absolute'),
});

const comparedModel = z.object({
  modelId: z.string(),
  version: z.number(),
  kind: modelKind,
  meanLoss: z.number(),
});
export const modelComparison = z.object({
  target: z.string(),
  loss: z.enum(['absolute', 'squared']),
  significance: z.number(),
  a: comparedModel,
  b: comparedModel,
  daysCompared: z.number(),
  hoursCompared: z.number(),
  from: z.string(),
  to: z.string(),
  statistic: figure,
  pValue: figure,
  pValueABetter: figure,
  pValueBBetter: figure,
  better: z.enum(['a', 'b']).nullable(),
});

export const benchmarkTable = z.object({
  citation: z.string(),
  items: z.array(
    z.object({
      market: z.string(),
      model: z.string(),
      mae: z.number(),
      rmae: z.number(),
      smape: z.number(),
      rmse: z.number(),
    }),
  ),
});

export const anomaliesBody = z.object({
  prices: z.array(z.number()).min(1).max(100_000),
  window: z.number().int().min(3).max(10_000).optional(),
  threshold: z.number().positive().max(100).optional(),
  minimumRun: z.number().int().min(2).max(1000).optional(),
});
export const anomalyList = z.object({
  items: z.array(
    z.object({ index: z.number(), kind: z.enum(['spike', 'stuck_feed']), score: z.number() }),
  ),
});
