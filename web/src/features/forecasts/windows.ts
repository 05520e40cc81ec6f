/** Calibration windows typed as "56, 84"; empty means the model's own defaults. */
export function parseWindows(text: string): number[] | undefined | null {
  if (text.trim() === '') return undefined;
  const windows = text
    .split(/[\s,]+/)
    .filter(Boolean)
    .map(Number);
  return windows.every((w) => Number.isInteger(w) && w >= 14) ? windows : null;
}
