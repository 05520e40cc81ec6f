import { useState, type FormEvent } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { useAppDispatch, useAppSelector } from '../../app/hooks';
import { homePath } from '../../app/navigation';
import { describeFailure } from '../../app/problem';
import { selectSessionStatus, selectUser, sessionStarted } from '../../app/session';
import { Field } from '../../components/Field';
import { primaryButton } from '../../components/styles';
import { useLoginMutation } from '../../app/authApi';

/** Only same-site paths: a crafted `next=https://…` must not send people elsewhere after login. */
function safeNext(next: string | null): string | null {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : null;
}

const messages: Record<string, string> = {
  invalid_credentials: 'The username or password is not right.',
  invalid_totp: 'That code is not valid. Use the current code from your authenticator app.',
  account_locked:
    'This account is locked after too many failed attempts. Sign in with your authenticator code, try again later, or ask an admin to unlock it.',
  login_throttled: 'Too many failed attempts from here. Wait a moment and try again.',
  rate_limited: 'Too many attempts. Wait a moment and try again.',
};

export function LoginPage() {
  const dispatch = useAppDispatch();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const status = useAppSelector(selectSessionStatus);
  const user = useAppSelector(selectUser);
  const [login, { isLoading }] = useLoginMutation();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [totp, setTotp] = useState('');
  const [needsTotp, setNeedsTotp] = useState(false);
  const [message, setMessage] = useState<string | null>(null);

  if (status === 'authenticated' && user) {
    return <Navigate to={safeNext(params.get('next')) ?? homePath(user.permissions)} replace />;
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setMessage(null);
    try {
      const grant = await login(
        needsTotp ? { username, password, totp } : { username, password },
      ).unwrap();
      dispatch(sessionStarted(grant));
      await navigate(safeNext(params.get('next')) ?? homePath(grant.user.permissions), {
        replace: true,
      });
    } catch (error) {
      const failure = describeFailure(error as Parameters<typeof describeFailure>[0]);
      if (failure.code === 'mfa_required') {
        setNeedsTotp(true);
        return;
      }
      // A locked name still opens to the password with a valid code, so offer the code step.
      if (failure.code === 'account_locked') setNeedsTotp(true);
      setMessage((failure.code && messages[failure.code]) ?? failure.detail ?? failure.title);
    }
  }

  return (
    <main className="flex min-h-screen items-center justify-center bg-slate-950 px-4 text-slate-200">
      <form
        onSubmit={submit}
        className="w-full max-w-sm space-y-4 rounded-xl border border-slate-800 bg-slate-900/70 p-6 shadow-xl"
        noValidate
      >
        <div>
          <p className="text-xs uppercase tracking-widest text-sky-400">EnergyOpti-Pro</p>
          <h1 className="mt-1 text-xl font-semibold text-slate-100">
            {needsTotp ? 'Two-step verification' : 'Sign in to the desk'}
          </h1>
        </div>
        {needsTotp ? (
          <>
            <p className="text-sm text-slate-400">
              Enter the 6-digit code from your authenticator app for {username}.
            </p>
            <Field
              label="Authentication code"
              name="totp"
              inputMode="numeric"
              autoComplete="one-time-code"
              pattern="[0-9]*"
              maxLength={8}
              value={totp}
              onChange={(e) => setTotp(e.target.value.trim())}
              autoFocus
              required
            />
          </>
        ) : (
          <>
            <Field
              label="Username"
              name="username"
              autoComplete="username"
              value={username}
              onChange={(e) => setUsername(e.target.value)}
              required
              autoFocus
            />
            <Field
              label="Password"
              name="password"
              type="password"
              autoComplete="current-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              required
            />
          </>
        )}
        {message ? (
          <p
            role="alert"
            className="rounded-md border border-rose-900 bg-rose-950/60 px-3 py-2 text-sm text-rose-200"
            data-testid="login-error"
          >
            {message}
          </p>
        ) : null}
        <button
          type="submit"
          className={`${primaryButton} w-full`}
          disabled={isLoading || !username || !password || (needsTotp && !totp)}
        >
          {isLoading ? 'Signing in…' : needsTotp ? 'Verify' : 'Sign in'}
        </button>
        {needsTotp ? (
          <button
            type="button"
            className="w-full text-center text-xs text-slate-400 hover:text-slate-200"
            onClick={() => {
              setNeedsTotp(false);
              setTotp('');
              setMessage(null);
            }}
          >
            Use a different account
          </button>
        ) : null}
      </form>
    </main>
  );
}
