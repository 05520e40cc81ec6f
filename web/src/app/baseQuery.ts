import {
  fetchBaseQuery,
  type BaseQueryApi,
  type BaseQueryFn,
  type FetchArgs,
  type FetchBaseQueryError,
  type FetchBaseQueryMeta,
} from '@reduxjs/toolkit/query/react';
import { readCsrfCookie } from './csrf';
import { loggedOut, selectAccessToken, sessionStarted, type SessionState } from './session';
import type { SessionGrant } from './types';

export type SessionBaseQuery = BaseQueryFn<
  string | FetchArgs,
  unknown,
  FetchBaseQueryError,
  object,
  FetchBaseQueryMeta
>;

export interface SessionBaseQueryOptions {
  baseUrl: string;
  fetchFn?: typeof fetch;
  readCsrfToken?: () => string | null;
}

const refreshUrl = 'auth/refresh';

function urlOf(args: string | FetchArgs): string {
  return typeof args === 'string' ? args : args.url;
}

/** Login, refresh and logout answer 401 on purpose (e.g. mfa_required); refreshing on those would loop. */
function isAuthRequest(args: string | FetchArgs): boolean {
  return urlOf(args).replace(/^\//, '').startsWith('auth/');
}

function tokenIn(api: BaseQueryApi): string | null {
  return selectAccessToken(api.getState() as { session: SessionState });
}

/**
 * A base query that sends the in-memory access token and, when the server
 * answers 401, refreshes the token once through the refresh cookie and
 * replays the request. Concurrent 401s share one refresh, because the
 * server rotates the refresh token and a second refresh would present a
 * token already spent. A failed refresh ends the session.
 */
export function createSessionBaseQuery(options: SessionBaseQueryOptions): SessionBaseQuery {
  const readCsrf = options.readCsrfToken ?? (() => readCsrfCookie());
  const raw = fetchBaseQuery({
    baseUrl: options.baseUrl,
    credentials: 'include',
    ...(options.fetchFn ? { fetchFn: options.fetchFn } : {}),
    prepareHeaders(headers, { getState }) {
      const token = selectAccessToken(getState() as { session: SessionState });
      if (token && !headers.has('authorization')) headers.set('authorization', `Bearer ${token}`);
      const csrf = readCsrf();
      if (csrf && !headers.has('x-csrf-token')) headers.set('x-csrf-token', csrf);
      return headers;
    },
  });

  let pendingRefresh: Promise<boolean> | null = null;

  async function refresh(api: BaseQueryApi): Promise<boolean> {
    const result = await raw({ url: refreshUrl, method: 'POST' }, api, {});
    if (result.error || !result.data) return false;
    api.dispatch(sessionStarted(result.data as SessionGrant));
    return true;
  }

  function refreshOnce(api: BaseQueryApi): Promise<boolean> {
    pendingRefresh ??= refresh(api).finally(() => {
      pendingRefresh = null;
    });
    return pendingRefresh;
  }

  return async (args, api, extraOptions) => {
    const tokenSent = tokenIn(api);
    const first = await raw(args, api, extraOptions);
    if (first.error?.status !== 401 || isAuthRequest(args)) return first;

    // Another request may already have refreshed while this one was in flight.
    const alreadyRefreshed = tokenIn(api) !== null && tokenIn(api) !== tokenSent;
    const refreshed = alreadyRefreshed || (await refreshOnce(api));
    if (!refreshed) {
      api.dispatch(loggedOut());
      return first;
    }
    return raw(args, api, extraOptions);
  };
}
