interface SegmentedControlProps<T extends string> {
  label: string;
  options: readonly T[];
  value: T;
  onChange: (value: T) => void;
  /** Shown text for an option when it differs from its value. */
  names?: Partial<Record<T, string>>;
}

/** A row of toggle buttons for choosing one of a few values, such as a bar interval. */
export function SegmentedControl<T extends string>({
  label,
  options,
  value,
  onChange,
  names,
}: SegmentedControlProps<T>) {
  return (
    <div
      role="group"
      aria-label={label}
      className="inline-flex overflow-hidden rounded-md border border-slate-700"
    >
      {options.map((option) => (
        <button
          key={option}
          type="button"
          aria-pressed={option === value}
          onClick={() => onChange(option)}
          className={`px-2.5 py-1 text-xs font-medium ${
            option === value
              ? 'bg-sky-700 text-white'
              : 'bg-slate-900 text-slate-300 hover:bg-slate-800'
          }`}
        >
          {names?.[option] ?? option}
        </button>
      ))}
    </div>
  );
}
