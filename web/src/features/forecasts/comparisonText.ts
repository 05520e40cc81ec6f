import type { ModelComparison, ModelVersion } from './types';

export function formatPValue(p: number | null): string {
  if (p === null) return '—';
  return p < 0.001 ? '< 0.001' : p.toFixed(3);
}

const name = (m: { version: number; kind: string }) => `v${m.version} ${m.kind}`;

/** One sentence a trader can act on: which version is more accurate, and how sure the test is. */
export function describeComparison(c: ModelComparison): string {
  const over = `over ${c.daysCompared} days (${c.hoursCompared} hours, ${c.from} to ${c.to}), ${c.loss} errors`;
  const figures = `DM ${c.statistic === null ? '—' : c.statistic.toFixed(2)}, p = ${formatPValue(c.pValue)}`;
  const level = `${Math.round(c.significance * 100)}%`;
  if (c.better === null)
    return `No significant difference at ${level} between ${name(c.a)} and ${name(c.b)}: ${figures} ${over}.`;
  const [winner, loser] = c.better === 'a' ? [c.a, c.b] : [c.b, c.a];
  return `${name(winner)} is more accurate than ${name(loser)} at ${level}: ${figures} ${over}.`;
}

/** Versions worth comparing first: the deployed (or newest) ready one against the newest other ready one. */
export function defaultPair(models: readonly ModelVersion[]): [string, string] | null {
  const ready = models.filter((m) => m.status === 'ready');
  const first = ready.find((m) => m.deployed) ?? ready[0];
  const second = ready.find((m) => m.id !== first?.id);
  return first && second ? [first.id, second.id] : null;
}
