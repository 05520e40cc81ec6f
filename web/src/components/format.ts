/** Instants are shown in the viewer's zone with seconds, which is what an audit reader needs. */
export function formatInstant(iso: string | null | undefined): string {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'medium' });
}

/** Figures as a desk reads them: fixed decimals, a dash for nothing. */
export function formatFigure(value: number | null | undefined, decimals = 2): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return value.toLocaleString('en-GB', {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
  });
}

/** Decimals a step such as 0.01 or 0.1 implies. */
export function decimalsFor(step: number | string): number {
  const text = Number(step).toString();
  const dot = text.indexOf('.');
  return dot === -1 ? 0 : text.length - dot - 1;
}

/** Green for a gain, red for a loss, plain for flat or unknown. */
export function signTone(value: number | null | undefined): string {
  if (value === null || value === undefined || value === 0) return 'text-slate-300';
  return value > 0 ? 'text-emerald-400' : 'text-rose-400';
}

export function formatTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleTimeString(undefined, {
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
}

/** An instant in the viewer's zone, short enough for a blotter cell. */
export function formatInstantShort(iso: string | null | undefined): string {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleString(undefined, { dateStyle: 'short', timeStyle: 'short' });
}
