interface CheckboxGroupProps {
  options: readonly string[];
  selected: readonly string[];
  onChange: (selected: string[]) => void;
  name: string;
}

/** A row of checkboxes for choosing several names, such as roles or API key scopes. */
export function CheckboxGroup({ options, selected, onChange, name }: CheckboxGroupProps) {
  function toggle(option: string, on: boolean) {
    onChange(on ? [...selected, option] : selected.filter((s) => s !== option));
  }
  return (
    <div className="flex flex-wrap gap-x-4 gap-y-1">
      {options.map((option) => (
        <label key={option} className="inline-flex items-center gap-1.5 text-sm text-slate-300">
          <input
            type="checkbox"
            name={name}
            value={option}
            checked={selected.includes(option)}
            onChange={(e) => toggle(option, e.target.checked)}
            className="h-4 w-4 accent-sky-500"
          />
          {option}
        </label>
      ))}
    </div>
  );
}
