import { useEffect } from 'react';
import { useAppDispatch, useAppSelector } from '../../app/hooks';
import { selectUser, userUpdated } from '../../app/session';
import { formatInstant } from '../../components/format';
import { PageTitle } from '../../components/PageTitle';
import { panelClass } from '../../components/styles';
import { useMeQuery } from '../../app/authApi';
import { MfaEnrolment } from './MfaEnrolment';

export function AccountPage() {
  const dispatch = useAppDispatch();
  const user = useAppSelector(selectUser);
  const { data: me } = useMeQuery();

  // The server's view of the account wins, e.g. after MFA is switched on.
  useEffect(() => {
    if (me) dispatch(userUpdated(me));
  }, [me, dispatch]);

  if (!user) return null;
  return (
    <section className="max-w-3xl space-y-4">
      <PageTitle title="My account" />
      <dl className={`${panelClass} grid grid-cols-[auto_1fr] gap-x-6 gap-y-2 text-sm`}>
        <dt className="text-slate-400">Username</dt>
        <dd className="font-mono">{user.username}</dd>
        <dt className="text-slate-400">Display name</dt>
        <dd>{user.displayName}</dd>
        <dt className="text-slate-400">Roles</dt>
        <dd>{user.roles.join(', ')}</dd>
        <dt className="text-slate-400">Last login</dt>
        <dd>{formatInstant(user.lastLoginAt)}</dd>
      </dl>
      <div className="space-y-3">
        <h2 className="text-base font-semibold text-slate-100">Two-step verification</h2>
        {user.mfaEnabled ? (
          <p className="text-sm text-emerald-300" data-testid="mfa-on">
            On. Each sign-in asks for a code from your authenticator app.
          </p>
        ) : (
          <>
            <p className={`text-sm ${user.mfaRequired ? 'text-amber-300' : 'text-slate-400'}`}>
              {user.mfaRequired
                ? 'Your role requires two-step verification. Set it up now.'
                : 'Off. Add a code from an authenticator app to each sign-in.'}
            </p>
            <MfaEnrolment />
          </>
        )}
      </div>
    </section>
  );
}
