import { api } from '../../app/api';
import type { ApiResponse } from '../../app/api-contract';

export type ApiKey = ApiResponse<'/api/v1/api-keys', 'get'>['items'][number];

/** The only time the server returns the secret itself. */
export type IssuedApiKey = ApiResponse<'/api/v1/api-keys', 'post', 201>;

export const apiKeysApi = api.injectEndpoints({
  endpoints: (build) => ({
    listApiKeys: build.query<{ items: ApiKey[] }, void>({
      query: () => 'api-keys',
      providesTags: ['ApiKey'],
    }),
    createApiKey: build.mutation<IssuedApiKey, { name: string; scopes: string[] }>({
      query: (body) => ({ url: 'api-keys', method: 'POST', body }),
      invalidatesTags: ['ApiKey', 'Audit'],
    }),
    revokeApiKey: build.mutation<void, string>({
      query: (id) => ({ url: `api-keys/${encodeURIComponent(id)}`, method: 'DELETE' }),
      invalidatesTags: ['ApiKey', 'Audit'],
    }),
  }),
});

export const { useListApiKeysQuery, useCreateApiKeyMutation, useRevokeApiKeyMutation } = apiKeysApi;
