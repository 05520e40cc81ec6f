import { useEffect } from 'react';
import { useAppDispatch, useAppSelector } from '../app/hooks';
import { dismiss, type Notification } from '../app/notifications';

const successLifetimeMs = 5000;

function Toast({ notification }: { notification: Notification }) {
  const dispatch = useAppDispatch();
  const isError = notification.tone === 'error';
  // Errors stay until read and dismissed; confirmations fade on their own.
  useEffect(() => {
    if (isError) return;
    const timer = setTimeout(() => dispatch(dismiss(notification.id)), successLifetimeMs);
    return () => clearTimeout(timer);
  }, [isError, notification.id, dispatch]);

  return (
    <div
      role={isError ? 'alert' : 'status'}
      data-testid="toast"
      className={`pointer-events-auto w-full rounded-lg border p-3 text-sm shadow-lg ${
        isError
          ? 'border-rose-800 bg-rose-950/95 text-rose-100'
          : 'border-emerald-800 bg-emerald-950/95 text-emerald-100'
      }`}
    >
      <div className="flex items-start gap-3">
        <div className="min-w-0 flex-1">
          <p className="font-medium">{notification.title}</p>
          {notification.detail ? (
            <p className="mt-1 break-words opacity-90">{notification.detail}</p>
          ) : null}
          {notification.requestId ? (
            <p className="mt-1 font-mono text-xs opacity-70">
              Request ID: {notification.requestId}
            </p>
          ) : null}
        </div>
        <button
          type="button"
          aria-label="Dismiss"
          className="text-lg leading-none opacity-70 hover:opacity-100"
          onClick={() => dispatch(dismiss(notification.id))}
        >
          ×
        </button>
      </div>
    </div>
  );
}

export function Toaster() {
  const notifications = useAppSelector((state) => state.notifications);
  return (
    <div
      aria-live="polite"
      className="pointer-events-none fixed inset-x-0 bottom-0 z-50 flex flex-col items-end gap-2 p-4 sm:inset-x-auto sm:right-0 sm:w-96"
    >
      {notifications.map((n) => (
        <Toast key={n.id} notification={n} />
      ))}
    </div>
  );
}
