import { useState, type FormEvent } from 'react';
import { useAppDispatch } from '../../app/hooks';
import { notify } from '../../app/notifications';
import { Field } from '../../components/Field';
import { panelClass, primaryButton, secondaryButton } from '../../components/styles';
import { useConfirmMfaMutation, useEnrolMfaMutation } from './accountApi';

/** Only an inline image is shown; anything else in that field is not a QR code we asked for. */
function isImageDataUrl(url: string): boolean {
  return url.startsWith('data:image/');
}

export function MfaEnrolment() {
  const dispatch = useAppDispatch();
  const [enrol, { data: enrolment, isLoading: enrolling, reset }] = useEnrolMfaMutation();
  const [confirm, { isLoading: confirming }] = useConfirmMfaMutation();
  const [totp, setTotp] = useState('');
  const [message, setMessage] = useState<string | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!/^\d{6,8}$/.test(totp)) return setMessage('Enter the 6-digit code your app shows.');
    setMessage(null);
    try {
      await confirm({ totp }).unwrap();
      dispatch(
        notify({
          tone: 'success',
          title: 'Two-step verification is on',
          detail: 'You will be asked for a code at each sign-in.',
          requestId: null,
        }),
      );
      reset();
      setTotp('');
    } catch {
      setMessage('That code did not match. Check the time on your phone and try the next code.');
    }
  }

  if (!enrolment) {
    return (
      <button
        type="button"
        className={primaryButton}
        disabled={enrolling}
        onClick={() =>
          void enrol()
            .unwrap()
            .catch(() => undefined)
        }
      >
        {enrolling ? 'Preparing…' : 'Set up two-step verification'}
      </button>
    );
  }

  return (
    <div className={`${panelClass} space-y-4`} data-testid="mfa-enrolment">
      <p className="text-sm text-slate-300">
        Scan this code with an authenticator app, or enter the key by hand, then type the code it
        shows.
      </p>
      <div className="flex flex-col gap-4 sm:flex-row sm:items-start">
        {isImageDataUrl(enrolment.qrDataUrl) ? (
          <img
            src={enrolment.qrDataUrl}
            alt="QR code for your authenticator app"
            className="h-44 w-44 rounded bg-white p-2"
          />
        ) : null}
        <div className="min-w-0 space-y-2 text-sm">
          <p className="text-slate-400">Key</p>
          <code
            className="block break-all rounded bg-slate-950 px-2 py-1 font-mono text-slate-100"
            data-testid="mfa-secret"
          >
            {enrolment.secret}
          </code>
          <p className="text-slate-400">Link</p>
          <code
            className="block break-all rounded bg-slate-950 px-2 py-1 font-mono text-xs text-slate-300"
            data-testid="otpauth-uri"
          >
            {enrolment.otpauthUri}
          </code>
        </div>
      </div>
      <form onSubmit={submit} noValidate className="flex flex-wrap items-end gap-2">
        <div className="w-40">
          <Field
            label="Code"
            name="totp"
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={8}
            value={totp}
            onChange={(e) => setTotp(e.target.value.trim())}
          />
        </div>
        <button type="submit" className={primaryButton} disabled={confirming}>
          Confirm
        </button>
        <button type="button" className={secondaryButton} onClick={reset}>
          Cancel
        </button>
      </form>
      {message ? <p className="text-sm text-rose-400">{message}</p> : null}
    </div>
  );
}
