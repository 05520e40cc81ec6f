import { readFileSync } from 'node:fs';
import type { MarketDays } from '../../src/modules/forecasting/domain/market-days.js';

/**
 * Reads a market file in the epftoolbox layout: `Date, Price, Exogenous 1, Exogenous 2`,
 * one row per hour, days complete (the published files have DST days normalised).
 */
export interface EpfFile {
  market: MarketDays;
  /** ISO date (YYYY-MM-DD) of each day. */
  dates: string[];
  header: string[];
}

export function readEpfCsv(path: string): EpfFile {
  const lines = readFileSync(path, 'utf8')
    .split(/\r?\n/)
    .filter((l) => l.trim().length > 0);
  const header = (lines[0] ?? '').split(',').map((h) => h.trim());
  const body = lines.slice(1);
  if (body.length % 24 !== 0)
    throw new Error(`${path}: ${body.length} hourly rows is not a whole number of days`);
  const days = body.length / 24;
  const exogenousCount = header.length - 2;
  const price = new Float64Array(body.length);
  const exogenous = Array.from({ length: exogenousCount }, () => new Float64Array(body.length));
  const weekday = new Uint8Array(days);
  const dates: string[] = [];
  body.forEach((line, i) => {
    const cells = line.split(',');
    price[i] = Number(cells[1]);
    for (let e = 0; e < exogenousCount; e++) exogenous[e]![i] = Number(cells[2 + e]);
    if (i % 24 === 0) {
      const date = (cells[0] ?? '').trim().slice(0, 10);
      dates.push(date);
      // Monday = 0, as in pandas' dayofweek.
      weekday[i / 24] = (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7;
    }
  });
  return { market: { days, price, exogenous, weekday }, dates, header };
}

/** Published forecasts: first column the hour stamp, then one column per model. */
export interface PublishedForecasts {
  firstDate: string;
  columns: Map<string, Float64Array>;
}

export function readPublishedForecasts(path: string): PublishedForecasts {
  const lines = readFileSync(path, 'utf8')
    .split(/\r?\n/)
    .filter((l) => l.trim().length > 0);
  const names = (lines[0] ?? '')
    .split(',')
    .slice(1)
    .map((h) => h.trim());
  const body = lines.slice(1);
  const columns = new Map(names.map((n) => [n, new Float64Array(body.length)] as const));
  body.forEach((line, i) => {
    const cells = line.split(',');
    names.forEach((n, k) => {
      columns.get(n)![i] = Number(cells[k + 1]);
    });
  });
  return { firstDate: (body[0] ?? '').slice(0, 10), columns };
}
