import { useId } from 'react';
import { inputClass } from '../../components/styles';
import { formatInstantShort } from '../../components/format';
import type { TradingInstrument } from './types';

interface InstrumentSelectorProps {
  instruments: readonly TradingInstrument[];
  selected: TradingInstrument | null;
  onSelect: (instrumentId: string) => void;
}

/** The instrument being traded, with the contract terms the ticket is checked against. */
export function InstrumentSelector({ instruments, selected, onSelect }: InstrumentSelectorProps) {
  const id = useId();
  return (
    <div className="flex flex-wrap items-end gap-3">
      <div className="min-w-0 flex-1 space-y-1 sm:max-w-md">
        <label htmlFor={id} className="block text-sm text-slate-300">
          Instrument
        </label>
        <select
          id={id}
          name="instrument"
          className={inputClass}
          value={selected?.instrumentId ?? ''}
          onChange={(e) => onSelect(e.target.value)}
          data-testid="instrument-select"
        >
          {instruments.map((i) => (
            <option key={i.instrumentId} value={i.instrumentId}>
              {i.instrumentId} — {i.name}
            </option>
          ))}
        </select>
      </div>
      {selected ? (
        <dl
          className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-400"
          data-testid="contract-terms"
        >
          <div>
            <dt className="inline">Tick </dt>
            <dd className="inline text-slate-200">
              {selected.tickSize} {selected.currency}/{selected.unit}
            </dd>
          </div>
          <div>
            <dt className="inline">Lot </dt>
            <dd className="inline text-slate-200">
              {selected.lotSize} {selected.unit}
            </dd>
          </div>
          {selected.gateClosure ? (
            <div>
              <dt className="inline">Gate closes </dt>
              <dd className="inline text-slate-200">{formatInstantShort(selected.gateClosure)}</dd>
            </div>
          ) : null}
          {selected.halted ? (
            <div className="rounded border border-rose-800 px-1.5 text-rose-300">Halted</div>
          ) : null}
        </dl>
      ) : null}
    </div>
  );
}
