import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { standardCatalogue } from './domain/catalogue.js';
import { parseSettlementFile } from './adapters/settlement-file.js';
import {
  barSeries,
  barsQuery,
  curveBody,
  curveList,
  curveParams,
  curveQuery,
  curveView,
  csvImportBody,
  ingestBody,
  ingestReport,
  instrumentList,
  instrumentsQuery,
  loadQuery,
  loadSeries,
  quoteList,
  quotesQuery,
  settlementImportBody,
  settlementImportReport,
  settlementList,
  settlementsQuery,
  weatherQuery,
  weatherSeries,
} from './schemas.js';
import type { CurveService } from './service-curves.js';
import type { IngestService } from './service-ingest.js';
import { barsToCsv, type QueryService } from './service-queries.js';
import type { SeriesWriter } from './service-series.js';
import { readUploadedFile } from './uploaded-file.js';

export interface MarketDataServices {
  ingest: IngestService;
  queries: QueryService;
  curves: CurveService;
  series: SeriesWriter;
  today(): string;
}

export function registerMarketDataRoutes(app: FastifyInstance, s: MarketDataServices): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const read = { access: 'market-data:read' };
  const write = { access: 'market-data:write' };
  const tags = ['market-data'];

  r.get(
    '/api/v1/instruments',
    {
      config: read,
      schema: {
        tags,
        summary: 'Instruments, by commodity and area',
        querystring: instrumentsQuery,
        response: { 200: instrumentList },
      },
    },
    async (request) => ({ items: s.queries.instruments(request.query) }),
  );

  r.post(
    '/api/v1/market-data/ticks',
    {
      config: write,
      schema: {
        tags,
        summary:
          'Ingest a batch of ticks; idempotent. With `partial`, good rows are kept and bad ones reported',
        body: ingestBody,
        response: { 200: ingestReport, 207: ingestReport },
      },
    },
    async (request, reply) => {
      const report = await s.ingest.ingest(request.body.ticks, {
        partial: request.body.partial ?? false,
        source: 'api',
      });
      return reply.status(report.rejected.length > 0 ? 207 : 200).send(report);
    },
  );

  r.post(
    '/api/v1/market-data/ticks/import',
    {
      config: write,
      schema: {
        tags,
        summary:
          'Import ticks from CSV text (instrument,time,price,volume[,delivery_start,delivery_end])',
        body: csvImportBody,
        response: { 200: ingestReport, 207: ingestReport },
      },
    },
    async (request, reply) => {
      const report = await s.ingest.importCsv(request.body.csv, {
        partial: request.body.partial ?? false,
      });
      return reply.status(report.rejected.length > 0 ? 207 : 200).send(report);
    },
  );

  r.get(
    '/api/v1/market-data/bars',
    {
      config: read,
      schema: {
        tags,
        summary: 'OHLC bars aggregated from ticks; `format=csv` exports them',
        querystring: barsQuery,
        response: { 200: barSeries },
      },
    },
    async (request, reply) => {
      const q = request.query;
      const series = await s.queries.bars(
        q.instrument,
        new Date(q.from),
        new Date(q.to),
        q.interval,
      );
      if (q.format === 'json') return series;
      return (
        reply
          .type('text/csv; charset=utf-8')
          .header(
            'content-disposition',
            `attachment; filename="${series.instrumentId}-${series.interval}.csv"`,
          )
          .serializer((payload) => payload as string)
          // The CSV text bypasses the JSON response schema through the serializer above.
          .send(barsToCsv(series) as unknown as typeof series)
      );
    },
  );

  r.get(
    '/api/v1/market-data/quotes',
    {
      config: read,
      schema: {
        tags,
        summary: 'Latest tick of each instrument',
        querystring: quotesQuery,
        response: { 200: quoteList },
      },
    },
    async (request) => s.queries.quotes(request.query.instruments),
  );

  r.get(
    '/api/v1/market-data/settlements',
    {
      config: read,
      schema: {
        tags,
        summary: 'Daily settlement prices',
        querystring: settlementsQuery,
        response: { 200: settlementList },
      },
    },
    async (request) =>
      s.queries.settlements(request.query.instrument, request.query.from, request.query.to),
  );

  r.post(
    '/api/v1/market-data/settlements/import',
    {
      config: write,
      schema: {
        tags,
        summary: 'Import an exchange settlement-price file (CSV text)',
        body: settlementImportBody,
        response: { 200: settlementImportReport },
      },
    },
    async (request) => {
      const parsed = readUploadedFile('csv', () =>
        parseSettlementFile(request.body.csv, standardCatalogue),
      );
      const stored = await s.series.saveSettlements(parsed.settlements, 'settlement-file');
      return { stored, rejected: parsed.rejected };
    },
  );

  r.get(
    '/api/v1/market-data/curves',
    {
      config: read,
      schema: {
        tags,
        summary: 'Forward curves and their as-of dates',
        response: { 200: curveList },
      },
    },
    async () => s.curves.list(),
  );

  r.get(
    '/api/v1/market-data/curves/:id',
    {
      config: read,
      schema: {
        tags,
        summary: 'A forward curve as of a date, as quoted or shaped to hours',
        params: curveParams,
        querystring: curveQuery,
        response: { 200: curveView },
      },
    },
    async (request) =>
      s.curves.get(request.params.id, request.query.asOf ?? s.today(), request.query.shape),
  );

  r.post(
    '/api/v1/market-data/curves',
    {
      config: write,
      schema: {
        tags,
        summary: 'Mark a forward curve for an as-of date',
        body: curveBody,
        response: { 200: curveView },
      },
    },
    async (request) => s.curves.save(request.body),
  );

  r.get(
    '/api/v1/market-data/weather',
    {
      config: read,
      schema: {
        tags,
        summary: 'Weather observations and forecasts at a location',
        querystring: weatherQuery,
        response: { 200: weatherSeries },
      },
    },
    async (request) => {
      const q = request.query;
      return s.queries.weather(q.location, new Date(q.from), new Date(q.to), q.kind);
    },
  );

  r.get(
    '/api/v1/market-data/load',
    {
      config: read,
      schema: {
        tags,
        summary: 'Actual system load of an area',
        querystring: loadQuery,
        response: { 200: loadSeries },
      },
    },
    async (request) =>
      s.queries.load(request.query.area, new Date(request.query.from), new Date(request.query.to)),
  );
}
