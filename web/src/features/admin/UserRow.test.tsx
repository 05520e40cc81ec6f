import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { Provider } from 'react-redux';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFakeFetch, json } from '../../app/fakeFetch';
import { sessionStarted } from '../../app/session';
import { makeStore } from '../../app/store';
import type { User } from '../../app/types';
import { UserRow } from './UserRow';

const user = (over: Partial<User>): User => ({
  id: 'u-1',
  username: 'someone',
  displayName: 'Someone',
  roles: ['trader'],
  permissions: [],
  mfaEnabled: false,
  mfaRequired: false,
  disabled: false,
  createdAt: '2026-01-01T00:00:00Z',
  lastLoginAt: null,
  ...over,
});

/** Node's Request wants absolute URLs; the app asks for same-origin paths, as a browser resolves them. */
class SameOriginRequest extends Request {
  constructor(input: RequestInfo | URL, init?: RequestInit) {
    super(typeof input === 'string' ? new URL(input, 'http://desk.test') : input, init);
  }
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('user administration row', () => {
  it("lifts the sign-in locks on a user's name when an admin presses Unlock sign-in", async () => {
    const { fetchFn, requests } = createFakeFetch({ 'POST /api/v1/users/u-7/unlock': [json(204)] });
    vi.stubGlobal('fetch', fetchFn);
    vi.stubGlobal('Request', SameOriginRequest);
    const store = makeStore();
    store.dispatch(
      sessionStarted({
        accessToken: 'tok',
        expiresIn: 900,
        user: user({ id: 'admin', username: 'admin', roles: ['admin'] }),
      }),
    );
    render(
      <Provider store={store}>
        <table>
          <tbody>
            <UserRow
              user={user({ id: 'u-7', username: 'compliance' })}
              roleNames={['trader']}
              canWrite
            />
          </tbody>
        </table>
      </Provider>,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Unlock sign-in' }));
    await waitFor(() =>
      expect(store.getState().notifications.map((n) => n.title)).toContain(
        'Sign-in of compliance unlocked',
      ),
    );
    expect(requests).toEqual([
      expect.objectContaining({
        method: 'POST',
        path: '/api/v1/users/u-7/unlock',
        authorization: 'Bearer tok',
      }),
    ]);
  });
});
