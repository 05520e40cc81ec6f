import type { PnlDay } from './types';

export type ExplainPart = 'priceMove' | 'newTrades';

export interface ExplainSegment {
  part: ExplainPart;
  value: number;
  /** Where the segment starts and ends on the value axis, stacked away from zero. */
  from: number;
  to: number;
}

export interface ExplainBar {
  date: string;
  total: number;
  segments: ExplainSegment[];
}

export interface ExplainChart {
  bars: ExplainBar[];
  /** The value axis: at most zero and at least zero, so the zero line is always drawn. */
  min: number;
  max: number;
}

const PARTS: readonly ExplainPart[] = ['priceMove', 'newTrades'];

/**
 * One bar per day with the price move and new trades stacked: gains upward from zero,
 * losses downward, so a day of +50 from the market and -20 from trading shows both.
 */
export function explainChart(days: readonly PnlDay[]): ExplainChart {
  let min = 0;
  let max = 0;
  const bars = days.map((day) => {
    let up = 0;
    let down = 0;
    const segments: ExplainSegment[] = [];
    for (const part of PARTS) {
      const value = day[part];
      if (value === 0) continue;
      if (value > 0) {
        segments.push({ part, value, from: up, to: up + value });
        up += value;
      } else {
        segments.push({ part, value, from: down, to: down + value });
        down += value;
      }
    }
    max = Math.max(max, up);
    min = Math.min(min, down);
    return { date: day.date, total: day.total, segments };
  });
  return { bars, min, max };
}

/** Maps a value onto a pixel row, top at `max`; a flat axis puts everything on the middle line. */
export function rowOf(value: number, min: number, max: number, height: number): number {
  if (max === min) return height / 2;
  return ((max - value) / (max - min)) * height;
}
