import type { RiskAlert, VarRunState } from './types';

/** The alerts list with a pushed alert on top, once, keeping the list at its length. */
export function withAlert(items: readonly RiskAlert[], alert: RiskAlert, keep = 100): RiskAlert[] {
  if (items.some((a) => a.id === alert.id)) return [...items];
  return [alert, ...items].slice(0, keep);
}

/** What a running VaR is doing, in words for the progress bar. */
export function runProgressLabel(
  run: Pick<VarRunState, 'status' | 'stage' | 'done' | 'total'> | undefined,
): string {
  if (!run) return 'Starting…';
  if (run.status === 'failed') return 'Failed';
  if (run.status === 'done') return 'Done';
  switch (run.stage) {
    case null:
      return 'Starting…';
    case 'prices':
      return `Reading prices ${run.done}/${run.total}`;
    case 'simulation':
      return `Simulating ${run.done.toLocaleString('en-GB')} of ${run.total.toLocaleString('en-GB')} scenarios`;
    case 'storing':
      return 'Storing the run…';
  }
}

/** Percent width of the progress bar, whole and within 0..100. */
export function progressPercent(fraction: number | undefined): number {
  if (fraction === undefined || !Number.isFinite(fraction)) return 0;
  return Math.round(Math.min(1, Math.max(0, fraction)) * 100);
}
