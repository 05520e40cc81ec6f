import { Navigate, Outlet, useLocation } from 'react-router';
import { useAppSelector } from '../../app/hooks';
import { selectSessionStatus } from '../../app/session';

/** Pages behind login send an anonymous visitor to the login page and bring them back after. */
export function RequireSession() {
  const status = useAppSelector(selectSessionStatus);
  const location = useLocation();
  if (status !== 'authenticated') {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={`/login?next=${encodeURIComponent(next)}`} replace />;
  }
  return <Outlet />;
}
