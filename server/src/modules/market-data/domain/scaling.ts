import { invalid } from '../../../platform/errors.js';

/**
 * Prices and quantities become integers of ticks and lots before they reach a book
 * or a position, so that sums never drift. The conversion is exact decimal
 * arithmetic on BigInt, and a value that is not a whole number of increments is
 * rejected rather than rounded.
 */

interface ScaledDecimal {
  units: bigint;
  decimals: number;
}

const DECIMAL = /^([+-])?(\d+)(?:\.(\d+))?$/;

function parseDecimal(text: string, field: string): ScaledDecimal {
  const match = DECIMAL.exec(text.trim());
  if (!match) throw invalid(field, 'decimal', `${field} "${text}" is not a decimal number`);
  const fraction = match[3] ?? '';
  const units = BigInt(`${match[2] ?? '0'}${fraction}`);
  return { units: match[1] === '-' ? -units : units, decimals: fraction.length };
}

/** Numbers go through their shortest round-trip text, so 85.12 means exactly 85.12. */
function toDecimalText(value: string | number, field: string): string {
  if (typeof value === 'string') return value;
  if (!Number.isFinite(value)) throw invalid(field, 'finite', `${field} must be a finite number`);
  const text = String(value);
  if (!/e/i.test(text)) return text;
  return value.toFixed(20).replace(/\.?0+$/, '');
}

function rescale(value: ScaledDecimal, decimals: number): bigint {
  return value.units * 10n ** BigInt(decimals - value.decimals);
}

function countIncrements(
  value: string | number,
  increment: string,
  field: string,
  rule: string,
): number {
  const amount = parseDecimal(toDecimalText(value, field), field);
  const step = parseDecimal(increment, 'increment');
  if (step.units <= 0n)
    throw invalid('increment', 'positive', `increment "${increment}" must be positive`);
  const decimals = Math.max(amount.decimals, step.decimals);
  const scaledAmount = rescale(amount, decimals);
  const scaledStep = rescale(step, decimals);
  if (scaledAmount % scaledStep !== 0n) {
    throw invalid(field, rule, `${field} ${String(value)} is not a multiple of ${increment}`);
  }
  const count = scaledAmount / scaledStep;
  if (count > BigInt(Number.MAX_SAFE_INTEGER) || count < -BigInt(Number.MAX_SAFE_INTEGER)) {
    throw invalid(
      field,
      'range',
      `${field} ${String(value)} is too large to count in increments of ${increment}`,
    );
  }
  return Number(count);
}

function formatIncrements(count: number, increment: string, field: string): string {
  if (!Number.isSafeInteger(count))
    throw invalid(field, 'integer', `${field} must be a whole number`);
  const step = parseDecimal(increment, 'increment');
  const units = BigInt(count) * step.units;
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(step.decimals + 1, '0');
  const whole = digits.slice(0, digits.length - step.decimals);
  const fraction = digits.slice(digits.length - step.decimals).replace(/0+$/, '');
  return `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
}

/** Whole ticks in a price; negative prices give negative ticks. */
export const priceToTicks = (price: string | number, tickSize: string): number =>
  countIncrements(price, tickSize, 'price', 'tick_multiple');

/** The exact decimal text of a number of ticks. */
export const ticksToPrice = (ticks: number, tickSize: string): string =>
  formatIncrements(ticks, tickSize, 'ticks');

export const quantityToLots = (quantity: string | number, lotSize: string): number =>
  countIncrements(quantity, lotSize, 'quantity', 'lot_multiple');

export const lotsToQuantity = (lots: number, lotSize: string): string =>
  formatIncrements(lots, lotSize, 'lots');

/** The nearest whole number of ticks, for generated prices that start as floats. */
export function roundToTicks(price: number, tickSize: string): number {
  const step = Number(tickSize);
  return Math.round(price / step);
}
