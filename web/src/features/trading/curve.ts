import type { CurveSide, CurveStep } from './types';

/** One editable row of a step curve, as typed. */
export interface StepRow {
  key: number;
  price: string;
  quantity: string;
}

export interface CurveCheck {
  steps: CurveStep[];
  /** Messages by row key; a curve with any is not sent. */
  rowErrors: Record<number, string>;
  curveError: string | null;
}

/**
 * Turns typed rows into the steps the auction takes. Bids are sent from the
 * highest price down and offers from the lowest up, the order in which the
 * clearing walks them; two steps at one price would be ambiguous and are refused.
 */
export function checkCurve(rows: readonly StepRow[], side: CurveSide): CurveCheck {
  const rowErrors: Record<number, string> = {};
  const steps: CurveStep[] = [];
  const seen = new Set<number>();
  for (const row of rows) {
    if (row.price.trim() === '' && row.quantity.trim() === '') continue;
    const price = Number(row.price);
    const quantity = Number(row.quantity);
    if (row.price.trim() === '' || !Number.isFinite(price)) rowErrors[row.key] = 'Enter a price.';
    else if (row.quantity.trim() === '' || !Number.isFinite(quantity) || quantity <= 0)
      rowErrors[row.key] = 'Enter a quantity above zero.';
    else if (seen.has(price)) rowErrors[row.key] = 'Another step already has this price.';
    else {
      seen.add(price);
      steps.push({ price, quantity });
    }
  }
  const direction = side === 'bid' ? -1 : 1;
  steps.sort((a, b) => direction * (a.price - b.price));
  const curveError =
    steps.length === 0 && Object.keys(rowErrors).length === 0 ? 'Enter at least one step.' : null;
  return { steps, rowErrors, curveError };
}
