import { useId, type InputHTMLAttributes } from 'react';
import { inputClass } from './styles';

interface FieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id'> {
  label: string;
  /** A message shown beside the field: the client's own check or the server's field error. */
  error?: string | null;
}

/** A labelled input with its error message tied to it for screen readers. */
export function Field({ label, error, ...input }: FieldProps) {
  const id = useId();
  const errorId = `${id}-error`;
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm text-slate-300">
        {label}
      </label>
      <input
        id={id}
        className={inputClass}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        {...input}
      />
      {error ? (
        <p id={errorId} className="text-xs text-rose-400" data-testid={`error-${input.name ?? id}`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}
