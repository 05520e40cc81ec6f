import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { Provider } from 'react-redux';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFakeFetch, json } from '../../app/fakeFetch';
import { makeStore } from '../../app/store';
import { SessionGate } from './SessionGate';

/** Node's Request wants absolute URLs; the app asks for same-origin paths, as a browser resolves them. */
class SameOriginRequest extends Request {
  constructor(input: RequestInfo | URL, init?: RequestInit) {
    super(typeof input === 'string' ? new URL(input, 'http://desk.test') : input, init);
  }
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  document.cookie = 'eo_csrf=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/';
});

function renderGate() {
  const store = makeStore();
  render(
    <Provider store={store}>
      <SessionGate>
        <p>signed-in area</p>
      </SessionGate>
    </Provider>,
  );
  return store;
}

describe('restoring the session on page load', () => {
  it('asks the server nothing on a first visit, when no session cookie exists', async () => {
    const { fetchFn, requests } = createFakeFetch({});
    vi.stubGlobal('fetch', fetchFn);
    vi.stubGlobal('Request', SameOriginRequest);
    const store = renderGate();
    await screen.findByText('signed-in area');
    expect(store.getState().session.status).toBe('anonymous');
    expect(requests).toEqual([]);
  });

  it('trades the refresh cookie for an access token when the session cookies are there', async () => {
    document.cookie = 'eo_csrf=abc; path=/';
    const { fetchFn, requests } = createFakeFetch({
      'POST /api/v1/auth/refresh': [json(401, { code: 'session_expired' })],
    });
    vi.stubGlobal('fetch', fetchFn);
    vi.stubGlobal('Request', SameOriginRequest);
    renderGate();
    await waitFor(() =>
      expect(requests).toEqual([
        expect.objectContaining({ method: 'POST', path: '/api/v1/auth/refresh', csrf: 'abc' }),
      ]),
    );
  });
});
