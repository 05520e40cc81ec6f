import { createApi } from '@reduxjs/toolkit/query/react';
import { createSessionBaseQuery } from './baseQuery';

/**
 * The one API client. Each feature adds its endpoints with
 * `api.injectEndpoints` in its own folder.
 */
export const api = createApi({
  reducerPath: 'api',
  baseQuery: createSessionBaseQuery({ baseUrl: '/api/v1' }),
  tagTypes: ['User', 'Role', 'ApiKey', 'Audit', 'Me'],
  endpoints: () => ({}),
});
