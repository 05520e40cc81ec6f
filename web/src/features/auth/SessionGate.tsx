import { useEffect, useRef, type ReactNode } from 'react';
import { useAppDispatch, useAppSelector } from '../../app/hooks';
import { loggedOut, selectSessionStatus, sessionStarted } from '../../app/session';
import { useRestoreSessionMutation } from '../../app/authApi';
import { readCsrfCookie } from '../../app/csrf';

/**
 * On load, trades the refresh cookie (if any) for an access token before any page asks for
 * data. The refresh cookie is httpOnly, but the CSRF cookie set and cleared with it is
 * readable: without it there is no session to restore, so a first visit asks nothing and
 * leaves no refused request in the audit trail.
 */
export function SessionGate({ children }: { children: ReactNode }) {
  const dispatch = useAppDispatch();
  const status = useAppSelector(selectSessionStatus);
  const [restoreSession] = useRestoreSessionMutation();
  // The server rotates the refresh token; a second refresh with the same cookie
  // (React runs effects twice in development) would present a spent token.
  const attempted = useRef(false);

  useEffect(() => {
    if (status !== 'restoring' || attempted.current) return;
    attempted.current = true;
    if (readCsrfCookie() === null) {
      dispatch(loggedOut());
      return;
    }
    restoreSession()
      .unwrap()
      .then((grant) => dispatch(sessionStarted(grant)))
      .catch(() => dispatch(loggedOut()));
  }, [status, restoreSession, dispatch]);

  if (status === 'restoring') {
    return (
      <div
        className="flex min-h-screen items-center justify-center bg-slate-950 text-slate-400"
        role="status"
      >
        Restoring your session…
      </div>
    );
  }
  return children;
}
