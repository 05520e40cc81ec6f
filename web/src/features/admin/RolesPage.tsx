import { useAppDispatch, useAppSelector } from '../../app/hooks';
import { notify } from '../../app/notifications';
import { selectPermissions } from '../../app/session';
import { PageTitle } from '../../components/PageTitle';
import { panelClass } from '../../components/styles';
import { useListRolesQuery, useSetRoleMfaMutation, type RolePolicy } from './adminApi';

function RoleCard({ policy, canWrite }: { policy: RolePolicy; canWrite: boolean }) {
  const dispatch = useAppDispatch();
  const [setRoleMfa, { isLoading }] = useSetRoleMfaMutation();

  async function toggle(required: boolean) {
    try {
      await setRoleMfa({ role: policy.role, required }).unwrap();
      const title = required
        ? `MFA is now required for ${policy.role}`
        : `MFA is no longer required for ${policy.role}`;
      dispatch(notify({ tone: 'success', title, detail: null, requestId: null }));
    } catch {
      // The listener has already shown why.
    }
  }

  return (
    <article className={panelClass} data-testid="role-card" data-role={policy.role}>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 className="font-mono text-base text-slate-100">{policy.role}</h2>
        <label className="inline-flex items-center gap-2 text-sm text-slate-300">
          <input
            type="checkbox"
            role="switch"
            className="h-4 w-4 accent-sky-500"
            checked={policy.mfaRequired}
            disabled={!canWrite || isLoading}
            onChange={(e) => void toggle(e.target.checked)}
          />
          Require MFA
        </label>
      </div>
      <ul className="mt-3 flex flex-wrap gap-1.5">
        {policy.permissions.map((permission) => (
          <li
            key={permission}
            className="rounded bg-slate-800 px-2 py-0.5 font-mono text-xs text-slate-300"
          >
            {permission}
          </li>
        ))}
      </ul>
    </article>
  );
}

export function RolesPage() {
  const canWrite = useAppSelector(selectPermissions).includes('roles:write');
  const { data, isLoading, isError } = useListRolesQuery();
  return (
    <section>
      <PageTitle title="Roles & MFA" />
      <p className="mb-4 text-sm text-slate-400">
        What each role may do, and whether its members must use a second factor to sign in.
        {canWrite ? null : ' You can read these settings but not change them.'}
      </p>
      {isLoading ? <p className="text-sm text-slate-400">Loading roles…</p> : null}
      {isError ? <p className="text-sm text-rose-400">The roles could not be loaded.</p> : null}
      <div className="grid gap-3 lg:grid-cols-2">
        {data?.items.map((policy) => (
          <RoleCard key={policy.role} policy={policy} canWrite={canWrite} />
        ))}
      </div>
    </section>
  );
}
