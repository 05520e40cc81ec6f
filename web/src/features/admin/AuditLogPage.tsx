import { useState, type FormEvent } from 'react';
import { formatInstant } from '../../components/format';
import { PageTitle } from '../../components/PageTitle';
import { Pager } from '../../components/Pager';
import {
  inputClass,
  panelClass,
  primaryButton,
  secondaryButton,
  tableClass,
  tdClass,
  thClass,
} from '../../components/styles';
import { auditActions, useListAuditQuery, type AuditEntry } from './auditApi';
import { ChainStatus } from './ChainStatus';

const pageSize = 50;

interface FilterDraft {
  actor: string;
  action: string;
  from: string;
  to: string;
}

const noFilter: FilterDraft = { actor: '', action: '', from: '', to: '' };

/** `datetime-local` gives the viewer's wall-clock time; the server wants an instant. */
function toInstant(local: string): string | undefined {
  if (!local) return undefined;
  const date = new Date(local);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

function AuditRow({ entry }: { entry: AuditEntry }) {
  const details =
    entry.details === null || entry.details === undefined ? '' : JSON.stringify(entry.details);
  return (
    <tr data-testid="audit-row" data-action={entry.action}>
      <td className={`${tdClass} font-mono text-xs text-slate-400`}>{entry.seq}</td>
      <td className={`${tdClass} whitespace-nowrap`}>{formatInstant(entry.at)}</td>
      <td className={`${tdClass} whitespace-nowrap`}>{entry.actor ?? '—'}</td>
      <td className={`${tdClass} font-mono text-xs`}>{entry.action}</td>
      <td className={`${tdClass} whitespace-nowrap`} data-testid="audit-target">
        {entry.target ?? '—'}
      </td>
      <td className={`${tdClass} font-mono text-xs text-slate-400`}>{entry.ip ?? '—'}</td>
      <td className={`${tdClass} max-w-[14rem]`}>
        <code className="block truncate font-mono text-xs text-slate-400" title={details}>
          {details || '—'}
        </code>
      </td>
      <td
        className={`${tdClass} font-mono text-xs text-slate-500`}
        title={`request ${entry.requestId ?? '—'}\nhash ${entry.hash}\nprevious ${entry.prevHash}`}
      >
        {entry.hash.slice(0, 12)}
      </td>
    </tr>
  );
}

export function AuditLogPage() {
  const [draft, setDraft] = useState<FilterDraft>(noFilter);
  const [applied, setApplied] = useState<FilterDraft>(noFilter);
  const [offset, setOffset] = useState(0);
  const { data, isLoading, isError } = useListAuditQuery({
    actor: applied.actor.trim() || undefined,
    action: applied.action || undefined,
    from: toInstant(applied.from),
    to: toInstant(applied.to),
    limit: pageSize,
    offset,
  });

  function apply(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setApplied(draft);
    setOffset(0);
  }

  function set(key: keyof FilterDraft, value: string) {
    setDraft((d) => ({ ...d, [key]: value }));
  }

  return (
    <section className="space-y-4">
      <PageTitle title="Audit log" />
      <ChainStatus />
      <form
        onSubmit={apply}
        className={`${panelClass} grid gap-3 sm:grid-cols-2 lg:grid-cols-5 lg:items-end`}
        aria-label="Filter audit log"
      >
        <label className="space-y-1 text-sm text-slate-300">
          <span className="block">Actor</span>
          <input
            name="actor"
            className={inputClass}
            value={draft.actor}
            onChange={(e) => set('actor', e.target.value)}
            placeholder="user:admin or system"
          />
        </label>
        <label className="space-y-1 text-sm text-slate-300">
          <span className="block">Action</span>
          <select
            name="action"
            className={inputClass}
            value={draft.action}
            onChange={(e) => set('action', e.target.value)}
          >
            <option value="">Any action</option>
            {auditActions.map((action) => (
              <option key={action} value={action}>
                {action}
              </option>
            ))}
          </select>
        </label>
        <label className="space-y-1 text-sm text-slate-300">
          <span className="block">From</span>
          <input
            name="from"
            type="datetime-local"
            className={inputClass}
            value={draft.from}
            onChange={(e) => set('from', e.target.value)}
          />
        </label>
        <label className="space-y-1 text-sm text-slate-300">
          <span className="block">To</span>
          <input
            name="to"
            type="datetime-local"
            className={inputClass}
            value={draft.to}
            onChange={(e) => set('to', e.target.value)}
          />
        </label>
        <div className="flex gap-2">
          <button type="submit" className={primaryButton}>
            Apply
          </button>
          <button
            type="button"
            className={secondaryButton}
            onClick={() => {
              setDraft(noFilter);
              setApplied(noFilter);
              setOffset(0);
            }}
          >
            Clear
          </button>
        </div>
      </form>
      <div className={panelClass}>
        {isLoading ? <p className="text-sm text-slate-400">Loading the audit log…</p> : null}
        {isError ? (
          <p className="text-sm text-rose-400">The audit log could not be loaded.</p>
        ) : null}
        {data ? (
          <>
            <div className="overflow-x-auto">
              <table className={tableClass} data-testid="audit-table">
                <thead>
                  <tr>
                    <th className={thClass}>#</th>
                    <th className={thClass}>When</th>
                    <th className={thClass}>Actor</th>
                    <th className={thClass}>Action</th>
                    <th className={thClass}>Target</th>
                    <th className={thClass}>IP</th>
                    <th className={thClass}>Details</th>
                    <th className={thClass}>Hash</th>
                  </tr>
                </thead>
                <tbody>
                  {data.items.map((entry) => (
                    <AuditRow key={entry.id} entry={entry} />
                  ))}
                </tbody>
              </table>
            </div>
            {data.items.length === 0 ? (
              <p className="mt-3 text-sm text-slate-400">No entries match these filters.</p>
            ) : null}
            <Pager offset={offset} limit={pageSize} total={data.total} onOffset={setOffset} />
          </>
        ) : null}
      </div>
    </section>
  );
}
