import { formatInstantShort } from '../../components/format';
import { useAlertsQuery } from './riskApi';

const TONE = {
  breach: 'text-rose-300',
  refused: 'text-amber-300',
  cleared: 'text-emerald-300',
} as const;

/** While the risk stream is down the list is polled instead, this often. */
export const fallbackPollMs = 3_000;

/**
 * Limit breaches, clearings and refused orders, newest first. With the risk stream live,
 * alerts are pushed into this list as they are raised; without it, the list is polled.
 */
export function AlertsList({ live }: { live: boolean }) {
  const { data, isError } = useAlertsQuery(undefined, {
    pollingInterval: live ? 0 : fallbackPollMs,
  });
  if (isError) return <p className="text-sm text-rose-400">Alerts could not be loaded.</p>;
  if (!data || data.items.length === 0)
    return (
      <p className="text-sm text-slate-400" data-testid="alerts-empty">
        No alerts.
      </p>
    );
  return (
    <ul className="space-y-2" data-testid="alerts" aria-live="polite">
      {data.items.map((a) => (
        <li key={a.id} className="text-sm" data-testid="alert">
          <span className={`mr-2 font-semibold uppercase ${TONE[a.kind]}`}>{a.kind}</span>
          <span className="text-slate-200">{a.message}</span>
          <span className="ml-2 text-xs text-slate-500">{formatInstantShort(a.at)}</span>
        </li>
      ))}
    </ul>
  );
}
