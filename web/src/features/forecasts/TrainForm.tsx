import { useEffect, useState, type FormEvent } from 'react';
import { Field } from '../../components/Field';
import { inputClass, primaryButton } from '../../components/styles';
import { useJobQuery, useTrainMutation } from './forecastsApi';
import type { Dataset, ModelKind } from './types';
import { parseWindows } from './windows';

const KINDS: { kind: ModelKind; label: string }[] = [
  { kind: 'naive', label: 'Seasonal naive' },
  { kind: 'lear', label: 'LEAR (lasso, per hour)' },
  { kind: 'mlp', label: 'Neural network (MLP)' },
  { kind: 'ensemble', label: 'LEAR + MLP ensemble' },
];

/** Starts a training job and follows its progress until it finishes. */
export function TrainForm({ dataset, onFinished }: { dataset: Dataset; onFinished: () => void }) {
  const [kind, setKind] = useState<ModelKind>('lear');
  const [testDays, setTestDays] = useState('14');
  const [windows, setWindows] = useState('56, 84');
  const [jobId, setJobId] = useState<string | null>(null);
  const [train, { isLoading }] = useTrainMutation();
  const job = useJobQuery(jobId ?? '', { skip: jobId === null, pollingInterval: 700 });
  const finished = job.data?.status === 'succeeded' || job.data?.status === 'failed';
  const parsedWindows = parseWindows(windows);

  useEffect(() => {
    if (finished) onFinished();
  }, [finished, onFinished]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (parsedWindows === null) return;
    const result = await train({
      datasetId: dataset.id,
      kind,
      testDays: Number(testDays),
      ...(parsedWindows && kind !== 'naive' ? { calibrationWindows: parsedWindows } : {}),
    });
    if ('data' in result && result.data) setJobId(result.data.jobId);
  }

  const running = jobId !== null && !finished;
  const progress = job.data?.progress ?? 0;
  return (
    <form className="space-y-3" onSubmit={(e) => void submit(e)} data-testid="train-form">
      <div className="grid gap-3 sm:grid-cols-3 sm:items-end">
        <div className="space-y-1">
          <label htmlFor="train-kind" className="block text-sm text-slate-300">
            Model
          </label>
          <select id="train-kind" name="kind" className={inputClass} value={kind} onChange={(e) => setKind(e.target.value as ModelKind)}>
            {KINDS.map((k) => (
              <option key={k.kind} value={k.kind}>
                {k.label}
              </option>
            ))}
          </select>
        </div>
        <Field label="Test days (walk-forward)" name="testDays" type="number" min={8} max={1000} value={testDays} onChange={(e) => setTestDays(e.target.value)} />
        <Field
          label="Calibration windows, days"
          name="windows"
          value={windows}
          disabled={kind === 'naive'}
          error={parsedWindows === null ? 'whole numbers of at least 14 days, separated by commas' : null}
          onChange={(e) => setWindows(e.target.value)}
        />
      </div>
      <button type="submit" className={primaryButton} disabled={isLoading || running || parsedWindows === null}>
        {running ? 'Training…' : 'Train and evaluate'}
      </button>
      {jobId !== null ? (
        <div className="space-y-1" data-testid="training-job">
          <div
            role="progressbar"
            aria-label="Training progress"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={Math.round(progress * 100)}
            className="h-2 w-full overflow-hidden rounded bg-slate-800"
          >
            <div className="h-full bg-sky-500 transition-all" style={{ width: `${Math.round(progress * 100)}%` }} />
          </div>
          <p className="text-xs text-slate-400" data-testid="training-status">
            {job.data ? `${job.data.status}: ${job.data.error ?? job.data.message} (${Math.round(progress * 100)}%)` : 'queued'}
          </p>
        </div>
      ) : null}
    </form>
  );
}
