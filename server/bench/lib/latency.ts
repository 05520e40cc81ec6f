/** Latency samples in nanoseconds, summarised as the percentiles a desk asks about. */
export interface LatencySummary {
  p50: number;
  p99: number;
  p999: number;
  max: number;
}

export function summariseLatency(samples: Float64Array): LatencySummary {
  const sorted = Float64Array.from(samples).sort();
  const at = (q: number): number =>
    sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return { p50: at(0.5), p99: at(0.99), p999: at(0.999), max: sorted[sorted.length - 1] ?? 0 };
}

/** What one clock reading costs here, so that readers can judge the per-op figures. */
export function timerOverheadNs(rounds = 100_000): number {
  const samples = new Float64Array(rounds);
  for (let i = 0; i < rounds; i++) {
    const t0 = process.hrtime.bigint();
    samples[i] = Number(process.hrtime.bigint() - t0);
  }
  return summariseLatency(samples).p50;
}

export const formatNs = (ns: number): string =>
  ns >= 1e6
    ? `${(ns / 1e6).toFixed(2)} ms`
    : ns >= 1e3
      ? `${(ns / 1e3).toFixed(2)} µs`
      : `${Math.round(ns)} ns`;

export const formatRate = (perSecond: number): string =>
  perSecond >= 1e6 ? `${(perSecond / 1e6).toFixed(2)} M/s` : `${(perSecond / 1e3).toFixed(0)} k/s`;

/** A plain text table with right-aligned figures. */
export function formatTable(header: string[], rows: string[][]): string {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? '').length)));
  const line = (cells: string[]): string =>
    cells
      .map((cell, c) => (c === 0 ? cell.padEnd(widths[c] ?? 0) : cell.padStart(widths[c] ?? 0)))
      .join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}
