import { useMemo, useState } from 'react';
import { Link, Outlet, useNavigate } from 'react-router';
import { useAppDispatch, useAppSelector } from '../app/hooks';
import { visibleNavigation } from '../app/navigation';
import { loggedOut, selectUser } from '../app/session';
import { useLogoutMutation } from '../app/authApi';
import { SideNav } from './SideNav';
import { secondaryButton } from './styles';

export function Layout() {
  const user = useAppSelector(selectUser);
  const dispatch = useAppDispatch();
  const navigate = useNavigate();
  const [logout, { isLoading: loggingOut }] = useLogoutMutation();
  const [navOpen, setNavOpen] = useState(false);
  const sections = useMemo(() => visibleNavigation(user?.permissions ?? []), [user]);

  async function signOut() {
    // Even if the server cannot be reached, the token leaves memory here.
    await logout()
      .unwrap()
      .catch(() => undefined);
    dispatch(loggedOut());
    await navigate('/login', { replace: true });
  }

  return (
    <div className="min-h-screen bg-slate-950 text-slate-200">
      <header className="sticky top-0 z-40 flex h-14 items-center gap-3 border-b border-slate-800 bg-slate-900/95 px-3 backdrop-blur md:px-5">
        <button
          type="button"
          className="rounded-md border border-slate-700 p-2 text-slate-200 hover:bg-slate-800 md:hidden"
          aria-label={navOpen ? 'Close navigation' : 'Open navigation'}
          aria-expanded={navOpen}
          aria-controls="main-nav"
          data-testid="nav-toggle"
          onClick={() => setNavOpen((open) => !open)}
        >
          <svg viewBox="0 0 20 20" className="h-5 w-5" fill="currentColor" aria-hidden="true">
            <path d="M3 5h14v2H3zm0 4h14v2H3zm0 4h14v2H3z" />
          </svg>
        </button>
        <Link to="/" className="font-semibold tracking-tight text-slate-100">
          Energy<span className="text-sky-400">Opti</span>-Pro
        </Link>
        <div className="ml-auto flex min-w-0 items-center gap-3">
          <Link
            to="/account"
            className="min-w-0 text-right text-sm hover:text-sky-300"
            data-testid="current-user"
          >
            <span className="block truncate font-medium text-slate-100">
              {user?.displayName || user?.username}
            </span>
            <span className="hidden truncate text-xs text-slate-400 sm:block">
              {user?.username} · {user?.roles.join(', ')}
            </span>
          </Link>
          <button
            type="button"
            className={secondaryButton}
            onClick={() => void signOut()}
            disabled={loggingOut}
          >
            Log out
          </button>
        </div>
      </header>
      <div className="md:flex">
        <SideNav sections={sections} open={navOpen} onNavigate={() => setNavOpen(false)} />
        <main className="min-w-0 flex-1 p-4 md:p-6">
          {user?.mfaRequired && !user.mfaEnabled ? (
            <p
              className="mb-4 rounded-md border border-amber-900/70 bg-amber-950/40 px-3 py-2 text-sm text-amber-200"
              role="status"
            >
              Your role requires two-step verification.{' '}
              <Link to="/account" className="underline hover:text-amber-100">
                Set it up on your account page
              </Link>
              .
            </p>
          ) : null}
          <Outlet />
        </main>
      </div>
    </div>
  );
}
