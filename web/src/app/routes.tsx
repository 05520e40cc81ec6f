import { lazy, Suspense, type JSX } from 'react';
import { Navigate, type RouteObject } from 'react-router';
import { Layout } from '../components/Layout';
import { NotBuiltYet } from '../components/NotBuiltYet';
import { NotFound } from '../components/NotFound';
import { RequirePermission } from '../components/RequirePermission';
import { AccountPage } from '../features/account/AccountPage';
import { ApiKeysPage } from '../features/admin/ApiKeysPage';
import { AuditLogPage } from '../features/admin/AuditLogPage';
import { RolesPage } from '../features/admin/RolesPage';
import { UsersPage } from '../features/admin/UsersPage';
import { LoginPage } from '../features/auth/LoginPage';
import { RequireSession } from '../features/auth/RequireSession';
import { PortfolioPage } from '../features/portfolio/PortfolioPage';
import { RiskPage } from '../features/risk/RiskPage';
import { TradingPage } from '../features/trading/TradingPage';
import { useAppSelector } from './hooks';
import { adminLinks, canOpen, deskAreas, homePath, type NavLink } from './navigation';
import { selectPermissions } from './session';

function Home() {
  return <Navigate to={homePath(useAppSelector(selectPermissions))} replace />;
}

function AdminHome() {
  const permissions = useAppSelector(selectPermissions);
  const first = adminLinks.find((link) => canOpen(link, permissions));
  return first ? (
    <Navigate to={first.path} replace />
  ) : (
    <RequirePermission anyOf={['users:read']}>{null}</RequirePermission>
  );
}

// The chart library is the largest dependency; it loads with the page that draws charts.
const MarketsPage = lazy(() =>
  import('../features/markets/MarketsPage').then((m) => ({ default: m.MarketsPage })),
);

const ForecastsPage = lazy(() =>
  import('../features/forecasts/ForecastsPage').then((m) => ({ default: m.ForecastsPage })),
);

function PageLoading() {
  return (
    <p className="text-sm text-slate-400" role="status">
      Loading…
    </p>
  );
}

/** Desk areas that are built; the others say honestly that they are not yet. */
const deskPages: Record<string, JSX.Element> = {
  '/markets': (
    <Suspense fallback={<PageLoading />}>
      <MarketsPage />
    </Suspense>
  ),
  '/trading': <TradingPage />,
  '/portfolio': <PortfolioPage />,
  '/risk': <RiskPage />,
  '/forecasts': (
    <Suspense fallback={<PageLoading />}>
      <ForecastsPage />
    </Suspense>
  ),
};

const adminPages: Record<string, JSX.Element> = {
  '/admin/users': <UsersPage />,
  '/admin/roles': <RolesPage />,
  '/admin/api-keys': <ApiKeysPage />,
  '/admin/audit': <AuditLogPage />,
};

function guarded(link: NavLink, page: JSX.Element): RouteObject {
  return {
    path: link.path.slice(1),
    element: <RequirePermission anyOf={link.anyOf}>{page}</RequirePermission>,
  };
}

export const routes: RouteObject[] = [
  { path: '/login', element: <LoginPage /> },
  {
    element: <RequireSession />,
    children: [
      {
        element: <Layout />,
        children: [
          { index: true, element: <Home /> },
          ...deskAreas.map((area) =>
            guarded(
              area,
              deskPages[area.path] ?? <NotBuiltYet area={area.label} summary={area.summary} />,
            ),
          ),
          { path: 'admin', element: <AdminHome /> },
          ...adminLinks.map((link) => guarded(link, adminPages[link.path] ?? <NotFound />)),
          { path: 'account', element: <AccountPage /> },
          { path: '*', element: <NotFound /> },
        ],
      },
    ],
  },
];
