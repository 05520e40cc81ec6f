import type { ForecastTarget, ModelKind } from './types';

/** Targets grouped as the picker shows them: what was uploaded first, then what market data holds. */
export interface TargetGroup {
  label: string;
  items: ForecastTarget[];
}

const GROUPS: { label: string; sources: ForecastTarget['source'][] }[] = [
  { label: 'Uploaded data sets', sources: ['dataset', 'dataset-load'] },
  { label: 'Day-ahead auctions (market data)', sources: ['instrument'] },
  { label: 'System load (market data)', sources: ['load'] },
];

export function groupTargets(targets: readonly ForecastTarget[]): TargetGroup[] {
  return GROUPS.map((g) => ({
    label: g.label,
    items: targets.filter((t) => g.sources.includes(t.source)),
  })).filter((g) => g.items.length > 0);
}

/** The uploaded data set behind a target, if it is one. */
export function datasetIdOf(target: string): string | null {
  return /^dataset(?:-load)?:(.+)$/.exec(target)?.[1] ?? null;
}

/** LEAR for prices, the seasonal model for load; else whatever the target allows first. */
export function defaultKind(target: ForecastTarget): ModelKind {
  const preferred: ModelKind = target.series === 'load' ? 'seasonal' : 'lear';
  return target.kinds.includes(preferred) ? preferred : (target.kinds[0] ?? 'naive');
}

/** Calibration windows suggested for a kind: short LEAR windows train in seconds; a year of load shows its seasons. */
export function defaultWindowsText(kind: ModelKind): string {
  switch (kind) {
    case 'naive':
      return '';
    case 'seasonal':
      return '364';
    case 'lear':
    case 'mlp':
    case 'ensemble':
      return '56, 84';
  }
}
