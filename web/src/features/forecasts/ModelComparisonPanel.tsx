import { useState } from 'react';
import { inputClass } from '../../components/styles';
import { describeComparison, defaultPair, formatPValue } from './comparisonText';
import { useCompareQuery } from './forecastsApi';
import type { ModelVersion } from './types';

/** Diebold-Mariano test of two ready versions of the target, on the days both forecast. */
export function ModelComparisonPanel({ models }: { models: readonly ModelVersion[] }) {
  const ready = models.filter((m) => m.status === 'ready');
  const pair = defaultPair(ready);
  const [chosen, setChosen] = useState<{ a?: string; b?: string }>({});
  const [loss, setLoss] = useState<'absolute' | 'squared'>('absolute');
  const a = chosen.a ?? pair?.[0];
  const b = chosen.b ?? pair?.[1];
  const result = useCompareQuery({ a: a ?? '', b: b ?? '', loss }, { skip: !a || !b || a === b });
  if (!pair) return null;

  const picker = (label: string, value: string | undefined, set: (id: string) => void) => (
    <select
      aria-label={label}
      className={`${inputClass} max-w-[12rem]`}
      value={value}
      onChange={(e) => set(e.target.value)}
    >
      {ready.map((m) => (
        <option key={m.id} value={m.id}>
          v{m.version} {m.kind}
        </option>
      ))}
    </select>
  );

  return (
    <div className="mt-4 space-y-2" data-testid="model-comparison">
      <div className="flex flex-wrap items-center gap-2 text-sm text-slate-300">
        <span>Compare</span>
        {picker('Model A', a, (id) => setChosen({ a: id, b }))}
        <span>with</span>
        {picker('Model B', b, (id) => setChosen({ a, b: id }))}
        <select
          aria-label="Loss"
          className={`${inputClass} max-w-[10rem]`}
          value={loss}
          onChange={(e) => setLoss(e.target.value as 'absolute' | 'squared')}
        >
          <option value="absolute">absolute errors</option>
          <option value="squared">squared errors</option>
        </select>
      </div>
      {a === b ? <p className="text-xs text-slate-400">Choose two different versions.</p> : null}
      {result.data && a !== b ? (
        <p className="text-sm text-slate-200" data-testid="comparison-result">
          {describeComparison(result.data)}{' '}
          <span className="text-xs text-slate-500">
            Mean loss {result.data.a.meanLoss.toFixed(3)} against{' '}
            {result.data.b.meanLoss.toFixed(3)}; one-sided p that B is better{' '}
            {formatPValue(result.data.pValueBBetter)}.
          </span>
        </p>
      ) : null}
    </div>
  );
}
