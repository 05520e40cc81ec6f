import { api } from '../../app/api';

export interface ApiKey {
  id: string;
  name: string;
  scopes: string[];
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** The only time the server returns the secret itself. */
export interface IssuedApiKey {
  id: string;
  name: string;
  scopes: string[];
  prefix: string;
  key: string;
  createdAt: string;
}

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
