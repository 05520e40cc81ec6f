import { useCallback, useMemo, useState } from 'react';
import { useAppSelector } from '../../app/hooks';
import { selectPermissions } from '../../app/session';
import { Field } from '../../components/Field';
import { PageTitle } from '../../components/PageTitle';
import { panelClass } from '../../components/styles';
import { EmptyState } from '../../components/EmptyState';
import { Spinner } from '../../components/Spinner';
import { bandCoverage } from './forecastBands';
import { ForecastChart } from './ForecastChart';
import {
  useBenchmarkQuery,
  useDatasetsQuery,
  useDeployMutation,
  useForecastsQuery,
  useModelsQuery,
  useTargetsQuery,
} from './forecastsApi';
import { DatasetUpload } from './DatasetUpload';
import { ModelComparisonPanel } from './ModelComparisonPanel';
import { ModelVersionsTable } from './ModelVersionsTable';
import { datasetIdOf } from './targetOptions';
import { TargetPicker } from './TargetPicker';
import { TrainForm } from './TrainForm';
import type { ModelVersion } from './types';

const shiftDate = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** Targets (uploaded data sets, day-ahead auctions, load), model training and registry, and forecasts against what happened. */
export function ForecastsPage() {
  const canWrite = useAppSelector(selectPermissions).includes('forecasts:write');
  const datasets = useDatasetsQuery();
  const targets = useTargetsQuery();
  const benchmark = useBenchmarkQuery();
  const [targetId, setTargetId] = useState<string | null>(null);
  const target = targets.data?.items.find((t) => t.target === targetId) ?? targets.data?.items[0];
  const datasetId = target ? datasetIdOf(target.target) : null;
  const dataset = datasets.data?.items.find((d) => d.id === datasetId);
  const models = useModelsQuery(target?.target ?? '', { skip: !target });
  const [chosenId, setChosenId] = useState<string | null>(null);
  const [range, setRange] = useState<{ from: string; to: string } | null>(null);
  const [deploy, deployState] = useDeployMutation();

  const ready = models.data?.items.filter((m) => m.status === 'ready') ?? [];
  const model = ready.find((m) => m.id === chosenId) ?? ready.find((m) => m.deployed) ?? ready[0];
  // Until a range is chosen, the chart shows the model's whole walk-forward test period.
  const shown =
    range ??
    (model
      ? { from: shiftDate(model.trainingTo, 1 - model.testDays), to: model.trainingTo }
      : null);
  const forecasts = useForecastsQuery(
    {
      target: target?.target ?? '',
      modelId: model?.id ?? '',
      from: shown?.from ?? '',
      to: shown?.to ?? '',
    },
    { skip: !target || !model || !shown },
  );
  const coverage = useMemo(() => bandCoverage(forecasts.data?.points ?? []), [forecasts.data]);
  const refetchModels = models.refetch;
  const hasTarget = target !== undefined;
  const onTrained = useCallback(() => {
    if (hasTarget) void refetchModels();
  }, [hasTarget, refetchModels]);

  const choose = (m: ModelVersion) => {
    setChosenId(m.id);
    setRange(null);
  };
  const pick = (next: string) => {
    setTargetId(next);
    setChosenId(null);
    setRange(null);
  };

  return (
    <section className="space-y-4" data-testid="forecasts-page">
      <PageTitle title="Forecasts" />
      {canWrite ? (
        <div className={panelClass}>
          <h2 className="mb-3 text-base font-semibold text-slate-100">Upload a market history</h2>
          <DatasetUpload onUploaded={(d) => pick(d.target)} />
        </div>
      ) : null}

      <div className={panelClass}>
        <div className="mb-3 flex flex-wrap items-end justify-between gap-3">
          <h2 className="text-base font-semibold text-slate-100">Target</h2>
          {targets.data ? (
            <TargetPicker targets={targets.data.items} value={target?.target} onChange={pick} />
          ) : null}
        </div>
        {targets.isLoading ? <Spinner label="Loading targets…" /> : null}
        {datasets.data?.items.length === 0 ? (
          <EmptyState testId="datasets-empty">
            No market history uploaded yet. Upload an epftoolbox CSV, or train on the prices and
            load stored in market data.
          </EmptyState>
        ) : null}
        {dataset ? (
          <p className="text-sm text-slate-400" data-testid="dataset-summary">
            {dataset.days} days of hourly {dataset.columns.slice(1).join(', ')}, uploaded by{' '}
            {dataset.uploadedBy}.
          </p>
        ) : null}
        {target && !dataset ? (
          <p className="text-sm text-slate-400" data-testid="target-summary">
            {target.series === 'price' ? 'Hourly day-ahead prices' : 'Hourly actual load'} of{' '}
            {target.market} as stored in market data; training uses the latest run of complete days.
          </p>
        ) : null}
        {target && canWrite ? (
          <div className="mt-4">
            <TrainForm key={target.target} target={target} onFinished={onTrained} />
          </div>
        ) : null}
      </div>

      {target ? (
        <div className={panelClass}>
          <h2 className="mb-2 text-base font-semibold text-slate-100">Model versions</h2>
          {models.isLoading ? <Spinner label="Loading models…" /> : null}
          {models.data?.items.length === 0 ? (
            <EmptyState testId="models-empty">
              No model has been trained for this target yet.
            </EmptyState>
          ) : null}
          {models.data && models.data.items.length > 0 ? (
            <ModelVersionsTable
              models={models.data.items}
              // The published benchmark is of day-ahead prices only.
              published={target.series === 'price' ? (benchmark.data?.items ?? []) : []}
              market={target.market}
              selectedId={model?.id ?? null}
              canDeploy={canWrite}
              deploying={deployState.isLoading}
              onSelect={choose}
              onDeploy={(m) => void deploy(m.id)}
            />
          ) : null}
          {models.data ? (
            <ModelComparisonPanel key={target.target} models={models.data.items} />
          ) : null}
          {benchmark.data ? (
            <p className="mt-2 text-xs text-slate-500">
              Published figures: {benchmark.data.citation}. rMAE compares across test periods; the
              others in EUR/MWh only on the same period.
            </p>
          ) : null}
        </div>
      ) : null}

      {model && shown ? (
        <div className={panelClass}>
          <div className="mb-3 flex flex-wrap items-end justify-between gap-3">
            <h2 className="text-base font-semibold text-slate-100">
              Forecast against actual: v{model.version} {model.kind}
            </h2>
            <div className="flex gap-2">
              <Field
                label="From"
                name="from"
                type="date"
                value={shown.from}
                onChange={(e) => setRange({ ...shown, from: e.target.value })}
              />
              <Field
                label="To"
                name="to"
                type="date"
                value={shown.to}
                onChange={(e) => setRange({ ...shown, to: e.target.value })}
              />
            </div>
          </div>
          {forecasts.isFetching && !forecasts.data ? <Spinner label="Loading forecasts…" /> : null}
          {forecasts.data?.points.length === 0 ? (
            <EmptyState testId="forecasts-empty">No stored forecasts in this range.</EmptyState>
          ) : null}
          {forecasts.data && forecasts.data.points.length > 0 ? (
            <>
              <ForecastChart points={forecasts.data.points} />
              {coverage !== undefined ? (
                <p className="mt-1 text-xs text-slate-400" data-testid="chart-coverage">
                  {(100 * coverage).toFixed(1)}% of the shown hours cleared inside the 90% interval.
                </p>
              ) : null}
            </>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
