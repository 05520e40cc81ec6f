import { describe, expect, it } from 'vitest';
import { DomainError } from '../../platform/errors.js';
import { checkKindFor, formatTarget, parseTarget } from './targets.js';

describe('forecast targets', () => {
  it('reads each kind of target and writes it back the same', () => {
    for (const text of [
      'dataset:0b8f0c52-5a3e-4a8e-9a51-1f2d3c4b5a69',
      'dataset-load:0b8f0c52-5a3e-4a8e-9a51-1f2d3c4b5a69',
      'instrument:PWR-DE-LU-DA-H',
      'load:NORDIC',
    ]) {
      expect(formatTarget(parseTarget(text))).toBe(text);
    }
  });

  it('names the field and the formats when a target is malformed', () => {
    const issues = (text: string, field?: string) => {
      try {
        parseTarget(text, field);
      } catch (error) {
        return error instanceof DomainError ? error.fieldIssues : error;
      }
      return 'accepted';
    };
    expect(issues('dataset:42')).toEqual([
      expect.objectContaining({
        field: 'target',
        rule: 'format',
        message: expect.stringContaining('load:<area>'),
      }),
    ]);
    expect(issues('instrument:pwr de', 'b')).toEqual([
      expect.objectContaining({ field: 'b', rule: 'format' }),
    ]);
  });

  it('keeps the seasonal model to load and the price models to prices', () => {
    expect(() => checkKindFor(parseTarget('load:FR'), 'seasonal')).not.toThrow();
    expect(() => checkKindFor(parseTarget('load:FR'), 'lear')).toThrow(/does not forecast load/);
    expect(() => checkKindFor(parseTarget('instrument:PWR-FR-DA-H'), 'seasonal')).toThrow(
      /does not forecast price/,
    );
  });
});
