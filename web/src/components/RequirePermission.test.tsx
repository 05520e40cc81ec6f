import { cleanup, render, screen } from '@testing-library/react';
import { Provider } from 'react-redux';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import { routes } from '../app/routes';
import { sessionStarted } from '../app/session';
import { makeStore } from '../app/store';
import type { User } from '../app/types';
import { RequirePermission } from './RequirePermission';

function userWith(roles: string[], permissions: string[]): User {
  return {
    id: 'u1',
    username: roles[0] ?? 'nobody',
    displayName: 'Desk user',
    roles,
    permissions,
    mfaEnabled: false,
    mfaRequired: false,
    disabled: false,
    createdAt: '2025-01-01T00:00:00Z',
    lastLoginAt: null,
  };
}

function openAs(user: User, path: string) {
  const store = makeStore();
  store.dispatch(sessionStarted({ accessToken: 't', expiresIn: 900, user }));
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  render(
    <Provider store={store}>
      <RouterProvider router={router} />
    </Provider>,
  );
  return router;
}

afterEach(cleanup);

describe('pages a user lacks permission for', () => {
  it('tells a viewer opening the users page that they may not, and shows no table', () => {
    openAs(userWith(['viewer'], ['market-data:read', 'portfolio:read']), '/admin/users');
    expect(screen.getByTestId('forbidden').textContent).toContain(
      'You do not have permission to view this page',
    );
    expect(screen.queryByTestId('users-table')).toBeNull();
    expect(screen.queryByRole('link', { name: 'Users' })).toBeNull();
  });

  it('shows a permitted area, which says honestly that it is not built yet', () => {
    openAs(userWith(['analyst'], ['optimisation:read']), '/optimisation');
    expect(screen.queryByTestId('forbidden')).toBeNull();
    expect(screen.getByTestId('not-built-yet').textContent).toContain('It is not available yet');
  });

  it('sends a visitor without a session to the login page', () => {
    const store = makeStore();
    const router = createMemoryRouter(routes, { initialEntries: ['/risk'] });
    render(
      <Provider store={store}>
        <RouterProvider router={router} />
      </Provider>,
    );
    expect(router.state.location.pathname).toBe('/login');
    expect(router.state.location.search).toBe('?next=%2Frisk');
  });

  it('renders its page for a user holding any one of the permissions', () => {
    const store = makeStore();
    store.dispatch(
      sessionStarted({
        accessToken: 't',
        expiresIn: 900,
        user: userWith(['compliance_officer'], ['audit:read']),
      }),
    );
    render(
      <Provider store={store}>
        <RequirePermission anyOf={['users:read', 'audit:read']}>
          <p>audit page</p>
        </RequirePermission>
      </Provider>,
    );
    expect(screen.getByText('audit page')).toBeTruthy();
  });
});
