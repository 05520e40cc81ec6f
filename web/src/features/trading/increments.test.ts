import { describe, expect, it } from 'vitest';
import { formatInStep, isMultipleOf, neighbours } from './increments';

describe('whole numbers of ticks and lots', () => {
  it('treats decimal steps exactly, where floating division would not', () => {
    expect(isMultipleOf(0.3, '0.1')).toBe(true);
    expect(isMultipleOf(45.3, 0.01)).toBe(true);
    expect(isMultipleOf(1.15, '0.05')).toBe(true);
  });

  it('refuses values with more decimals than the step or off its grid', () => {
    expect(isMultipleOf(45.305, '0.01')).toBe(false);
    expect(isMultipleOf(1.12, '0.05')).toBe(false);
    expect(isMultipleOf(7, '5')).toBe(false);
  });

  it('suggests the ticks either side of an off-grid price', () => {
    expect(neighbours(45.305, '0.01')).toEqual([45.3, 45.31]);
    expect(formatInStep(45.3, '0.01')).toBe('45.30');
  });
});
