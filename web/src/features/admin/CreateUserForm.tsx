import { useState, type FormEvent } from 'react';
import { useAppDispatch } from '../../app/hooks';
import { notify } from '../../app/notifications';
import { describeFailure, fieldError, type Failure } from '../../app/problem';
import { isRole } from '../../app/types';
import { Field } from '../../components/Field';
import { panelClass, primaryButton } from '../../components/styles';
import { useCreateUserMutation, type NewUser } from './adminApi';
import { CheckboxGroup } from '../../components/CheckboxGroup';
import { useRoleNames } from './useRoleNames';
import { minimumPasswordLength, validateNewUser, type NewUserErrors } from './validateNewUser';

const empty: NewUser = { username: '', displayName: '', password: '', roles: [] };

export function CreateUserForm() {
  const dispatch = useAppDispatch();
  const roleNames = useRoleNames();
  const [createUser, { isLoading }] = useCreateUserMutation();
  const [draft, setDraft] = useState<NewUser>(empty);
  const [errors, setErrors] = useState<NewUserErrors>({});
  const [serverFailure, setServerFailure] = useState<Failure | null>(null);

  // A field's message: the client's check first, else what the server said about it.
  function messageFor(field: keyof NewUser): string | null {
    return errors[field] ?? fieldError(serverFailure, field);
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found = validateNewUser(draft);
    setErrors(found);
    setServerFailure(null);
    if (Object.keys(found).length > 0) return;
    try {
      const user = await createUser({ ...draft, username: draft.username.trim() }).unwrap();
      dispatch(
        notify({
          tone: 'success',
          title: `User ${user.username} created`,
          detail: null,
          requestId: null,
        }),
      );
      setDraft(empty);
    } catch (error) {
      const failure = describeFailure(error as Parameters<typeof describeFailure>[0]);
      // A taken username is about the username field even when the server names no field.
      if (failure.code === 'username_taken' && !fieldError(failure, 'username')) {
        failure.fieldErrors = [
          ...failure.fieldErrors,
          { field: 'username', rule: 'unique', message: 'This username is already taken.' },
        ];
      }
      setServerFailure(failure);
    }
  }

  function set<K extends keyof NewUser>(key: K, value: NewUser[K]) {
    setDraft((d) => ({ ...d, [key]: value }));
  }

  return (
    <form
      onSubmit={submit}
      noValidate
      className={`${panelClass} space-y-3`}
      data-testid="create-user-form"
      aria-label="Create user"
    >
      <h2 className="text-base font-semibold text-slate-100">Create user</h2>
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
        <Field
          label="Username"
          name="username"
          autoComplete="off"
          value={draft.username}
          onChange={(e) => set('username', e.target.value)}
          error={messageFor('username')}
        />
        <Field
          label="Display name"
          name="displayName"
          autoComplete="off"
          value={draft.displayName}
          onChange={(e) => set('displayName', e.target.value)}
          error={messageFor('displayName')}
        />
        <Field
          label={`Password (at least ${minimumPasswordLength} characters)`}
          name="password"
          type="password"
          autoComplete="new-password"
          value={draft.password}
          onChange={(e) => set('password', e.target.value)}
          error={messageFor('password')}
        />
      </div>
      <fieldset className="space-y-1">
        <legend className="text-sm text-slate-300">Roles</legend>
        <CheckboxGroup
          name="new-user-roles"
          options={roleNames}
          selected={draft.roles}
          onChange={(roles) => set('roles', roles.filter(isRole))}
        />
        {messageFor('roles') ? (
          <p className="text-xs text-rose-400" data-testid="error-roles">
            {messageFor('roles')}
          </p>
        ) : null}
      </fieldset>
      <button type="submit" className={primaryButton} disabled={isLoading}>
        {isLoading ? 'Creating…' : 'Create user'}
      </button>
    </form>
  );
}
