import { useState, type FormEvent } from 'react';
import { useAppSelector } from '../../app/hooks';
import { selectPermissions } from '../../app/session';
import { inputClass, primaryButton } from '../../components/styles';
import { formatFigure } from '../../components/format';
import { utilisationWidth } from './charts';
import { useCreateLimitMutation, useLimitsQuery } from './riskApi';
import type { LimitKind, NewLimit } from './types';

const BAR = { ok: 'bg-emerald-500', warning: 'bg-amber-400', breach: 'bg-rose-500' } as const;

function NewLimitForm() {
  const [createLimit, { isLoading }] = useCreateLimitMutation();
  const [form, setForm] = useState({
    name: '',
    kind: 'position' as LimitKind,
    book: '',
    instrumentId: '',
    threshold: '',
    severity: 'hard' as 'hard' | 'soft',
  });
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) =>
    setForm({ ...form, [key]: e.target.value });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const limit: NewLimit = {
      name: form.name,
      kind: form.kind,
      scope: form.book ? 'book' : 'desk',
      threshold: Number(form.threshold),
      severity: form.severity,
      ...(form.book ? { book: form.book } : {}),
      ...(form.instrumentId ? { instrumentId: form.instrumentId } : {}),
    };
    void createLimit(limit)
      .unwrap()
      .then(() => setForm({ ...form, name: '', threshold: '' }))
      // A refusal is shown by the app's failure notices.
      .catch(() => undefined);
  };
  return (
    <form
      onSubmit={submit}
      className="mt-3 grid grid-cols-2 gap-2 sm:grid-cols-3"
      aria-label="New limit"
      data-testid="limit-form"
    >
      <input
        className={inputClass}
        placeholder="Name"
        aria-label="Limit name"
        value={form.name}
        onChange={set('name')}
        required
      />
      <select className={inputClass} aria-label="Kind" value={form.kind} onChange={set('kind')}>
        <option value="position">Position</option>
        <option value="notional">Notional</option>
        <option value="var">VaR</option>
        <option value="stop_loss">Stop-loss</option>
      </select>
      <input
        className={inputClass}
        placeholder="Book (empty: desk)"
        aria-label="Book"
        value={form.book}
        onChange={set('book')}
      />
      <input
        className={inputClass}
        placeholder="Instrument (optional)"
        aria-label="Instrument"
        value={form.instrumentId}
        onChange={set('instrumentId')}
      />
      <input
        className={inputClass}
        placeholder="Threshold"
        aria-label="Threshold"
        inputMode="decimal"
        value={form.threshold}
        onChange={set('threshold')}
        required
      />
      <select
        className={inputClass}
        aria-label="Severity"
        value={form.severity}
        onChange={set('severity')}
      >
        <option value="hard">Hard</option>
        <option value="soft">Soft</option>
      </select>
      <button type="submit" className={primaryButton} disabled={isLoading}>
        Set limit
      </button>
    </form>
  );
}

/** Limits with a utilisation bar per book; measured by the server at each look, so polled. */
export function LimitsPanel() {
  const canWrite = useAppSelector(selectPermissions).includes('risk:write');
  const { data, isError } = useLimitsQuery(undefined, { pollingInterval: 5000 });
  return (
    <div>
      {isError ? <p className="text-sm text-rose-400">Limits could not be loaded.</p> : null}
      {data && data.items.length === 0 ? (
        <p className="text-sm text-slate-400">No limits set.</p>
      ) : null}
      <ul className="space-y-3" data-testid="limits">
        {data?.items.map((limit) => (
          <li key={limit.id} data-testid="limit">
            <p className="text-sm text-slate-200">
              <span className="font-medium">{limit.name}</span>{' '}
              <span className="text-xs text-slate-400">
                {limit.severity} {limit.kind.replace('_', '-')} ≤ {formatFigure(limit.threshold)}{' '}
                {limit.unit} {limit.instrumentId ?? ''}{' '}
                {limit.book ? `· ${limit.book}` : '· every desk book'}
              </span>
            </p>
            {limit.utilisation.length === 0 ? (
              <p className="text-xs text-slate-500">Nothing measured yet.</p>
            ) : null}
            {limit.utilisation.map((u) => (
              <div
                key={u.book ?? 'desk'}
                className="mt-1 grid grid-cols-[6rem_1fr_5rem] items-center gap-2 text-xs"
                data-testid="utilisation"
                data-status={u.status}
              >
                <span className="text-slate-400">{u.book ?? 'desk'}</span>
                <span className="h-2 rounded bg-slate-800">
                  <span
                    className={`block h-2 rounded ${BAR[u.status]}`}
                    style={{ width: `${utilisationWidth(u.utilisation)}%` }}
                  />
                </span>
                <span
                  className="text-right font-mono tabular-nums text-slate-300"
                  title={`${formatFigure(u.value)} ${limit.unit}`}
                >
                  {(u.utilisation * 100).toFixed(0)}%
                </span>
                {u.unconverted.length > 0 ? (
                  <span className="col-span-3 text-amber-400">
                    Left out, no FX rate yet: {u.unconverted.join(', ')}
                  </span>
                ) : null}
              </div>
            ))}
          </li>
        ))}
      </ul>
      {canWrite ? <NewLimitForm /> : null}
    </div>
  );
}
