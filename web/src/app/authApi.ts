import { api } from './api';
import type { SessionGrant, User } from './types';

export interface Credentials {
  username: string;
  password: string;
  totp?: string;
}

export const authApi = api.injectEndpoints({
  endpoints: (build) => ({
    login: build.mutation<SessionGrant, Credentials>({
      query: (body) => ({ url: 'auth/login', method: 'POST', body }),
    }),
    /** The silent refresh on page load; its failure only means "not signed in". */
    restoreSession: build.mutation<SessionGrant, void>({
      query: () => ({ url: 'auth/refresh', method: 'POST' }),
    }),
    logout: build.mutation<void, void>({
      query: () => ({ url: 'auth/logout', method: 'POST' }),
    }),
    me: build.query<User, void>({
      query: () => 'me',
      providesTags: ['Me'],
    }),
  }),
});

export const { useLoginMutation, useRestoreSessionMutation, useLogoutMutation, useMeQuery } =
  authApi;
