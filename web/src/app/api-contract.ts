import type { paths } from './api-schema.gen';

/**
 * Payload types read off the generated OpenAPI types (`api-schema.gen.ts`), so the web
 * app's idea of a payload is the server's: when a route's schema changes, the types
 * here change with it and `npm run typecheck` points at every page that relied on the
 * old shape. Regenerate with `npm run api:types`.
 */
export type ApiPath = keyof paths;

/** The methods a path really serves (the generated type marks the others `never`). */
export type ApiMethod<P extends ApiPath> = {
  [M in keyof paths[P]]: paths[P][M] extends { responses: unknown } ? M : never;
}[keyof paths[P]];

type Operation<P extends ApiPath, M extends ApiMethod<P>> = paths[P][M];
type JsonContent<T> = T extends { content: { 'application/json': infer Body } } ? Body : never;

/** The JSON a route answers with on `status` (200 unless said). */
export type ApiResponse<P extends ApiPath, M extends ApiMethod<P>, S extends number = 200> =
  Operation<P, M> extends { responses: infer R }
    ? S extends keyof R
      ? JsonContent<R[S]>
      : never
    : never;

/** The JSON body a route takes. */
export type ApiRequest<P extends ApiPath, M extends ApiMethod<P>> =
  Operation<P, M> extends { requestBody?: infer B } ? JsonContent<NonNullable<B>> : never;

/** The query string a route takes. */
export type ApiQuery<P extends ApiPath, M extends ApiMethod<P>> =
  Operation<P, M> extends { parameters: { query?: infer Q } } ? NonNullable<Q> : never;
