import { inputClass } from '../../components/styles';
import { groupTargets } from './targetOptions';
import type { ForecastTarget } from './types';

/** Chooses what to forecast: an uploaded data set, a day-ahead auction or an area's load. */
export function TargetPicker({
  targets,
  value,
  onChange,
}: {
  targets: readonly ForecastTarget[];
  value: string | undefined;
  onChange: (target: string) => void;
}) {
  return (
    <select
      aria-label="Forecast target"
      name="target"
      className={`${inputClass} max-w-md`}
      value={value}
      onChange={(e) => onChange(e.target.value)}
    >
      {groupTargets(targets).map((group) => (
        <optgroup key={group.label} label={group.label}>
          {group.items.map((t) => (
            <option key={t.target} value={t.target}>
              {t.label}
            </option>
          ))}
        </optgroup>
      ))}
    </select>
  );
}
