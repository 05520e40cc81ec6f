import { useEffect, useState, type FormEvent } from 'react';
import { Field } from '../../components/Field';
import { inputClass, primaryButton } from '../../components/styles';
import { useJobQuery, useTrainMutation } from './forecastsApi';
import { defaultKind, defaultWindowsText } from './targetOptions';
import type { ForecastTarget, ModelKind } from './types';
import { parseWindows } from './windows';

const KIND_LABELS: Record<ModelKind, string> = {
  naive: 'Seasonal naive',
  lear: 'LEAR (lasso, per hour)',
  mlp: 'Neural network (MLP)',
  ensemble: 'LEAR (asinh + N-PIT) and MLP, weighted by recent errors',
  seasonal: 'Additive seasonal (load)',
};

/** Starts a training job for a target and follows its progress until it finishes. */
export function TrainForm({
  target,
  onFinished,
}: {
  target: ForecastTarget;
  onFinished: () => void;
}) {
  const [kind, setKind] = useState<ModelKind>(defaultKind(target));
  const [testDays, setTestDays] = useState('14');
  const [windows, setWindows] = useState(defaultWindowsText(defaultKind(target)));
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
      target: target.target,
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
          <select
            id="train-kind"
            name="kind"
            className={inputClass}
            value={kind}
            onChange={(e) => {
              const next = e.target.value as ModelKind;
              setKind(next);
              setWindows(defaultWindowsText(next));
            }}
          >
            {target.kinds.map((k) => (
              <option key={k} value={k}>
                {KIND_LABELS[k]}
              </option>
            ))}
          </select>
        </div>
        <Field
          label="Test days (walk-forward)"
          name="testDays"
          type="number"
          min={8}
          max={1000}
          value={testDays}
          onChange={(e) => setTestDays(e.target.value)}
        />
        <Field
          label="Calibration windows, days"
          name="windows"
          value={windows}
          disabled={kind === 'naive'}
          error={
            parsedWindows === null ? 'whole numbers of at least 14 days, separated by commas' : null
          }
          onChange={(e) => setWindows(e.target.value)}
        />
      </div>
      <button
        type="submit"
        className={primaryButton}
        disabled={isLoading || running || parsedWindows === null}
      >
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
            <div
              className="h-full bg-sky-500 transition-all"
              style={{ width: `${Math.round(progress * 100)}%` }}
            />
          </div>
          <p className="text-xs text-slate-400" data-testid="training-status">
            {job.data
              ? `${job.data.status}: ${job.data.error ?? job.data.message} (${Math.round(progress * 100)}%)`
              : 'queued'}
          </p>
        </div>
      ) : null}
    </form>
  );
}
