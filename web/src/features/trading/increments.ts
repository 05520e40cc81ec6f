/**
 * Whether a figure is a whole number of ticks or lots. Done in scaled
 * integers, because 0.3 / 0.1 is not 3 in binary floating point and a
 * desk would not forgive a ticket that refuses 45.30 on a 0.01 tick.
 */

function decimalsOf(step: string): number {
  const plain = Number(step).toString();
  const exponent = /e-(\d+)$/.exec(plain);
  if (exponent) return Number(exponent[1]);
  const dot = plain.indexOf('.');
  return dot === -1 ? 0 : plain.length - dot - 1;
}

export function isMultipleOf(value: number, step: number | string): boolean {
  const stepNumber = Number(step);
  if (!Number.isFinite(value) || !(stepNumber > 0)) return false;
  const decimals = decimalsOf(String(step));
  const scale = 10 ** decimals;
  const scaledValue = value * scale;
  const wholeValue = Math.round(scaledValue);
  // More decimals than the step has cannot be a multiple of it.
  if (Math.abs(scaledValue - wholeValue) > 1e-6) return false;
  const wholeStep = Math.round(stepNumber * scale);
  return wholeValue % wholeStep === 0;
}

/** The nearest multiples either side, to suggest in a message. */
export function neighbours(value: number, step: number | string): [number, number] {
  const stepNumber = Number(step);
  const decimals = decimalsOf(String(step));
  const below = Math.floor(value / stepNumber) * stepNumber;
  const round = (x: number) => Number(x.toFixed(decimals));
  return [round(below), round(below + stepNumber)];
}

/** Shows a figure with as many decimals as its step, so 45.3 on a 0.01 tick reads 45.30. */
export function formatInStep(value: number, step: number | string): string {
  return value.toFixed(decimalsOf(String(step)));
}
