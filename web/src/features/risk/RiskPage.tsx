import { useState, type ReactNode } from 'react';
import { PageTitle } from '../../components/PageTitle';
import { useAppDispatch } from '../../app/hooks';
import { inputClass, panelClass, secondaryButton } from '../../components/styles';
import { AlertsList } from './AlertsList';
import { ContributionsChart } from './ContributionsChart';
import { LimitsPanel } from './LimitsPanel';
import { PnlHistogram } from './PnlHistogram';
import { riskApi, useValueAtRiskQuery } from './riskApi';
import { StressTable } from './StressTable';
import { VarCards, type VarSettings } from './VarCards';

function Panel({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className={panelClass}>
      <h2 className="mb-2 text-base font-semibold text-slate-100">{title}</h2>
      {children}
    </div>
  );
}

/** The risk dashboard: VaR and ES by method, what drives them, stress results, limits and alerts. */
export function RiskPage() {
  const dispatch = useAppDispatch();
  const [settings, setSettings] = useState<VarSettings>({ confidence: 0.99, horizonDays: 1 });
  // Same arguments as the historical card, so this reads that card's cached run.
  const { data: historical } = useValueAtRiskQuery({ method: 'historical', ...settings });
  return (
    <section className="space-y-4" data-testid="risk-page">
      <PageTitle title="Risk">
        <label className="flex items-center gap-2 text-xs text-slate-400">
          Confidence
          <select className={inputClass} value={settings.confidence} onChange={(e) => setSettings({ ...settings, confidence: Number(e.target.value) })}>
            <option value={0.95}>95%</option>
            <option value={0.99}>99%</option>
            <option value={0.975}>97.5%</option>
          </select>
        </label>
        <label className="flex items-center gap-2 text-xs text-slate-400">
          Horizon
          <select className={inputClass} value={settings.horizonDays} onChange={(e) => setSettings({ ...settings, horizonDays: Number(e.target.value) })}>
            <option value={1}>1 day</option>
            <option value={10}>10 days</option>
          </select>
        </label>
        <button type="button" className={secondaryButton} onClick={() => dispatch(riskApi.util.invalidateTags(['RiskVar']))}>
          Recompute
        </button>
      </PageTitle>
      <VarCards settings={settings} />
      {historical?.warnings.length ? (
        <ul className="space-y-1 text-xs text-amber-300" data-testid="var-warnings">
          {historical.warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      ) : null}
      <div className="grid gap-4 lg:grid-cols-2">
        <Panel title="P&L distribution (historical)">
          {historical ? <PnlHistogram bins={historical.pnlDistribution.bins} valueAtRisk={historical.var} currency={historical.currency} /> : null}
        </Panel>
        <Panel title="VaR contributions">
          <ContributionsChart items={historical?.contributions ?? []} />
        </Panel>
        <Panel title="Limits">
          <LimitsPanel />
        </Panel>
        <Panel title="Alerts">
          <AlertsList />
        </Panel>
      </div>
      <Panel title="Stress scenarios">
        <StressTable />
      </Panel>
    </section>
  );
}
