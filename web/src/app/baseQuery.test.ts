// @vitest-environment node
import { combineReducers, configureStore } from '@reduxjs/toolkit';
import { createApi } from '@reduxjs/toolkit/query/react';
import { describe, expect, it } from 'vitest';
import { createSessionBaseQuery } from './baseQuery';
import { createFakeFetch, json, type Answer } from './fakeFetch';
import { sessionSlice, sessionStarted } from './session';
import type { User } from './types';

const trader: User = {
  id: 'u1',
  username: 'trader',
  displayName: 'Day-ahead trader',
  roles: ['trader'],
  permissions: ['orders:read'],
  mfaEnabled: false,
  mfaRequired: false,
  disabled: false,
  createdAt: '2025-01-01T00:00:00Z',
  lastLoginAt: null,
};

const expired = json(401, {
  title: 'Unauthorized',
  status: 401,
  code: 'token_expired',
  requestId: 'r-401',
});

function deskWith(script: Record<string, Answer[]>) {
  const { fetchFn, requests } = createFakeFetch(script);
  const testApi = createApi({
    reducerPath: 'api',
    baseQuery: createSessionBaseQuery({
      baseUrl: 'http://desk.test/api/v1',
      fetchFn,
      readCsrfToken: () => 'csrf-123',
    }),
    endpoints: (build) => ({
      orders: build.query<{ items: string[] }, void>({ query: () => 'orders' }),
      positions: build.query<{ items: string[] }, void>({ query: () => 'positions' }),
      login: build.mutation<unknown, void>({
        query: () => ({ url: 'auth/login', method: 'POST', body: {} }),
      }),
    }),
  });
  const store = configureStore({
    reducer: combineReducers({ session: sessionSlice.reducer, api: testApi.reducer }),
    middleware: (getDefault) => getDefault().concat(testApi.middleware),
  });
  store.dispatch(sessionStarted({ accessToken: 'old-token', expiresIn: 900, user: trader }));
  return { store, testApi, requests };
}

describe('the session base query', () => {
  it('sends the in-memory access token as a bearer header', async () => {
    const { store, testApi, requests } = deskWith({
      'GET /api/v1/orders': [json(200, { items: ['o1'] })],
    });
    const result = await store.dispatch(testApi.endpoints.orders.initiate());
    expect(result.data).toEqual({ items: ['o1'] });
    expect(requests[0]?.authorization).toBe('Bearer old-token');
  });

  it('refreshes an expired token through the cookie and replays the request once', async () => {
    const { store, testApi, requests } = deskWith({
      'GET /api/v1/orders': [expired, json(200, { items: ['o1'] })],
      'POST /api/v1/auth/refresh': [
        json(200, { accessToken: 'new-token', expiresIn: 900, user: trader }),
      ],
    });
    const result = await store.dispatch(testApi.endpoints.orders.initiate());

    expect(result.data).toEqual({ items: ['o1'] });
    expect(requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      'GET /api/v1/orders',
      'POST /api/v1/auth/refresh',
      'GET /api/v1/orders',
    ]);
    const refresh = requests[1];
    expect(refresh?.csrf).toBe('csrf-123');
    expect(refresh?.credentials).toBe('include');
    expect(requests[2]?.authorization).toBe('Bearer new-token');
    expect(store.getState().session.accessToken).toBe('new-token');
  });

  it('logs the user out when the refresh is refused, and does not retry', async () => {
    const { store, testApi, requests } = deskWith({
      'GET /api/v1/orders': [expired],
      'POST /api/v1/auth/refresh': [
        json(401, { title: 'Unauthorized', status: 401, code: 'invalid_refresh' }),
      ],
    });
    const result = await store.dispatch(testApi.endpoints.orders.initiate());

    expect(result.error).toMatchObject({ status: 401 });
    expect(requests).toHaveLength(2);
    expect(store.getState().session).toEqual({
      status: 'anonymous',
      accessToken: null,
      user: null,
    });
  });

  it('shares one refresh between requests that expire together', async () => {
    const { store, testApi, requests } = deskWith({
      'GET /api/v1/orders': [expired, json(200, { items: ['o1'] })],
      'GET /api/v1/positions': [expired, json(200, { items: ['p1'] })],
      'POST /api/v1/auth/refresh': [
        json(200, { accessToken: 'new-token', expiresIn: 900, user: trader }),
      ],
    });
    const [orders, positions] = await Promise.all([
      store.dispatch(testApi.endpoints.orders.initiate()),
      store.dispatch(testApi.endpoints.positions.initiate()),
    ]);

    expect(orders.data).toEqual({ items: ['o1'] });
    expect(positions.data).toEqual({ items: ['p1'] });
    expect(requests.filter((r) => r.path === '/api/v1/auth/refresh')).toHaveLength(1);
  });

  it('passes a 401 from the login endpoint straight through, so the MFA step can be asked for', async () => {
    const { store, testApi, requests } = deskWith({
      'POST /api/v1/auth/login': [
        json(401, { title: 'MFA required', status: 401, code: 'mfa_required' }),
      ],
    });
    const result = await store.dispatch(testApi.endpoints.login.initiate());

    expect(result.error).toMatchObject({ status: 401, data: { code: 'mfa_required' } });
    expect(requests).toHaveLength(1);
    expect(store.getState().session.status).toBe('authenticated');
  });
});
