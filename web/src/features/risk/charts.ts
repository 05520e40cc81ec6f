import type { HistogramBin } from './types';

/** Where a value falls across [min, max] as a fraction of a width, clamped to the chart. */
export function scale(value: number, min: number, max: number, width: number): number {
  if (max <= min) return width / 2;
  return Math.min(width, Math.max(0, ((value - min) / (max - min)) * width));
}

/** The P&L range a histogram covers, widened to include the VaR line (a loss, drawn at -VaR). */
export function histogramRange(
  bins: readonly HistogramBin[],
  valueAtRisk: number,
): { min: number; max: number } {
  if (bins.length === 0) return { min: -valueAtRisk, max: 0 };
  return {
    min: Math.min(bins[0]!.from, -valueAtRisk),
    max: Math.max(bins[bins.length - 1]!.to, -valueAtRisk),
  };
}

/** Bar width of a utilisation in percent, capped so a breach fills the track without overflowing. */
export function utilisationWidth(utilisation: number): number {
  if (!Number.isFinite(utilisation) || utilisation <= 0) return 0;
  return Math.min(100, utilisation * 100);
}

/** Contributions scaled to the largest absolute one, keeping the sign (hedges point left). */
export function contributionBars(
  items: readonly { key: string; component: number }[],
): { key: string; component: number; share: number }[] {
  const largest = Math.max(0, ...items.map((i) => Math.abs(i.component)));
  return items.map((i) => ({ ...i, share: largest > 0 ? i.component / largest : 0 }));
}
