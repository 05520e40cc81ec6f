import { useState } from 'react';
import { useAppDispatch } from '../../app/hooks';
import { notify } from '../../app/notifications';
import { isRole, type User } from '../../app/types';
import { formatInstant } from '../../components/format';
import { dangerButton, primaryButton, secondaryButton, tdClass } from '../../components/styles';
import { useUnlockSignInMutation, useUpdateUserMutation, type UserChange } from './adminApi';
import { CheckboxGroup } from '../../components/CheckboxGroup';

interface UserRowProps {
  user: User;
  roleNames: readonly string[];
  canWrite: boolean;
}

export function UserRow({ user, roleNames, canWrite }: UserRowProps) {
  const dispatch = useAppDispatch();
  const [updateUser, { isLoading }] = useUpdateUserMutation();
  const [unlockSignIn, { isLoading: unlocking }] = useUnlockSignInMutation();
  const [editingRoles, setEditingRoles] = useState<string[] | null>(null);

  async function change(body: Omit<UserChange, 'id'>, done: string) {
    try {
      await updateUser({ id: user.id, ...body }).unwrap();
      dispatch(notify({ tone: 'success', title: done, detail: null, requestId: null }));
      return true;
    } catch {
      // The failure toast comes from the listener; the row stays as it was.
      return false;
    }
  }

  async function unlock() {
    try {
      await unlockSignIn(user.id).unwrap();
      dispatch(
        notify({
          tone: 'success',
          title: `Sign-in of ${user.username} unlocked`,
          detail: null,
          requestId: null,
        }),
      );
    } catch {
      // The failure toast comes from the listener.
    }
  }

  return (
    <tr data-testid="user-row" data-username={user.username}>
      <td className={`${tdClass} font-mono`}>{user.username}</td>
      <td className={tdClass} data-testid="user-display-name">
        {user.displayName}
      </td>
      <td className={tdClass}>
        {editingRoles ? (
          <div className="space-y-2">
            <CheckboxGroup
              name={`roles-${user.id}`}
              options={roleNames}
              selected={editingRoles}
              onChange={setEditingRoles}
            />
            <div className="flex gap-2">
              <button
                type="button"
                className={primaryButton}
                disabled={isLoading || editingRoles.length === 0}
                onClick={() =>
                  void change(
                    { roles: editingRoles.filter(isRole) },
                    `Roles of ${user.username} saved`,
                  ).then((ok) => ok && setEditingRoles(null))
                }
              >
                Save
              </button>
              <button
                type="button"
                className={secondaryButton}
                onClick={() => setEditingRoles(null)}
              >
                Cancel
              </button>
            </div>
          </div>
        ) : (
          user.roles.join(', ')
        )}
      </td>
      <td className={tdClass}>
        {user.mfaEnabled ? 'On' : 'Off'}
        {user.mfaRequired && !user.mfaEnabled ? (
          <span className="ml-1 text-xs text-amber-400">(required)</span>
        ) : null}
      </td>
      <td className={tdClass}>
        {user.disabled ? <span className="text-rose-400">Disabled</span> : 'Active'}
      </td>
      <td className={`${tdClass} whitespace-nowrap text-slate-400`}>
        {formatInstant(user.lastLoginAt)}
      </td>
      {canWrite ? (
        <td className={tdClass}>
          <div className="flex gap-1.5 whitespace-nowrap">
            <button
              type="button"
              className={secondaryButton}
              disabled={isLoading || editingRoles !== null}
              onClick={() => setEditingRoles(user.roles)}
            >
              Edit roles
            </button>
            <button
              type="button"
              className={user.disabled ? secondaryButton : dangerButton}
              disabled={isLoading}
              onClick={() =>
                void change(
                  { disabled: !user.disabled },
                  `${user.username} ${user.disabled ? 'enabled' : 'disabled'}`,
                )
              }
            >
              {user.disabled ? 'Enable' : 'Disable'}
            </button>
            <button
              type="button"
              className={secondaryButton}
              disabled={isLoading || !user.mfaEnabled}
              title={
                user.mfaEnabled ? 'The user enrols again at next sign-in' : 'MFA is not set up'
              }
              onClick={() => void change({ resetMfa: true }, `MFA of ${user.username} reset`)}
            >
              Reset MFA
            </button>
            <button
              type="button"
              className={secondaryButton}
              disabled={unlocking}
              title="Lift the locks that failed sign-ins put on this name, from every address"
              onClick={() => void unlock()}
            >
              Unlock sign-in
            </button>
          </div>
        </td>
      ) : null}
    </tr>
  );
}
