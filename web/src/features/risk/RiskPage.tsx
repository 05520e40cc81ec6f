import { useState, type ReactNode } from 'react';
import { PageTitle } from '../../components/PageTitle';
import { useAppDispatch } from '../../app/hooks';
import { inputClass, panelClass, secondaryButton } from '../../components/styles';
import { AlertsList } from './AlertsList';
import { ContributionsChart } from './ContributionsChart';
import { LimitsPanel } from './LimitsPanel';
import { LiveBadge } from './LiveBadge';
import { OptionsTable } from './OptionsTable';
import { PnlHistogram } from './PnlHistogram';
import { riskApi, useValueAtRiskQuery } from './riskApi';
import { StressTable } from './StressTable';
import type { VarGrouping } from './types';
import { useRiskStream } from './useRiskStream';
import { VarCards, type VarSettings } from './VarCards';

function Panel({
  title,
  aside,
  children,
}: {
  title: string;
  aside?: ReactNode;
  children: ReactNode;
}) {
  return (
    <div className={panelClass}>
      <div className="mb-2 flex items-center justify-between gap-2">
        <h2 className="text-base font-semibold text-slate-100">{title}</h2>
        {aside}
      </div>
      {children}
    </div>
  );
}

/**
 * The risk dashboard: VaR and ES by method, what drives them, stress results, limits and
 * alerts; alerts and Monte Carlo progress arrive on the risk stream.
 */
export function RiskPage() {
  const dispatch = useAppDispatch();
  const stream = useRiskStream();
  const [settings, setSettings] = useState<VarSettings>({ confidence: 0.99, horizonDays: 1 });
  const [groupBy, setGroupBy] = useState<VarGrouping>('position');
  const [round, setRound] = useState(0);
  // Same arguments as the historical card, so this reads that card's cached run.
  const { data: historical } = useValueAtRiskQuery({ method: 'historical', ...settings, groupBy });
  return (
    <section className="space-y-4" data-testid="risk-page">
      <PageTitle title="Risk">
        <label className="flex items-center gap-2 text-xs text-slate-400">
          Confidence
          <select
            className={inputClass}
            value={settings.confidence}
            onChange={(e) => setSettings({ ...settings, confidence: Number(e.target.value) })}
          >
            <option value={0.95}>95%</option>
            <option value={0.99}>99%</option>
            <option value={0.975}>97.5%</option>
          </select>
        </label>
        <label className="flex items-center gap-2 text-xs text-slate-400">
          Horizon
          <select
            className={inputClass}
            value={settings.horizonDays}
            onChange={(e) => setSettings({ ...settings, horizonDays: Number(e.target.value) })}
          >
            <option value={1}>1 day</option>
            <option value={10}>10 days</option>
          </select>
        </label>
        <button
          type="button"
          className={secondaryButton}
          onClick={() => {
            dispatch(riskApi.util.invalidateTags(['RiskVar']));
            setRound((r) => r + 1);
          }}
        >
          Recompute
        </button>
      </PageTitle>
      <VarCards settings={settings} groupBy={groupBy} round={round} live={stream === 'live'} />
      {historical?.warnings.length ? (
        <ul className="space-y-1 text-xs text-amber-300" data-testid="var-warnings">
          {historical.warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      ) : null}
      <div className="grid gap-4 lg:grid-cols-2">
        <Panel title="P&L distribution (historical)">
          {historical ? (
            <PnlHistogram
              bins={historical.pnlDistribution.bins}
              valueAtRisk={historical.var}
              currency={historical.currency}
            />
          ) : null}
        </Panel>
        <Panel title="VaR contributions">
          <ContributionsChart
            items={historical?.contributions ?? []}
            groupBy={groupBy}
            onGroupBy={setGroupBy}
          />
        </Panel>
        <Panel title="Limits">
          <LimitsPanel />
        </Panel>
        <Panel title="Alerts" aside={<LiveBadge status={stream} />}>
          <AlertsList live={stream === 'live'} />
        </Panel>
      </div>
      <Panel title="Stress scenarios">
        <StressTable />
      </Panel>
      <Panel title="Options on futures">
        <OptionsTable />
      </Panel>
    </section>
  );
}
