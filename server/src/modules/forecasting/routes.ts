import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { notFound } from '../../platform/errors.js';
import { findPriceSpikes, findStuckFeeds } from './domain/anomalies.js';
import { PUBLISHED_CITATION, PUBLISHED_RESULTS } from './published-benchmark.js';
import type { JobRepo } from './repo-jobs.js';
import type { ModelRepo } from './repo-models.js';
import {
  anomaliesBody,
  anomalyList,
  benchmarkTable,
  compareQuery,
  datasetList,
  datasetSummary,
  datasetUploadBody,
  dayForecast,
  forecastBody,
  forecastSeries,
  forecastsQuery,
  idParams,
  modelComparison,
  modelList,
  modelsQuery,
  modelVersion,
  targetList,
  trainAccepted,
  trainBody,
  trainingJob,
} from './schemas.js';
import type { CompareService } from './service-compare.js';
import type { DatasetService } from './service-datasets.js';
import type { ForecastService } from './service-forecasts.js';
import type { TrainingService } from './service-training.js';
import { listTargets } from './target-listing.js';
import { datasetTarget } from './targets.js';
import type { Databases } from '../../platform/db/database.js';

export interface ForecastingServices {
  dbs: Databases;
  datasets: DatasetService;
  training: TrainingService;
  forecasts: ForecastService;
  compare: CompareService;
  models: ModelRepo;
  jobs: JobRepo;
}

// A full epftoolbox file is about 2.3 MB of CSV text; the gateway's default is 1 MB.
const DATASET_BODY_LIMIT = 16 * 1024 * 1024;

export function registerForecastingRoutes(app: FastifyInstance, s: ForecastingServices): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const read = { access: 'forecasts:read' };
  const write = { access: 'forecasts:write' };
  const tags = ['forecasting'];
  const username = (request: { principal?: { username: string } | undefined }) =>
    request.principal!.username;

  r.post(
    '/api/v1/forecasting/datasets',
    {
      config: write,
      bodyLimit: DATASET_BODY_LIMIT,
      schema: {
        tags,
        summary:
          'Upload a market history in the epftoolbox CSV layout (date, price, two exogenous series)',
        body: datasetUploadBody,
        response: { 201: datasetSummary },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await s.datasets.upload(request.body, username(request))),
  );

  r.get(
    '/api/v1/forecasting/datasets',
    {
      config: read,
      schema: { tags, summary: 'Uploaded data sets', response: { 200: datasetList } },
    },
    async () => ({ items: await s.datasets.list() }),
  );

  r.post(
    '/api/v1/forecasting/models',
    {
      config: write,
      schema: {
        tags,
        summary: 'Train and evaluate a model version as a background job',
        body: trainBody,
        response: { 202: trainAccepted },
      },
    },
    async (request, reply) => {
      const { datasetId, target, ...training } = request.body;
      const accepted = await s.training.requestTraining(
        { ...training, target: target ?? datasetTarget(datasetId!) },
        username(request),
      );
      return reply.status(202).send(accepted);
    },
  );

  r.get(
    '/api/v1/forecasting/targets',
    {
      config: read,
      schema: {
        tags,
        summary:
          'What models can forecast: uploaded data sets, day-ahead instruments and load areas',
        response: { 200: targetList },
      },
    },
    async () => ({ items: listTargets(await s.datasets.list()) }),
  );

  r.get(
    '/api/v1/forecasting/models',
    {
      config: read,
      schema: {
        tags,
        summary: 'Model versions with their walk-forward metrics, newest first',
        querystring: modelsQuery,
        response: { 200: modelList },
      },
    },
    async (request) => ({ items: await s.models.list(s.dbs.reader, request.query.target) }),
  );

  r.post(
    '/api/v1/forecasting/models/:id/deploy',
    {
      config: write,
      schema: {
        tags,
        summary: 'Make a ready model the one that serves its target',
        params: idParams,
        response: { 200: modelVersion },
      },
    },
    async (request) => s.forecasts.deploy(request.params.id),
  );

  r.get(
    '/api/v1/forecasting/jobs/:id',
    {
      config: read,
      schema: {
        tags,
        summary: 'A training job and its progress',
        params: idParams,
        response: { 200: trainingJob },
      },
    },
    async (request) => {
      const job = await s.jobs.get(s.dbs.db, request.params.id);
      if (job === undefined) throw notFound('training job', 'job_not_found');
      return job;
    },
  );

  r.post(
    '/api/v1/forecasting/forecast',
    {
      config: write,
      schema: {
        tags,
        summary: '24 hourly prices of a day with 90% intervals, from a model or the deployed one',
        body: forecastBody,
        response: { 200: dayForecast },
      },
    },
    async (request) => s.forecasts.forecastDay(request.body),
  );

  r.get(
    '/api/v1/forecasting/forecasts',
    {
      config: read,
      schema: {
        tags,
        summary: 'Stored forecasts against actual prices, for charting',
        querystring: forecastsQuery,
        response: { 200: forecastSeries },
      },
    },
    async (request) => s.forecasts.forecastsAgainstActual(request.query),
  );

  r.get(
    '/api/v1/forecasting/compare',
    {
      config: read,
      schema: {
        tags,
        summary:
          'Diebold-Mariano test of two model versions of one target over the days both forecast and whose outcome is known',
        querystring: compareQuery,
        response: { 200: modelComparison },
      },
    },
    async (request) => s.compare.compare(request.query),
  );

  r.get(
    '/api/v1/forecasting/benchmark',
    {
      config: read,
      schema: {
        tags,
        summary: 'The published epftoolbox results our metrics are compared with',
        response: { 200: benchmarkTable },
      },
    },
    async () => ({ citation: PUBLISHED_CITATION, items: [...PUBLISHED_RESULTS] }),
  );

  r.post(
    '/api/v1/forecasting/anomalies',
    {
      config: read,
      schema: {
        tags,
        summary: 'Flag price spikes and stuck feeds in a price series',
        body: anomaliesBody,
        response: { 200: anomalyList },
      },
    },
    async (request) => {
      const { prices, window, threshold, minimumRun } = request.body;
      // A week of hours by default, shortened so that short series are screened too.
      const spikeWindow = window ?? Math.max(3, Math.min(168, Math.floor(prices.length / 2)));
      const items = [
        ...findPriceSpikes(prices, spikeWindow, threshold),
        ...findStuckFeeds(prices, minimumRun),
      ].sort((a, b) => a.index - b.index);
      return { items };
    },
  );
}
