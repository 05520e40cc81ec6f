import { useState, type FormEvent } from 'react';
import { useAppSelector } from '../../app/hooks';
import { selectPermissions } from '../../app/session';
import {
  inputClass,
  primaryButton,
  secondaryButton,
  tableClass,
  tdClass,
  thClass,
} from '../../components/styles';
import { formatFigure } from '../../components/format';
import { parseCreditLimit, utilisationBar, type UtilisationTone } from './credit';
import {
  useChangeCreditLimitMutation,
  useCounterpartiesQuery,
  useRegisterCounterpartyMutation,
} from './portfolioApi';
import type { CounterpartyCredit, MasterAgreement } from './types';

const TONE: Record<UtilisationTone, string> = {
  ok: 'bg-emerald-500',
  warning: 'bg-amber-400',
  breach: 'bg-rose-500',
  none: 'bg-slate-700',
};
type Currency = 'EUR' | 'GBP' | 'USD';
const num = `${tdClass} text-right font-mono tabular-nums`;

function RegisterForm({ name: suggested }: { name: string }) {
  const [register, { isLoading }] = useRegisterCounterpartyMutation();
  const [form, setForm] = useState({
    name: suggested,
    limit: '',
    currency: 'EUR' as Currency,
    agreement: 'EFET' as MasterAgreement,
  });
  const [error, setError] = useState<string | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const parsed = parseCreditLimit(form.limit);
    if ('error' in parsed) return setError(parsed.error);
    setError(null);
    void register({
      name: form.name.trim(),
      creditLimit: parsed.limit,
      currency: form.currency,
      masterAgreement: form.agreement,
    })
      .unwrap()
      .then(() => setForm({ ...form, name: '', limit: '' }))
      // A refusal is shown by the app's failure notices.
      .catch(() => undefined);
  };
  return (
    <form
      onSubmit={submit}
      className="mt-3 grid grid-cols-2 gap-2 sm:grid-cols-5"
      aria-label="Register counterparty"
      data-testid="counterparty-form"
    >
      <input
        className={inputClass}
        placeholder="Counterparty"
        aria-label="Counterparty name"
        value={form.name}
        onChange={(e) => setForm({ ...form, name: e.target.value })}
        required
        maxLength={120}
      />
      <input
        className={inputClass}
        placeholder="Credit limit"
        aria-label="Credit limit"
        inputMode="decimal"
        value={form.limit}
        onChange={(e) => setForm({ ...form, limit: e.target.value })}
      />
      <select
        className={inputClass}
        aria-label="Currency"
        value={form.currency}
        onChange={(e) => setForm({ ...form, currency: e.target.value as Currency })}
      >
        <option>EUR</option>
        <option>GBP</option>
        <option>USD</option>
      </select>
      <select
        className={inputClass}
        aria-label="Master agreement"
        value={form.agreement}
        onChange={(e) => setForm({ ...form, agreement: e.target.value as MasterAgreement })}
      >
        <option value="EFET">EFET (nets)</option>
        <option value="ISDA">ISDA (nets)</option>
        <option value="none">None (no netting)</option>
      </select>
      <button type="submit" className={primaryButton} disabled={isLoading}>
        Register
      </button>
      {error ? (
        <p className="col-span-full text-xs text-rose-400" role="alert">
          {error}
        </p>
      ) : null}
    </form>
  );
}

function LimitEditor({ line }: { line: CounterpartyCredit }) {
  const [change, { isLoading }] = useChangeCreditLimitMutation();
  const [text, setText] = useState(String(line.creditLimit ?? ''));
  const [error, setError] = useState<string | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const parsed = parseCreditLimit(text);
    if ('error' in parsed) return setError(parsed.error);
    setError(null);
    void change({ id: line.id!, creditLimit: parsed.limit })
      .unwrap()
      .catch(() => undefined);
  };
  return (
    <form
      onSubmit={submit}
      className="flex items-center gap-1"
      aria-label={`Credit limit of ${line.name}`}
    >
      <input
        className={`${inputClass} w-28 py-1`}
        aria-label={`New credit limit for ${line.name}`}
        inputMode="decimal"
        value={text}
        onChange={(e) => setText(e.target.value)}
      />
      <button type="submit" className={secondaryButton} disabled={isLoading}>
        Set
      </button>
      {error ? (
        <span className="text-xs text-rose-400" role="alert">
          {error}
        </span>
      ) : null}
    </form>
  );
}

