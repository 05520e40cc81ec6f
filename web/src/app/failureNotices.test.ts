// @vitest-environment node
import { combineReducers, configureStore } from '@reduxjs/toolkit';
import { createApi } from '@reduxjs/toolkit/query/react';
import { describe, expect, it } from 'vitest';
import { createSessionBaseQuery } from './baseQuery';
import { createFakeFetch, json, type Answer } from './fakeFetch';
import { noticeFailedRequests } from './failureNotices';
import { notificationsSlice } from './notifications';
import { sessionSlice } from './session';

function deskWith(script: Record<string, Answer[]>) {
  const { fetchFn } = createFakeFetch(script);
  const testApi = createApi({
    reducerPath: 'api',
    baseQuery: createSessionBaseQuery({
      baseUrl: 'http://desk.test/api/v1',
      fetchFn,
      readCsrfToken: () => null,
    }),
    endpoints: (build) => ({
      users: build.query<unknown, void>({ query: () => 'users' }),
      login: build.mutation<unknown, void>({
        query: () => ({ url: 'auth/login', method: 'POST' }),
      }),
      restoreSession: build.mutation<unknown, void>({
        query: () => ({ url: 'auth/refresh', method: 'POST' }),
      }),
    }),
  });
  const store = configureStore({
    reducer: combineReducers({
      session: sessionSlice.reducer,
      notifications: notificationsSlice.reducer,
      api: testApi.reducer,
    }),
    middleware: (getDefault) =>
      getDefault().prepend(noticeFailedRequests().middleware).concat(testApi.middleware),
  });
  return { store, testApi };
}

describe('notices of failed requests', () => {
  it('shows the problem title, detail and request id of a refused request', async () => {
    const { store, testApi } = deskWith({
      'GET /api/v1/users': [
        json(403, {
          title: 'Forbidden',
          status: 403,
          detail: 'users:read is required',
          code: 'forbidden',
          requestId: 'req-42',
        }),
      ],
    });
    await store.dispatch(testApi.endpoints.users.initiate());
    expect(store.getState().notifications).toEqual([
      expect.objectContaining({
        tone: 'error',
        title: 'Forbidden',
        detail: 'users:read is required',
        requestId: 'req-42',
      }),
    ]);
  });

  it('takes the request id from the response header when the body has none', async () => {
    const { store, testApi } = deskWith({
      'GET /api/v1/users': [json(502, undefined, { 'x-request-id': 'hdr-7' })],
    });
    await store.dispatch(testApi.endpoints.users.initiate());
    expect(store.getState().notifications[0]).toMatchObject({
      title: 'Request failed with status 502',
      requestId: 'hdr-7',
    });
  });

  it('stays quiet when the silent session restore finds no session', async () => {
    const { store, testApi } = deskWith({
      'POST /api/v1/auth/refresh': [json(401, { title: 'Unauthorized', status: 401 })],
    });
    await store.dispatch(testApi.endpoints.restoreSession.initiate());
    expect(store.getState().notifications).toEqual([]);
  });

  it('treats the server asking for a TOTP code as a step of login, not a failure', async () => {
    const { store, testApi } = deskWith({
      'POST /api/v1/auth/login': [
        json(401, { title: 'MFA required', status: 401, code: 'mfa_required' }),
        json(401, {
          title: 'Invalid credentials',
          status: 401,
          code: 'invalid_credentials',
          requestId: 'req-9',
        }),
      ],
    });
    await store.dispatch(testApi.endpoints.login.initiate());
    expect(store.getState().notifications).toEqual([]);
    await store.dispatch(testApi.endpoints.login.initiate());
    expect(store.getState().notifications).toEqual([
      expect.objectContaining({ title: 'Invalid credentials', requestId: 'req-9' }),
    ]);
  });
});
