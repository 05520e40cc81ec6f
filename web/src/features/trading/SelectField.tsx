import { useId, type SelectHTMLAttributes } from 'react';
import { inputClass } from '../../components/styles';

interface SelectFieldProps extends Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id'> {
  label: string;
  options: readonly { value: string; label: string }[];
  error?: string | null;
}

/** A labelled select with its message beside it, as `Field` does for inputs. */
export function SelectField({ label, options, error, ...select }: SelectFieldProps) {
  const id = useId();
  const errorId = `${id}-error`;
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm text-slate-300">
        {label}
      </label>
      <select
        id={id}
        className={inputClass}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        {...select}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {error ? (
        <p
          id={errorId}
          className="text-xs text-rose-400"
          data-testid={`error-${select.name ?? id}`}
        >
          {error}
        </p>
      ) : null}
    </div>
  );
}
