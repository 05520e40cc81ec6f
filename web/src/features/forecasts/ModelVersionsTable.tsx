import { secondaryButton, tableClass, tdClass, thClass } from '../../components/styles';
import { formatMetric, METRIC_KEYS, publishedFor, ratiosToPublished } from './benchmarkRatios';
import type { ModelVersion, PublishedResult } from './types';

interface Props {
  models: readonly ModelVersion[];
  published: readonly PublishedResult[];
  market: string;
  selectedId: string | null;
  canDeploy: boolean;
  deploying: boolean;
  onSelect: (model: ModelVersion) => void;
  onDeploy: (model: ModelVersion) => void;
}

const statusTone: Record<ModelVersion['status'], string> = {
  training: 'text-amber-300',
  ready: 'text-emerald-300',
  failed: 'text-rose-300',
};

/** Model versions with their walk-forward metrics, and the published benchmark beneath. */
export function ModelVersionsTable({
  models,
  published,
  market,
  selectedId,
  canDeploy,
  deploying,
  onSelect,
  onDeploy,
}: Props) {
  const lear = publishedFor(published, market, 'LEAR ensemble');
  const paper = published.filter((p) => p.market === market.trim().toUpperCase());
  return (
    <div className="overflow-x-auto">
      <table className={tableClass} data-testid="model-versions">
        <thead>
          <tr>
            <th className={thClass}>Version</th>
            <th className={thClass}>Model</th>
            <th className={thClass}>Test days</th>
            <th className={thClass}>Status</th>
            <th className={`${thClass} text-right`}>MAE</th>
            <th className={`${thClass} text-right`}>rMAE</th>
            <th className={`${thClass} text-right`}>sMAPE %</th>
            <th className={`${thClass} text-right`}>RMSE</th>
            <th className={`${thClass} text-right`}>90% cover</th>
            <th
              className={`${thClass} text-right`}
              title="rMAE divided by the published LEAR ensemble's"
            >
              rMAE ÷ LEAR
            </th>
            <th className={thClass} />
          </tr>
        </thead>
        <tbody>
          {models.map((m) => {
            const ratio = ratiosToPublished(m.metrics, lear).rmae;
            return (
              <tr
                key={m.id}
                className={m.id === selectedId ? 'bg-slate-800/50' : undefined}
                data-testid="model-row"
                data-status={m.status}
              >
                <td className={tdClass}>
                  v{m.version}
                  {m.deployed ? (
                    <span className="ml-2 rounded bg-emerald-900 px-1.5 py-0.5 text-xs text-emerald-200">
                      deployed
                    </span>
                  ) : null}
                </td>
                <td className={tdClass}>
                  {m.kind}
                  {m.kind !== 'naive' ? (
                    <span className="ml-1 text-xs text-slate-500">
                      ({m.calibrationWindows.join(', ')} d)
                    </span>
                  ) : null}
                </td>
                <td className={`${tdClass} tabular-nums`}>{m.testDays}</td>
                <td className={`${tdClass} ${statusTone[m.status]}`}>{m.status}</td>
                {METRIC_KEYS.map((key) => (
                  <td
                    key={key}
                    className={`${tdClass} text-right font-mono tabular-nums`}
                    data-testid={`metric-${key}`}
                  >
                    {formatMetric(m.metrics?.[key])}
                  </td>
                ))}
                <td className={`${tdClass} text-right font-mono tabular-nums`}>
                  {typeof m.metrics?.coverage === 'number'
                    ? `${(100 * m.metrics.coverage).toFixed(1)}%`
                    : '—'}
                </td>
                <td className={`${tdClass} text-right font-mono tabular-nums`}>
                  {formatMetric(ratio, 2)}
                </td>
                <td className={`${tdClass} whitespace-nowrap text-right`}>
                  <button
                    type="button"
                    className={secondaryButton}
                    disabled={m.status !== 'ready'}
                    onClick={() => onSelect(m)}
                  >
                    Chart
                  </button>
                  {canDeploy ? (
                    <button
                      type="button"
                      className={`${secondaryButton} ml-2`}
                      disabled={m.status !== 'ready' || m.deployed || deploying}
                      onClick={() => onDeploy(m)}
                    >
                      Deploy
                    </button>
                  ) : null}
                </td>
              </tr>
            );
          })}
          {paper.map((p) => (
            <tr key={p.model} className="text-slate-400" data-testid="published-row">
              <td className={tdClass} colSpan={3}>
                published {p.model} ({p.market}, 2-year test)
              </td>
              <td className={tdClass}>paper</td>
              {METRIC_KEYS.map((key) => (
                <td key={key} className={`${tdClass} text-right font-mono tabular-nums`}>
                  {formatMetric(p[key])}
                </td>
              ))}
              <td className={tdClass} colSpan={3} />
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