/**
 * Each counterparty's credit line: current exposure (what it owes us today), potential
 * future exposure, and how much of its limit that uses; over the limit is red. A risk
 * manager registers counterparties and sets their limits here.
 */
export function CounterpartiesPanel() {
  const canWrite = useAppSelector(selectPermissions).includes('risk:write');
  const { data, isError } = useCounterpartiesQuery(undefined, { pollingInterval: 15_000 });
  const [suggested, setSuggested] = useState('');
  return (
    <div>
      {isError ? (
        <p className="text-sm text-rose-400">Counterparties could not be loaded.</p>
      ) : null}
      {data && data.items.length === 0 ? (
        <p className="text-sm text-slate-400">No counterparties registered or dealt with yet.</p>
      ) : null}
      {data && data.items.length > 0 ? (
        <div className="relative overflow-x-auto">
          <table className={tableClass} data-testid="counterparties">
            <thead>
              <tr>
                <th className={thClass}>Counterparty</th>
                <th className={`${thClass} text-right`}>Deals</th>
                <th className={`${thClass} text-right`}>Current</th>
                <th className={`${thClass} text-right`}>PFE</th>
                <th className={`${thClass} text-right`}>Limit</th>
                <th className={thClass}>Utilisation</th>
                {canWrite ? <th className={thClass}>Change</th> : null}
              </tr>
            </thead>
            <tbody>
              {data.items.map((line) => {
                const bar = utilisationBar(line);
                return (
                  <tr
                    key={line.name}
                    data-testid="counterparty"
                    data-name={line.name}
                    data-status={line.status}
                  >
                    <td className={tdClass}>
                      {line.name}
                      {line.overLimit ? (
                        <span className="ml-2 rounded bg-rose-900 px-1.5 text-xs text-rose-100">
                          over limit
                        </span>
                      ) : null}
                      {line.masterAgreement ? (
                        <span className="block text-xs text-slate-500">
                          {line.masterAgreement === 'none' ? 'no netting' : line.masterAgreement}
                        </span>
                      ) : null}
                    </td>
                    <td className={num}>{line.openDeals}</td>
                    <td className={num}>{formatFigure(line.currentExposure, 0)}</td>
                    <td className={num}>{formatFigure(line.potentialFutureExposure, 0)}</td>
                    <td className={num}>
                      {line.creditLimit === null
                        ? '—'
                        : `${formatFigure(line.creditLimit, 0)} ${line.currency ?? ''}`}
                    </td>
                    <td className={tdClass}>
                      <div className="grid grid-cols-[1fr_3.5rem] items-center gap-2 text-xs">
                        <span className="h-2 rounded bg-slate-800">
                          <span
                            className={`block h-2 rounded ${TONE[bar.tone]}`}
                            style={{ width: `${bar.width}%` }}
                          />
                        </span>
                        <span className="text-right font-mono tabular-nums text-slate-300">
                          {bar.label}
                        </span>
                      </div>
                    </td>
                    {canWrite ? (
                      <td className={tdClass}>
                        {line.id ? (
                          <LimitEditor line={line} />
                        ) : (
                          <button
                            type="button"
                            className={secondaryButton}
                            onClick={() => setSuggested(line.name)}
                          >
                            Register
                          </button>
                        )}
                      </td>
                    ) : null}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : null}
      {data?.warnings.map((w) => (
        <p key={w} className="mt-1 text-xs text-amber-300">
          {w}
        </p>
      ))}
      {/* Keyed by the suggested name, so "Register" on a row starts the form afresh with it. */}
      {canWrite ? <RegisterForm key={suggested} name={suggested} /> : null}
    </div>
  );
}
