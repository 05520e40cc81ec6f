import { invalid } from '../../platform/errors.js';
import { HOURS, type MarketDays } from './domain/market-days.js';

/**
 * A market history in the epftoolbox layout (`Date, Price, Exogenous 1, Exogenous 2`,
 * one row per hour), checked so that the models can index it day by day: whole
 * consecutive days, each starting at hour 00, every value a finite number.
 */
export interface MarketHistory {
  columns: string[];
  firstDate: string;
  days: number;
  price: number[];
  exogenous: [number[], number[]];
}

const DAY_MS = 86_400_000;
const STAMP = /^(\d{4}-\d{2}-\d{2})(?:[ T](\d{2}):\d{2}(?::\d{2})?)?$/;

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

export function parseMarketHistoryCsv(text: string): MarketHistory {
  const lines = text.split(/\r?\n/).filter((l) => l.trim().length > 0);
  const columns = (lines[0] ?? '').split(',').map((c) => c.trim());
  if (columns.length !== 4) {
    throw invalid(
      'csv',
      'columns',
      `expected 4 columns (date, price, 2 exogenous), found ${columns.length}`,
    );
  }
  const body = lines.slice(1);
  if (body.length === 0 || body.length % HOURS !== 0) {
    throw invalid('csv', 'whole_days', `${body.length} hourly rows is not a whole number of days`);
  }
  const price: number[] = [];
  const exogenous: [number[], number[]] = [[], []];
  let firstDate = '';
  body.forEach((line, i) => {
    const row = i + 2;
    const cells = line.split(',');
    const stamp = STAMP.exec((cells[0] ?? '').trim());
    if (stamp === null || cells.length !== 4) {
      throw invalid(
        'csv',
        'row_format',
        `line ${row}: expected "YYYY-MM-DD HH:MM:SS,price,exo1,exo2"`,
      );
    }
    const date = stamp[1]!;
    if (i === 0) firstDate = date;
    const hour = i % HOURS;
    if (
      date !== addDays(firstDate, Math.floor(i / HOURS)) ||
      (stamp[2] !== undefined && Number(stamp[2]) !== hour)
    ) {
      throw invalid(
        'csv',
        'consecutive_hours',
        `line ${row}: expected ${addDays(firstDate, Math.floor(i / HOURS))} hour ${hour}`,
      );
    }
    const values = cells.slice(1).map((c) => Number(c.trim()));
    if (values.some((v, k) => !Number.isFinite(v) || cells[k + 1]!.trim() === '')) {
      throw invalid('csv', 'number', `line ${row}: every value must be a number`);
    }
    price.push(values[0]!);
    exogenous[0].push(values[1]!);
    exogenous[1].push(values[2]!);
  });
  return { columns, firstDate, days: body.length / HOURS, price, exogenous };
}

/** The history as the models read it: typed arrays and a Monday-first weekday per day. */
export function toMarketDays(history: {
  firstDate: string;
  days: number;
  price: readonly number[];
  exogenous: readonly (readonly number[])[];
}): MarketDays {
  const weekday = new Uint8Array(history.days);
  const first = (new Date(`${history.firstDate}T00:00:00Z`).getUTCDay() + 6) % 7;
  for (let d = 0; d < history.days; d++) weekday[d] = (first + d) % 7;
  return {
    days: history.days,
    price: Float64Array.from(history.price),
    exogenous: history.exogenous.map((s) => Float64Array.from(s)),
    weekday,
  };
}
