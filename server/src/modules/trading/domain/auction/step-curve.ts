import { DomainError, type FieldIssue } from '../../../../platform/errors.js';

/**
 * One step of a participant's curve: a buyer wants `quantity` more lots if
 * the price is at or below `price`; a seller offers `quantity` more lots if
 * it is at or above. Prices in ticks, quantities in lots.
 */
export interface CurveStep {
  price: number;
  quantity: number;
}

export interface AuctionCurve {
  participant: string;
  side: 'buy' | 'sell';
  /** Hour of the delivery day, from 0; a day has 23 or 25 of them when the clocks change. */
  deliveryHour: number;
  steps: CurveStep[];
}

/** A step with where it came from, so that allocations can be traced back. */
export interface Tranche {
  participant: string;
  side: 'buy' | 'sell';
  price: number;
  quantity: number;
  /** Position in submission order, the last resort of every tie-break. */
  index: number;
}

export function validateCurves(curves: readonly AuctionCurve[]): void {
  const issues: FieldIssue[] = [];
  curves.forEach((curve, c) => {
    if (
      !Number.isSafeInteger(curve.deliveryHour) ||
      curve.deliveryHour < 0 ||
      curve.deliveryHour > 24
    ) {
      issues.push({
        field: `curves[${c}].deliveryHour`,
        rule: 'hour_of_day',
        message: 'delivery hour must be 0 to 24',
      });
    }
    if (curve.steps.length === 0) {
      issues.push({
        field: `curves[${c}].steps`,
        rule: 'non_empty',
        message: 'a curve needs at least one step',
      });
    }
    curve.steps.forEach((step, s) => {
      if (!Number.isSafeInteger(step.price)) {
        issues.push({
          field: `curves[${c}].steps[${s}].price`,
          rule: 'tick_size',
          message: 'price must be whole ticks',
        });
      }
      if (!Number.isSafeInteger(step.quantity) || step.quantity <= 0) {
        issues.push({
          field: `curves[${c}].steps[${s}].quantity`,
          rule: 'lot_size',
          message: 'quantity must be whole lots above zero',
        });
      }
    });
  });
  if (issues.length > 0) {
    throw new DomainError(
      'validation',
      'invalid_auction_curves',
      'the auction curves are not valid',
      issues,
    );
  }
}

/** Flattens curves into tranches, numbered in submission order. */
export function tranchesOf(curves: readonly AuctionCurve[]): Tranche[] {
  const out: Tranche[] = [];
  for (const curve of curves) {
    for (const step of curve.steps) {
      out.push({
        participant: curve.participant,
        side: curve.side,
        price: step.price,
        quantity: step.quantity,
        index: out.length,
      });
    }
  }
  return out;
}

/** Lots demanded at `price`: every buy tranche willing to pay at least that. */
export const demandAt = (buys: readonly Tranche[], price: number): number =>
  buys.reduce((sum, t) => (t.price >= price ? sum + t.quantity : sum), 0);

/** Lots offered at `price`: every sell tranche willing to accept that or less. */
export const supplyAt = (sells: readonly Tranche[], price: number): number =>
  sells.reduce((sum, t) => (t.price <= price ? sum + t.quantity : sum), 0);
