import { useId, useMemo, useState } from 'react';
import { inputClass } from '../../components/styles';
import { groupInstruments } from './instrumentGroups';
import type { Instrument } from './types';

interface InstrumentPickerProps {
  instruments: readonly Instrument[];
  selected: Instrument;
  onSelect: (id: string) => void;
}

/** A search box narrowing a list grouped by commodity; the chosen instrument stays listed whatever the search. */
export function InstrumentPicker({ instruments, selected, onSelect }: InstrumentPickerProps) {
  const id = useId();
  const [search, setSearch] = useState('');
  const groups = useMemo(() => groupInstruments(instruments, search), [instruments, search]);
  const selectedListed = groups.some((g) => g.instruments.some((i) => i.id === selected.id));
  const matches = groups.reduce((n, g) => n + g.instruments.length, 0);

  return (
    <div className="grid gap-2 sm:grid-cols-[minmax(0,14rem)_minmax(0,1fr)]">
      <div className="space-y-1">
        <label htmlFor={`${id}-search`} className="block text-xs text-slate-400">
          Search instruments
        </label>
        <input
          id={`${id}-search`}
          type="search"
          className={inputClass}
          placeholder="e.g. DE day-ahead, TTF, EUA"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          data-testid="instrument-search"
        />
      </div>
      <div className="space-y-1">
        <label htmlFor={`${id}-select`} className="block text-xs text-slate-400">
          Instrument <span className="text-slate-500">({matches} matching)</span>
        </label>
        <select
          id={`${id}-select`}
          className={inputClass}
          value={selected.id}
          onChange={(e) => onSelect(e.target.value)}
          data-testid="instrument-select"
        >
          {selectedListed ? null : (
            <optgroup label="Selected">
              <option value={selected.id}>{selected.name}</option>
            </optgroup>
          )}
          {groups.map((group) => (
            <optgroup key={group.commodity} label={group.label}>
              {group.instruments.map((instrument) => (
                <option key={instrument.id} value={instrument.id}>
                  {instrument.name} ({instrument.id})
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </div>
    </div>
  );
}
