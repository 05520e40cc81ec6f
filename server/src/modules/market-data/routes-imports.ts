import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { importParams, importStatus, importStatusList } from './schemas.js';
import type { ImportScheduler } from './service-imports.js';

/** Status of the scheduled imports from public sources, and a way to run one now. */
export function registerImportRoutes(app: FastifyInstance, imports: ImportScheduler): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['market-data'];

  r.get(
    '/api/v1/market-data/imports',
    {
      config: { access: 'market-data:read' },
      schema: {
        tags,
        summary:
          'Scheduled imports per source: configured, last run and success, rows stored, last error',
        response: { 200: importStatusList },
      },
    },
    async () => ({ items: imports.status() }),
  );

  r.post(
    '/api/v1/market-data/imports/:source/run',
    {
      // Spends the desk's API quota and writes market data, so it takes the write permission.
      config: { access: 'market-data:write' },
      schema: {
        tags,
        summary: 'Run one source (entsoe, eia, openweathermap) now; joins a run already under way',
        params: importParams,
        response: { 200: importStatus },
      },
    },
    async (request) => imports.runNow(request.params.source),
  );
}
