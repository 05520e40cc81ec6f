import type { ForecastPoint } from './types';

export interface BandPoint {
  /** UTC seconds, as the chart library counts. */
  time: number;
  value: number;
}

export interface ForecastBands {
  actual: BandPoint[];
  forecast: BandPoint[];
  lower: BandPoint[];
  upper: BandPoint[];
}

/** Splits stored forecasts into the chart's series; hours without a value are left out. */
export function forecastBands(points: readonly ForecastPoint[]): ForecastBands {
  const bands: ForecastBands = { actual: [], forecast: [], lower: [], upper: [] };
  const sorted = [...points].sort((a, b) => a.time.localeCompare(b.time));
  for (const p of sorted) {
    const time = Math.floor(Date.parse(p.time) / 1000);
    bands.forecast.push({ time, value: p.value });
    if (p.actual !== null) bands.actual.push({ time, value: p.actual });
    if (p.lower !== null && p.upper !== null) {
      bands.lower.push({ time, value: p.lower });
      bands.upper.push({ time, value: p.upper });
    }
  }
  return bands;
}

/** The share of hours whose actual price fell inside the band, for the chart's caption. */
export function bandCoverage(points: readonly ForecastPoint[]): number | undefined {
  let inside = 0;
  let counted = 0;
  for (const p of points) {
    if (p.actual === null || p.lower === null || p.upper === null) continue;
    counted++;
    if (p.actual >= p.lower && p.actual <= p.upper) inside++;
  }
  return counted === 0 ? undefined : inside / counted;
}
