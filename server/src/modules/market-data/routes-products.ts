import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { contractList, contractsQuery, productList, productParams } from './schemas-products.js';
import type { ProductService } from './service-products.js';

/** Read-only: contract specifications are public facts of the venues, so any signed-in user may read them. */
export function registerProductRoutes(app: FastifyInstance, products: ProductService): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const config = { access: 'authenticated' };
  const tags = ['market-data'];

  r.get(
    '/api/v1/products',
    {
      config,
      schema: {
        tags,
        summary: 'Listed products and their contract specifications',
        response: { 200: productList },
      },
    },
    async () => products.products(),
  );

  r.get(
    '/api/v1/products/:code/contracts',
    {
      config,
      schema: {
        tags,
        summary:
          'Contracts a product lists on a trading day, with delivery window, last trading day, hours and energy per lot',
        params: productParams,
        querystring: contractsQuery,
        response: { 200: contractList },
      },
    },
    async (request) => products.contracts(request.params.code, request.query),
  );
}
