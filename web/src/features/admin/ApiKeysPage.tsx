import { useState, type FormEvent } from 'react';
import { useAppSelector } from '../../app/hooks';
import { describeFailure, fieldError, type Failure } from '../../app/problem';
import { selectPermissions } from '../../app/session';
import { Field } from '../../components/Field';
import { formatInstant } from '../../components/format';
import { PageTitle } from '../../components/PageTitle';
import {
  dangerButton,
  panelClass,
  primaryButton,
  secondaryButton,
  tableClass,
  tdClass,
  thClass,
} from '../../components/styles';
import {
  useCreateApiKeyMutation,
  useListApiKeysQuery,
  useRevokeApiKeyMutation,
  type ApiKey,
  type IssuedApiKey,
} from './apiKeysApi';
import { IssuedKeyNotice } from './IssuedKeyNotice';
import { CheckboxGroup } from '../../components/CheckboxGroup';

function KeyRow({ apiKey }: { apiKey: ApiKey }) {
  const [revoke, { isLoading }] = useRevokeApiKeyMutation();
  const [confirming, setConfirming] = useState(false);
  return (
    <tr data-testid="api-key-row">
      <td className={tdClass}>{apiKey.name}</td>
      <td className={`${tdClass} font-mono text-xs`}>{apiKey.prefix}…</td>
      <td className={`${tdClass} font-mono text-xs`}>{apiKey.scopes.join(', ')}</td>
      <td className={`${tdClass} whitespace-nowrap text-slate-400`}>
        {formatInstant(apiKey.createdAt)}
      </td>
      <td className={`${tdClass} whitespace-nowrap text-slate-400`}>
        {formatInstant(apiKey.lastUsedAt)}
      </td>
      <td className={tdClass}>
        {apiKey.revokedAt ? (
          <span className="text-slate-500">Revoked {formatInstant(apiKey.revokedAt)}</span>
        ) : confirming ? (
          <div className="flex gap-1.5">
            <button
              type="button"
              className={dangerButton}
              disabled={isLoading}
              onClick={() => void revoke(apiKey.id)}
            >
              Confirm revoke
            </button>
            <button type="button" className={secondaryButton} onClick={() => setConfirming(false)}>
              Keep
            </button>
          </div>
        ) : (
          <button type="button" className={dangerButton} onClick={() => setConfirming(true)}>
            Revoke
          </button>
        )}
      </td>
    </tr>
  );
}

function CreateKeyForm({ onIssued }: { onIssued: (key: IssuedApiKey) => void }) {
  // A key can carry only scopes its owner holds, so the choices are the user's own permissions.
  const permissions = useAppSelector(selectPermissions);
  const [createKey, { isLoading }] = useCreateApiKeyMutation();
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<string[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFailure(null);
    if (!name.trim()) return setProblem('Name the key after what will use it.');
    if (scopes.length === 0) return setProblem('Choose at least one scope.');
    setProblem(null);
    try {
      onIssued(await createKey({ name: name.trim(), scopes }).unwrap());
      setName('');
      setScopes([]);
    } catch (error) {
      setFailure(describeFailure(error as Parameters<typeof describeFailure>[0]));
    }
  }

  return (
    <form
      onSubmit={submit}
      noValidate
      className={`${panelClass} space-y-3`}
      aria-label="Create API key"
    >
      <h2 className="text-base font-semibold text-slate-100">Create API key</h2>
      <div className="max-w-sm">
        <Field
          label="Name"
          name="name"
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={fieldError(failure, 'name')}
        />
      </div>
      <fieldset className="space-y-1">
        <legend className="text-sm text-slate-300">Scopes</legend>
        <CheckboxGroup name="scopes" options={permissions} selected={scopes} onChange={setScopes} />
        {fieldError(failure, 'scopes') ? (
          <p className="text-xs text-rose-400">{fieldError(failure, 'scopes')}</p>
        ) : null}
      </fieldset>
      {problem ? <p className="text-xs text-rose-400">{problem}</p> : null}
      <button type="submit" className={primaryButton} disabled={isLoading}>
        {isLoading ? 'Creating…' : 'Create key'}
      </button>
    </form>
  );
}

export function ApiKeysPage() {
  const { data, isLoading, isError } = useListApiKeysQuery();
  const [issued, setIssued] = useState<IssuedApiKey | null>(null);
  return (
    <section className="space-y-4">
      <PageTitle title="API keys" />
      {issued ? <IssuedKeyNotice issued={issued} onClose={() => setIssued(null)} /> : null}
      <CreateKeyForm onIssued={setIssued} />
      <div className={panelClass}>
        {isLoading ? <p className="text-sm text-slate-400">Loading keys…</p> : null}
        {isError ? <p className="text-sm text-rose-400">The keys could not be loaded.</p> : null}
        {data && data.items.length === 0 ? (
          <p className="text-sm text-slate-400">No API keys yet.</p>
        ) : null}
        {data && data.items.length > 0 ? (
          <div className="overflow-x-auto">
            <table className={tableClass}>
              <thead>
                <tr>
                  <th className={thClass}>Name</th>
                  <th className={thClass}>Prefix</th>
                  <th className={thClass}>Scopes</th>
                  <th className={thClass}>Created</th>
                  <th className={thClass}>Last used</th>
                  <th className={thClass}>Status</th>
                </tr>
              </thead>
              <tbody>
                {data.items.map((key) => (
                  <KeyRow key={key.id} apiKey={key} />
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </div>
    </section>
  );
}
