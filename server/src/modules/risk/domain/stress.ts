/**
 * Stress tests: a scenario shocks prices and volatilities by commodity and tenor bucket, and
 * every position is revalued in full under it (options through Black-76), so a vega or gamma
 * exposure shows its real loss rather than a sensitivity's linear guess.
 */
import { invalid } from '../../../platform/errors.js';
import { black76Price, type OptionType } from './black76.js';

/** Where on the curve a position sits; scenarios can shock buckets differently. */
export type TenorBucket =
  'spot' | 'day-ahead' | 'weekend' | 'front-month' | 'front-quarter' | 'front-season' | 'calendar';

export type ShockMeasure = 'price' | 'volatility';

/**
 * 'relative': multiply by (1 + size), so +3 is +300%. 'absolute': add size in price units
 * (or volatility units). 'level': set to size, for capped or floored prices (ERCOT at its
 * offer cap, power at a negative weekend price).
 */
export type ShockKind = 'relative' | 'absolute' | 'level';

export interface Shock {
  readonly commodities: readonly string[];
  /** Omitted: every tenor of the commodities. A shock naming the bucket wins over one that does not. */
  readonly tenorBuckets?: readonly TenorBucket[];
  readonly measure: ShockMeasure;
  readonly kind: ShockKind;
  readonly size: number;
}

export interface StressScenario {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly shocks: readonly Shock[];
}

interface StressPositionBase {
  readonly id: string;
  readonly commodity: string;
  readonly tenorBucket: TenorBucket;
  /** Signed volume in the price's unit (MWh, therms, tonnes): P&L = quantity x price change. */
  readonly quantity: number;
  /** Current forward or spot price of the delivery period. */
  readonly price: number;
}

export interface LinearStressPosition extends StressPositionBase {
  readonly kind: 'linear';
}

export interface OptionStressPosition extends StressPositionBase {
  readonly kind: 'option';
  readonly optionType: OptionType;
  readonly strike: number;
  readonly expiryYears: number;
  readonly volatility: number;
  readonly rate: number;
}

export type StressPosition = LinearStressPosition | OptionStressPosition;

export interface PositionStressResult {
  readonly positionId: string;
  readonly pnl: number;
  readonly price: number;
  readonly stressedPrice: number;
  readonly volatility?: number;
  readonly stressedVolatility?: number;
}

export interface StressResult {
  readonly scenarioId: string;
  readonly totalPnl: number;
  readonly positions: PositionStressResult[];
  readonly pnlByCommodity: Record<string, number>;
}

/** The shock for one measure of a position: most specific first, then the later in the list. */
const shockFor = (
  scenario: StressScenario,
  position: StressPosition,
  measure: ShockMeasure,
): Shock | undefined => {
  let chosen: Shock | undefined;
  let chosenSpecific = false;
  for (const shock of scenario.shocks) {
    if (shock.measure !== measure || !shock.commodities.includes(position.commodity)) continue;
    const specific = shock.tenorBuckets !== undefined;
    if (specific && !shock.tenorBuckets.includes(position.tenorBucket)) continue;
    if (!chosen || specific || !chosenSpecific) {
      chosen = shock;
      chosenSpecific = specific;
    }
  }
  return chosen;
};

export const applyShock = (value: number, shock: Shock | undefined): number => {
  if (!shock) return value;
  switch (shock.kind) {
    case 'relative':
      return value * (1 + shock.size);
    case 'absolute':
      return value + shock.size;
    case 'level':
      return shock.size;
  }
};

/**
 * Black-76 is undefined at or below a zero forward; there the option is worth its discounted
 * intrinsic value, a lower bound that is exact for the deep in- or out-of-the-money case
 * negative prices produce.
 */
const optionValue = (
  position: OptionStressPosition,
  forward: number,
  volatility: number,
): number => {
  if (forward <= 0) {
    const intrinsic = Math.max(
      position.optionType === 'call' ? forward - position.strike : position.strike - forward,
      0,
    );
    return Math.exp(-position.rate * position.expiryYears) * intrinsic;
  }
  return black76Price({
    type: position.optionType,
    forward,
    strike: position.strike,
    expiryYears: position.expiryYears,
    volatility,
    rate: position.rate,
  });
};

const stressPosition = (
  scenario: StressScenario,
  position: StressPosition,
): PositionStressResult => {
  const stressedPrice = applyShock(position.price, shockFor(scenario, position, 'price'));
  if (position.kind === 'linear') {
    return {
      positionId: position.id,
      pnl: position.quantity * (stressedPrice - position.price),
      price: position.price,
      stressedPrice,
    };
  }
  const stressedVolatility = Math.max(
    0,
    applyShock(position.volatility, shockFor(scenario, position, 'volatility')),
  );
  const before = optionValue(position, position.price, position.volatility);
  const after = optionValue(position, stressedPrice, stressedVolatility);
  return {
    positionId: position.id,
    pnl: position.quantity * (after - before),
    price: position.price,
    stressedPrice,
    volatility: position.volatility,
    stressedVolatility,
  };
};

export const runStressTest = (
  scenario: StressScenario,
  positions: readonly StressPosition[],
): StressResult => {
  const results = positions.map((position, index) => {
    if (!Number.isFinite(position.price) || !Number.isFinite(position.quantity)) {
      throw invalid(
        `positions[${index}]`,
        'finite',
        `position ${position.id} needs a finite price and quantity`,
      );
    }
    return stressPosition(scenario, position);
  });
  const pnlByCommodity: Record<string, number> = {};
  let totalPnl = 0;
  results.forEach((result, index) => {
    const commodity = positions[index]!.commodity;
    pnlByCommodity[commodity] = (pnlByCommodity[commodity] ?? 0) + result.pnl;
    totalPnl += result.pnl;
  });
  return { scenarioId: scenario.id, totalPnl, positions: results, pnlByCommodity };
};
