import { useState } from 'react';
import { useAppSelector } from '../../app/hooks';
import { selectPermissions } from '../../app/session';
import { PageTitle } from '../../components/PageTitle';
import { Pager } from '../../components/Pager';
import { inputClass, panelClass, tableClass, thClass } from '../../components/styles';
import { useListUsersQuery } from './adminApi';
import { CreateUserForm } from './CreateUserForm';
import { UserRow } from './UserRow';
import { useRoleNames } from './useRoleNames';

const pageSize = 25;

export function UsersPage() {
  const permissions = useAppSelector(selectPermissions);
  const canWrite = permissions.includes('users:write');
  const roleNames = useRoleNames();
  const [search, setSearch] = useState('');
  const [offset, setOffset] = useState(0);
  const { data, isLoading, isError, isFetching } = useListUsersQuery({
    limit: pageSize,
    offset,
    q: search.trim() || undefined,
  });

  return (
    <section className="space-y-4">
      <PageTitle title="Users">
        <input
          type="search"
          aria-label="Search users"
          placeholder="Search by name"
          className={`${inputClass} sm:w-64`}
          value={search}
          onChange={(e) => {
            setSearch(e.target.value);
            setOffset(0);
          }}
        />
      </PageTitle>
      {canWrite ? <CreateUserForm /> : null}
      <div className={panelClass}>
        {isLoading ? <p className="text-sm text-slate-400">Loading users…</p> : null}
        {isError ? (
          <p className="text-sm text-rose-400">The user list could not be loaded.</p>
        ) : null}
        {data ? (
          <>
            <div className="overflow-x-auto">
              <table className={tableClass} data-testid="users-table" aria-busy={isFetching}>
                <thead>
                  <tr>
                    <th className={thClass}>Username</th>
                    <th className={thClass}>Display name</th>
                    <th className={thClass}>Roles</th>
                    <th className={thClass}>MFA</th>
                    <th className={thClass}>Status</th>
                    <th className={thClass}>Last login</th>
                    {canWrite ? <th className={thClass}>Actions</th> : null}
                  </tr>
                </thead>
                <tbody>
                  {data.items.map((user) => (
                    <UserRow key={user.id} user={user} roleNames={roleNames} canWrite={canWrite} />
                  ))}
                </tbody>
              </table>
            </div>
            {data.items.length === 0 ? (
              <p className="mt-3 text-sm text-slate-400">No users match.</p>
            ) : null}
            <Pager offset={offset} limit={pageSize} total={data.total} onOffset={setOffset} />
          </>
        ) : null}
      </div>
    </section>
  );
}
